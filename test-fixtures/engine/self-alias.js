if (typeof part.body === 'undefined') {
  self.request.emit('error', new Error('Body attribute missing'));
}
console.log('checked');
