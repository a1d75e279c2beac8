{
  "id": 7,
  "title": "Write tests",
  "done": false
}
