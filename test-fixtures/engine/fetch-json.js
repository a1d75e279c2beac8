fetch('https://jsonplaceholder.typicode.com/todos')
  .then(response => response.json())
  .then(todos => {
    const done = todos.filter(todo => todo.completed);
    console.log(`${done.length} of ${todos.length} done`);
  })
  .catch(err => console.error('failed:', err.message));
