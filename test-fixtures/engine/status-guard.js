if (response.status !== 200) {
  throw new Error('request failed');
}
console.log('ok', response.status);
