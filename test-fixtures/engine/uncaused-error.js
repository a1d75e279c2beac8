console.log('before');
const settings = null;
console.log(settings.theme);
console.log('after');
