const express = require('express');
const app = express();

app.get('/', (req, res) => {
  res.send('Hello World!');
});

app.get('/users/:id', (req, res) => {
  const id = req.params.id;
  res.json({ id, name: 'someone' });
});

app.listen(3000, () => {
  console.log('Example app listening on port 3000');
});
