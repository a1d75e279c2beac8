function grade(score) {
  if (score < 0 || score > 100) throw new RangeError('bad score');
  if (score < 90) return 'not an A';
  const bonus = score - 90;
  console.log('bonus', bonus);
  return 'A';
}
console.log(grade(points));
