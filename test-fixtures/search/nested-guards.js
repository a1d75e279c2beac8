function handle(event) {
  if (event.kind === 'click') {
    if (event.button === 2) {
      console.log('right click');
      return 'context menu';
    }
  }
  return 'ignored';
}
console.log(handle(evt));
