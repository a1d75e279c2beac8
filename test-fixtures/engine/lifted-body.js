// Lifted from a class method: `this` and its options come from somewhere else.
const retries = this.options.retries || 3;
if (!this.options.enabled) {
  return null;
}
const url = this.options.baseUrl + '/status';
console.log('checking', url, 'retries', retries);
return url;
