const match = line.match(/^(\w+)=(.*)$/);
const [, key, value] = match;
console.log(key, value);
