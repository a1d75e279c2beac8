function start(options) {
  console.log('starting', typeof options);
}
start({});
throw new Error('boom');
