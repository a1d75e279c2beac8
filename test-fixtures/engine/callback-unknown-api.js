const socket = io('https://chat.example.com');
socket.on('message', (msg) => {
  console.log('message:', msg.text.toUpperCase());
});
socket.on('disconnect', () => console.log('bye'));
