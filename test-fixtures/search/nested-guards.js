function handle(event) {
  if (event.kind === 'click') {
    if (event.button === 2) {
      console.log('right click');
    }
    console.log('click');
  }
  return 'handled';
}
console.log(handle(evt));
