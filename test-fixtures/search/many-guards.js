// Guards that no value passes (a number above 10 and below 5): the search keeps trying until its budget ends.
if (level0 > 10 && level0 < 5) {
  console.log('impossible 0');
}
if (level1 > 10 && level1 < 5) {
  console.log('impossible 1');
}
if (level2 > 10 && level2 < 5) {
  console.log('impossible 2');
}
if (level3 > 10 && level3 < 5) {
  console.log('impossible 3');
}
if (level4 > 10 && level4 < 5) {
  console.log('impossible 4');
}
if (level5 > 10 && level5 < 5) {
  console.log('impossible 5');
}
if (level6 > 10 && level6 < 5) {
  console.log('impossible 6');
}
if (level7 > 10 && level7 < 5) {
  console.log('impossible 7');
}
if (level8 > 10 && level8 < 5) {
  console.log('impossible 8');
}
if (level9 > 10 && level9 < 5) {
  console.log('impossible 9');
}
if (level10 > 10 && level10 < 5) {
  console.log('impossible 10');
}
if (level11 > 10 && level11 < 5) {
  console.log('impossible 11');
}
if (level12 > 10 && level12 < 5) {
  console.log('impossible 12');
}
if (level13 > 10 && level13 < 5) {
  console.log('impossible 13');
}
if (level14 > 10 && level14 < 5) {
  console.log('impossible 14');
}
if (level15 > 10 && level15 < 5) {
  console.log('impossible 15');
}
if (level16 > 10 && level16 < 5) {
  console.log('impossible 16');
}
if (level17 > 10 && level17 < 5) {
  console.log('impossible 17');
}
if (level18 > 10 && level18 < 5) {
  console.log('impossible 18');
}
if (level19 > 10 && level19 < 5) {
  console.log('impossible 19');
}
if (level20 > 10 && level20 < 5) {
  console.log('impossible 20');
}
if (level21 > 10 && level21 < 5) {
  console.log('impossible 21');
}
if (level22 > 10 && level22 < 5) {
  console.log('impossible 22');
}
if (level23 > 10 && level23 < 5) {
  console.log('impossible 23');
}
if (level24 > 10 && level24 < 5) {
  console.log('impossible 24');
}
if (level25 > 10 && level25 < 5) {
  console.log('impossible 25');
}
if (level26 > 10 && level26 < 5) {
  console.log('impossible 26');
}
if (level27 > 10 && level27 < 5) {
  console.log('impossible 27');
}
if (level28 > 10 && level28 < 5) {
  console.log('impossible 28');
}
if (level29 > 10 && level29 < 5) {
  console.log('impossible 29');
}
