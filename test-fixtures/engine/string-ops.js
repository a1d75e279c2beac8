const slug = title.toLowerCase().trim().replace(/\s+/g, '-');
console.log(slug);
const parts = csvLine.split(',');
console.log(parts.length > 0);
const initials = fullName.split(' ').map(w => w[0]).join('');
console.log(initials);
console.log('Hello, ' + username + '!');
