const broken = require('throws-on-load');
const addon = require('native-addon');
const missing = require('not-installed-anywhere');
console.log(typeof broken, typeof addon, typeof missing);
