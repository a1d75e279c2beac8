const fields = {};
let index, line;
const lines = text.split('\n');
for (let i = 0; i < lines.length; i++) {
  line = lines[i];
  index = line.indexOf(':');
  if (index === -1) continue;
  fields[line.slice(0, index)] = line.slice(index + 1);
}
const invalid = hasErrors(fields) || isEmpty(fields);
if (invalid) throw new Error('bad headers');
console.log(Object.keys(fields).length > 0);
