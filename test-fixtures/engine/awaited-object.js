const mod = await load(name);
if (mod && typeof mod === 'object') {
  console.log('module', Object.keys(mod).length);
}
if (typeof value === 'undefined') {
  value = 'default';
}
console.log(value);
