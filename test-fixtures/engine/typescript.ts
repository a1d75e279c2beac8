interface User {
  id: number;
  name: string;
  roles: string[];
}

type Role = 'admin' | 'user';

function isAdmin(user: User): boolean {
  return user.roles.includes('admin');
}

const current: User = { id: 1, name: 'Ada', roles: ['admin'] };
const role: Role = isAdmin(current) ? 'admin' : 'user';
console.log(`${current.name} is ${role}`);
const visible = users.filter((u: User) => u.roles.length > 0);
console.log(visible.length);
