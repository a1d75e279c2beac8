// The first guess for `response` (an object with a list under data) has no then: the run fails,
// Pico blames response and tries its next candidate, which runs every line.
const ids = response.data.map(item => item.id);
console.log(ids.length, 'ids');
response.then(r => console.log('done'));
