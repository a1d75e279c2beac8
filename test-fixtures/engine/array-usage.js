// Stack Overflow: "how do I get the names of active users?"
const names = users.map(user => user.name);
console.log(names.length + ' users');
users.forEach(u => {
  if (u.active) console.log('active:', u.name);
});
for (const item of cart) {
  console.log(item.title, item.price.toFixed(2));
}
