setTimeout(() => console.log('second'), 100);
setTimeout(() => console.log('first'), 10);
console.log('sync');
let ticks = 0;
const id = setInterval(() => {
  ticks++;
  console.log('tick', ticks);
  if (ticks === 2) clearInterval(id);
}, 50);
setInterval(() => console.log('forever'), 1000);
