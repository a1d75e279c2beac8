// Keys of assumed objects looked up in a table of another: only a table without those keys lets the body run.
args.forEach(function (obj) {
  Object.keys(obj || {}).forEach(function (key) {
    if (flags.aliases[key]) return;
    flags.aliases[key] = [].concat(aliases[key] || []);
    flags.aliases[key].concat(key).forEach(function (alias) {
      console.log('alias', alias);
    });
  });
});
