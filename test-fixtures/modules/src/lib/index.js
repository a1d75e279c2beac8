// A directory's index, required as './lib'.
exports.double = (n) => n * 2;
