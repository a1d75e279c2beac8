const fs = require('fs');
for (const file of ['/etc/passwd', '../../../../../../etc/passwd', __dirname + '/../outside-link']) {
  try {
    fs.readFileSync(file, 'utf8');
    console.log('read', file);
  } catch (error) {
    console.log('refused', error.code);
  }
}
