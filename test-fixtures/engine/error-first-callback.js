const fs = require('fs');

fs.readFile(filePath, 'utf8', (err, data) => {
  if (err) {
    console.error('could not read', err);
    return;
  }
  const lines = data.split('\n');
  console.log('lines:', lines.length);
});
