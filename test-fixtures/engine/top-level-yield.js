const first = yield 'ready';
console.log('resumed with', typeof first);
yield 'done';
