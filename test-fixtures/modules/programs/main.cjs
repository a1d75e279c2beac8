const greet = require('cjs-pkg');
function main() {
  console.log('main', greet.hasParent, require.resolve('cjs-pkg').endsWith('lib/index.js'));
}
if (require.main === module) main();
