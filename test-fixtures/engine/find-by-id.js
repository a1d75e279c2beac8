// Stack Overflow: "find an object in an array by its id"
const user = users.find(u => u.id === userId);
console.log(user.name.toUpperCase());
