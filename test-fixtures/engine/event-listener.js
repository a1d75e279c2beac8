const button = document.querySelector('#save');
const status = document.getElementById('status');
button.addEventListener('click', (event) => {
  event.preventDefault();
  status.textContent = 'Saved!';
  console.log('clicked', status.textContent);
});
