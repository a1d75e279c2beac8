$(function () {
  console.log('dom ready');
  $('.toggle').on('click', function () {
    $(this).toggleClass('open');
    console.log('toggled');
  });
});
