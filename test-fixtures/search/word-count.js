function initials(name) {
  const words = name.trim().split(/\s+/);
  if (words.length < 3) return null;
  const first = words[0];
  const middle = words[1];
  const last = words[2];
  return first[0] + middle[0] + last[0];
}
console.log(initials(fullName));
