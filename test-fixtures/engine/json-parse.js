const data = JSON.parse(body);
console.log(typeof data);
console.log(Object.keys(data).length > 0);
const saved = JSON.parse(localStorage.getItem('prefs') || '{}');
console.log(typeof saved);
