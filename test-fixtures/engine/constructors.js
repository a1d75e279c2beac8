const client = new ApiClient({ baseUrl: 'https://api.example.com' });
const response = client.get('/users');
console.log(typeof response);
const emitter = new EventEmitter();
emitter.on('ready', () => console.log('ready fired'));
emitter.emit('ready');
