let out = '';
if (token.nesting === 0 && flags.short) out += '/';
if (token.block) {
  if (token.nesting === 1) {
    out += '<';
    out += token.tag;
    out += '>';
    out += '\n';
  }
}
console.log(out);
