const timer = setInterval(function () {
  if (gauge.get('opacity') > 0.99) {
    clearInterval(timer);
    if (typeof done === 'function') {
      console.log('faded in');
      done();
    }
    return;
  }
  gauge.step();
}, 50);
