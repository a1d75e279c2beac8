const express = require('express');
const app = express();

app.use(express.json());

app.post('/api/items', async (req, res) => {
  try {
    const item = await Item.create(req.body);
    res.status(201).json(item);
  } catch (err) {
    ...
  }
