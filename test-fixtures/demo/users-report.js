// A fragment as it might be pasted from an answer: `users`, `config` and `sendEmail` are never defined.
const active = users.filter(u => u.active && u.age >= config.minAge);
const names = active.map(u => `${u.name} <${u.email}>`);
console.log(`${names.length} active users`);
for (const line of names) {
  console.log(line);
}
if (!config.notify) return names;
sendEmail(config.adminEmail, names.join('\n'), (err, info) => {
  if (err) throw err;
  console.log('sent', info.messageId);
});
