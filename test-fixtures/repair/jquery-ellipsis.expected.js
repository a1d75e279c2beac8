$('#btn').on('click', function() {
  $.ajax({
    url: '/api',
    success: function(data) {
      console.log(data);
    },
    error: function(xhr, status, err) {   }
  });
});
