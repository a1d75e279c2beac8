// What must never reach a user, on any surface: the sandbox's helpers and globals (`__pico.any("x")`, `__pico_k`),
// its internal error class (`PicoLimit`), and a callback's parameter shown as if `function(err)` were a name.
export const internalName = /__pico[\w$]*|\bPicoLimit\b|(?<![\w$])function\([\w$, ]*\) =|"name":"function\(/;
