// A browser global read through `window`: Pico assumes `location.search`, which must be seen flowing into the test.
if (window.location.search.indexOf('debug=1') > -1) {
  console.log('debug mode');
} else {
  console.log('normal mode');
}
