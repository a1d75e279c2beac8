// Complete, deterministic programs (no undefined name, no error): Node's output and executed lines are the oracle.
// Semicolon-free ones first (automatic semicolon insertion before `(`, `[`, `` ` ``, `/`, `+`, `-`), then the
// forms instrumentation must keep: block-bodied arrows, do…while, labels, class fields and static blocks,
// getters/setters, generators, directives, a hashbang. Output is primitives and strings only.
export const programs: Record<string, string> = {
  'the issue: a block-bodied arrow bound by const, no semicolons': `const double = (n) => {
  return n * 2
}
let total = 0
for (const v of [1, 2, 3]) total += double(v)
console.log(total)
`,
  'a called arrow function, no semicolons': 'const f = (a) => {\n  console.log(a)\n}\nf(2)\n',
  'a line starting with ( after one without ; continues it (a call)': `const g = (x) => x * 3
const r = g
(5)
console.log(r)
;(function () { console.log('iife') })()
`,
  'a line starting with [ continues the previous expression': `const k = 'a'
const obj = { a: [10, 20] }
const v = obj
[k]
console.log(v[1])
;[3, 4].forEach((n) => console.log(n))
`,
  'a line starting with a template continues as a tagged template': 'const tag = (s) => s[0].toUpperCase()\nconst t = tag\n`abc`\nconsole.log(t)\n',
  'a line starting with / divides': 'let a = 8\nlet b = 2\nlet g = 2\nlet c = a\n/b/g\nconsole.log(c)\n',
  'lines starting with + and - continue; ++ does not': 'let x = 1\nlet y = x\n+1\nlet z = y\n-3\nlet i = 0\ni\n++\ni\nconsole.log(y, z, i)\n',
  'a block-bodied arrow ends before a line starting with [': `const f = () => {
  return 1
}
[1, 2].forEach((n) => console.log(n + f()))
`,
  'a function expression bound by let, then a statement on the next line': `let h = function (a) {
  return a + 1
}
console.log(h(1))
h = function named() { return 'again' }
console.log(h())
`,
  'a class and a method-holding object bound without semicolons': `const Point = class {
  constructor(x) { this.x = x }
  twice() { return this.x * 2 }
}
const o = {
  m() { return 'm' },
  n: function () { return 'n' }
}
console.log(new Point(4).twice(), o.m(), o.n())
`,
  'do…while with and without braces and semicolons': `let n = 0
do n++
while (n < 3)
do { n += 10 } while (n < 25) console.log('after', n)
`,
  'labels, break and continue': `outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    if (j === 1) continue outer
    if (i === 2) break outer
    console.log(i, j)
  }
}
block: {
  console.log('in block')
  break block
}
`,
  'class fields, a field arrow before a computed key, a static block, private fields, accessors': `class A {
  x = 1
  static y = 2
  f = () => {
    return this.x
  }
  ['z'] = 3
  static {
    console.log('static', A.y)
  }
  #p = 4
  get p() { return this.#p }
  set p(v) { this.#p = v }
}
const a = new A()
a.p = 9
console.log(a.x, a.f(), a.z, a.p)
`,
  'generators': `function* gen() {
  yield 1
  const got = yield 2
  console.log('got', got)
}
const it = gen()
console.log(it.next().value, it.next().value)
it.next('back')
for (const v of gen()) console.log('v', v)
`,
  'use strict stays first, in the program and in a function': `'use strict'
function f() { return this === undefined }
console.log(f())
function g() {
  'use strict'
  return typeof this
}
console.log(g.call(undefined))
`,
  'a function directive without semicolon before a line starting with [': `function g() {
  'use strict'
  ;[1].forEach(() => console.log(this === undefined))
}
g()
`,
  'a hashbang line': '#!/usr/bin/env node\nconsole.log("hi")\n',
  'a hashbang line before a function declaration Pico registers': '#!/usr/bin/env node\nfunction f() {\n  return 2\n}\nconsole.log(f())\n',
  'a block comment holding a line break separates statements': 'let a = 1 /*\n*/ let b = 2\nconsole.log(a + b)\n',
  'an unbraced if body with a trailing comment before else': `const x = 2
if (x > 1) console.log('big') // yes
else console.log('small')
if (x > 5) console.log('huge') /* no */
else console.log('not huge')
`,
  'switch, try/catch/finally, throw caught': `function kind(v) {
  switch (typeof v) {
    case 'number': return 'num'
    case 'string':
      return 'str'
    default:
      return 'other'
  }
}
try {
  throw new Error('boom')
} catch (e) {
  console.log('caught', e.message)
} finally {
  console.log(kind(1), kind('s'), kind(null))
}
`,
  'timers and promises in Node order': `setTimeout(() => console.log('timeout'), 0)
Promise.resolve().then(() => console.log('microtask'))
console.log('sync')
async function main() {
  await null
  console.log('after await')
}
main()
`,
  'a catch handler of a resolved promise never runs': `Promise.resolve(1).catch(() => console.log('never'))
Promise.resolve(2).then((v) => console.log('then', v), () => console.log('never either'))
console.log('done')
`,
  'a base constructor runs once per new': `class Base {
  constructor() {
    console.log('base')
  }
}
class Derived extends Base {}
new Derived()
`,
  'arguments inside a function, and a catch handler that never runs': `function sum() {
  let total = 0
  for (let i = 0; i < arguments.length; i++) total += arguments[i]
  return total
}
Promise.resolve(sum(1, 2, 3)).then((v) => console.log('sum', v)).catch(() => console.log('never'))
`,
  'getters and setters on an object literal': `const temp = {
  c: 20,
  get f() { return this.c * 9 / 5 + 32 },
  set f(v) { this.c = (v - 32) * 5 / 9 }
}
console.log(temp.f)
temp.f = 212
console.log(temp.c)
`,
  'async arrows and for await': `const wait = async (v) => {
  return v
}
const run = async () => {
  for await (const v of [wait(1), wait(2)]) console.log(v)
}
run()
`,
  'regular expressions and division on one line': 'const s = "a/b/c"\nconst parts = s.split(/\\//g).length / 1\nconsole.log(parts, 10 / 2 / 5)\n',
  'template literals with expressions': 'const name = "Ada"\nconst n = 3\nconsole.log(`hello ${name}, ${n * 2}`)\n',
  'names read only after a typeof test get no assumed value (Node says they are missing)': `console.log(typeof foo)
if (typeof bar === 'function') {
  bar()
  console.log('bar ran')
} else {
  console.log('no bar')
}
const enabled = typeof baz !== 'undefined' && baz.enabled
console.log(enabled, typeof (qux))
`,
  'code that asks whether it runs in a browser gets Node\'s answer': `const isBrowser = typeof window !== 'undefined' && typeof document !== 'undefined'
console.log(isBrowser ? 'browser' : 'node')
const root = typeof self === 'object' ? self : globalThis
console.log(root === globalThis)
console.log(typeof XMLHttpRequest, typeof requestAnimationFrame, typeof navigator, typeof localStorage, typeof alert)
console.log(typeof fetch, typeof Blob, typeof FormData, typeof EventTarget, typeof structuredClone)
`,
  "the global object lists none of Pico's own names": `const own = Object.keys(globalThis).filter((k) => k.startsWith('__pico'))
function f() {
  return Object.keys(this).filter((k) => k.startsWith('__pico')).length
}
let seen = 0
for (const k in globalThis) if (k.startsWith('__pico')) seen++
console.log(own, f(), seen)
`,
};

/** Complete ES modules (they import or export): Node runs them as modules, strict, with an undefined top-level `this`. */
export const modulePrograms: Record<string, string> = {
  'a module is strict: a plain call gets no this, the top level has none, methods keep theirs': `import { basename } from 'node:path'
function plain() {
  return this
}
console.log(plain() === undefined, typeof this, basename('/a/b.txt'))
const o = { m() { return this === o } }
console.log(o.m())
export const answer = 42
console.log(answer)
`,
  'a module that writes to a frozen object throws, as strict code does': `export {}
const frozen = Object.freeze({ a: 1 })
let threw = 'no error'
try {
  frozen.a = 2
} catch (e) {
  threw = e.name
}
console.log(threw, frozen.a)
`,
};
