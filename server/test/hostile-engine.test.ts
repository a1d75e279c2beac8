// Hostile snippets through the engine in this process (the CLI's in-process mode; the daemon and the language
// server run this same engine): escapes from the sandbox, the host's environment, writes, the network, loops in
// every form, memory and stack bombs, output floods, deep nesting and global or prototype changes.
// Every case is contained when: the run comes back with a report (a normal result, or an error or a limit
// finding where the table says so), the report stays small, nothing reached the host (hostile-support.ts: no
// file written or removed, no connection to a loopback server, no host variable in any output, host prototypes
// untouched), and a normal snippet run right after gives exactly the report a fresh run gave.
import { defaultPredictors } from '../src/predictors/defaults';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runSnippet } from '../src/engine/index';
import type { Lang, Limits, Report } from '../src/engine/types';
import { cleanSnippet, fill, hostDamage, maxReportChars, reportChars, secret, stable, startTrap, type Trap } from './hostile-support';

interface Case {
  name: string;
  code: string;
  lang?: Lang;
  /** What contained means beyond the defaults: `limit` a limit finding, `error` an error or finding, `ran` no error. */
  expect?: 'limit' | 'error' | 'ran' | 'refused';
  /** Text the output must not contain (besides the secret). */
  notInOutput?: RegExp;
  limits?: Partial<Limits>;
}

const quick: Partial<Limits> = { timeoutMs: 300, memoryMb: 32 };
const sandboxLimits: Partial<Limits> = { timeoutMs: 1000, memoryMb: 32 };

const escapes: Case[] = [
  { name: 'process.exit', code: 'process.exit(1);\nconsole.log("after");' },
  { name: 'process.kill of its own pid', code: 'process.kill(process.pid, "SIGKILL");' },
  { name: 'process.abort', code: 'process.abort();' },
  { name: 'process.binding', code: 'const fs = process.binding("fs");\nconsole.log(typeof fs);' },
  { name: 'process.dlopen', code: 'process.dlopen({}, "/lib/x86_64-linux-gnu/libc.so.6");' },
  { name: 'process.mainModule.require', code: 'const cp = process.mainModule.require("child_process");\ncp.execSync("touch ${FILE}");' },
  { name: "require('child_process').execSync", code: 'require("child_process").execSync("touch ${FILE}");' },
  { name: "require('child_process').spawnSync", code: 'require("child_process").spawnSync("sh", ["-c", "echo x > ${FILE}"]);' },
  { name: "require('child_process').exec with a callback", code: 'require("child_process").exec("touch ${FILE}", (e, out) => console.log(out));' },
  { name: "require('fs').writeFileSync", code: 'require("fs").writeFileSync("${FILE}", "pwned");' },
  { name: "require('fs').appendFileSync", code: 'require("fs").appendFileSync("${FILE}", "pwned");' },
  { name: "require('fs').unlinkSync of a host file", code: 'require("fs").unlinkSync("${CANARY}");' },
  { name: "require('fs').rmSync recursive", code: 'require("fs").rmSync("${CANARY}", { force: true });' },
  { name: "require('fs').promises.writeFile", code: 'require("fs").promises.writeFile("${FILE}", "x").then(() => console.log("written"));' },
  { name: "require('fs/promises') writeFile", code: 'const fsp = require("fs/promises");\nawait fsp.writeFile("${FILE}", "x");' },
  { name: "require('fs').createWriteStream", code: 'const s = require("fs").createWriteStream("${FILE}");\ns.write("x");\ns.end();' },
  { name: "require('fs').mkdirSync", code: 'require("fs").mkdirSync("${FILE}");' },
  { name: "require('fs').renameSync of a host file", code: 'require("fs").renameSync("${CANARY}", "${FILE}");' },
  { name: "require('fs').readFileSync of a host file", code: 'console.log(require("fs").readFileSync("${CANARY}", "utf8"));', notInOutput: /^canary$/ },
  { name: 'import of node:fs, then a write', code: 'import { writeFileSync } from "node:fs";\nwriteFileSync("${FILE}", "x");' },
  { name: 'dynamic import() of child_process', code: 'import("child_process").then((cp) => cp.execSync("touch ${FILE}"));' },
  { name: 'dynamic import() of a file URL', code: 'import("file://${FILE}").then((m) => console.log(m));' },
  { name: "require('vm').runInThisContext", code: 'console.log(require("vm").runInThisContext("typeof process.binding"));' },
  { name: "require('worker_threads') Worker", code: 'const { Worker } = require("worker_threads");\nnew Worker("require(\'fs\').writeFileSync(\'${FILE}\', \'x\')", { eval: true });' },
  { name: "require('module').createRequire", code: 'const r = require("module").createRequire("/");\nr("fs").writeFileSync("${FILE}", "x");' },
  { name: 'module.constructor._load', code: 'module.constructor._load("child_process").execSync("touch ${FILE}");' },
  { name: 'Function constructor to the global object', code: 'const g = Function("return this")();\nconsole.log(typeof g.process?.binding, typeof g.require);' },
  { name: 'constructor.constructor chain', code: 'const p = this.constructor.constructor("return process")();\np.mainModule.require("fs").writeFileSync("${FILE}", "x");' },
  { name: 'array constructor chain', code: '[].constructor.constructor("return require")()("fs").writeFileSync("${FILE}", "x");' },
  { name: 'async function constructor', code: 'const AF = Object.getPrototypeOf(async function () {}).constructor;\nawait AF("return process")().binding("fs");' },
  { name: 'generator function constructor', code: 'const GF = Object.getPrototypeOf(function* () {}).constructor;\nconsole.log(GF("yield typeof require")().next().value);' },
  { name: 'indirect eval', code: '(0, eval)("require(\'fs\').writeFileSync(\'${FILE}\', \'x\')");' },
  { name: 'QuickJS std and os modules', code: 'import * as std from "std";\nimport * as os from "os";\nos.exec(["touch", "${FILE}"]);\nstd.open("${FILE}", "w");' },
  { name: 'QuickJS globals print and scriptArgs', code: 'console.log(typeof print, typeof scriptArgs, typeof std, typeof os);' },
  { name: 'WebAssembly compile', code: 'const m = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));\nconsole.log(typeof m);' },
  { name: 'Error.prepareStackTrace hook', code: 'Error.prepareStackTrace = (e, frames) => frames.map((f) => f.getThis && f.getThis());\nconsole.log(new Error("x").stack);' },
  { name: 'a getter on the error the host reads', code: 'const e = new Error("boom");\nObject.defineProperty(e, "message", { get() { require("fs").writeFileSync("${FILE}", "x"); return "m"; } });\nthrow e;' },
  { name: 'throwing a Proxy', code: 'throw new Proxy({}, { get(t, k) { require("fs").writeFileSync("${FILE}", String(k)); return "x"; } });' },
  { name: 'Symbol.toPrimitive on a thrown value', code: 'throw { [Symbol.toPrimitive]() { require("fs").writeFileSync("${FILE}", "x"); return "y"; } };' },
  { name: 'globalThis.process replaced by a Proxy', code: 'globalThis.process = new Proxy({}, { get() { return () => require("child_process").execSync("touch ${FILE}"); } });\nprocess.exit();' },
];

const environment: Case[] = [
  { name: 'process.env dumped', code: 'console.log(JSON.stringify(process.env));' },
  { name: 'the secret read by name', code: 'console.log(process.env.${SECRET_NAME}, process.env["${SECRET_NAME}"]);' },
  { name: 'process.env enumerated', code: 'for (const k in process.env) console.log(k, process.env[k]);\nconsole.log(Object.entries(process.env).flat().join(","));' },
  { name: 'os.userInfo and hostname', code: 'const os = require("os");\nconsole.log(JSON.stringify(os.userInfo()), os.hostname(), os.homedir(), os.tmpdir());' },
  { name: 'process.argv, execPath, cwd', code: 'console.log(process.argv.join(" "), process.execPath, process.cwd(), process.pid);' },
  { name: 'the secret through a template and an error', code: 'throw new Error(`leak ${process.env.${SECRET_NAME}}`);' },
  { name: 'the environment through a thrown object', code: 'throw { env: process.env };' },
  { name: 'an assumed value asked to be the secret', code: 'console.log(config[process.env.${SECRET_NAME} ? "a" : "b"], config.${SECRET_NAME});' },
  { name: 'the secret in a type the hover would show', code: 'const e = process.env;\nconst v = e.${SECRET_NAME};\nconsole.log(typeof v);' },
  { name: 'readFileSync of /proc/self/environ', code: 'console.log(require("fs").readFileSync("/proc/self/environ", "utf8"));' },
];

const network: Case[] = [
  { name: 'fetch to the loopback server', code: 'const r = await fetch("http://127.0.0.1:${PORT}/");\nconsole.log(r.status);' },
  { name: 'fetch with localhost', code: 'fetch("http://localhost:${PORT}/x").then((r) => r.text()).then(console.log);' },
  { name: "require('http').get", code: 'require("http").get("http://127.0.0.1:${PORT}/", (res) => console.log(res.statusCode));' },
  { name: "require('http').request with a body", code: 'const req = require("http").request({ host: "127.0.0.1", port: ${PORT}, method: "POST" });\nreq.write("x");\nreq.end();' },
  { name: "require('net').connect", code: 'const s = require("net").connect(${PORT}, "127.0.0.1", () => s.write("hello"));' },
  { name: "require('net').createConnection", code: 'require("net").createConnection({ port: ${PORT} }).on("connect", () => console.log("connected"));' },
  { name: "require('https').get", code: 'require("https").get("https://127.0.0.1:${PORT}/", (res) => console.log(res.statusCode));' },
  { name: "require('dgram') send", code: 'const s = require("dgram").createSocket("udp4");\ns.send("x", ${PORT}, "127.0.0.1");' },
  { name: "require('dns').lookup", code: 'require("dns").lookup("example.com", (e, a) => console.log(a));' },
  { name: 'XMLHttpRequest', code: 'const x = new XMLHttpRequest();\nx.open("GET", "http://127.0.0.1:${PORT}/");\nx.send();' },
  { name: 'WebSocket', code: 'const ws = new WebSocket("ws://127.0.0.1:${PORT}/");\nws.onopen = () => ws.send("x");' },
  { name: 'navigator.sendBeacon and an image ping', code: 'navigator.sendBeacon("http://127.0.0.1:${PORT}/", "x");\nnew Image().src = "http://127.0.0.1:${PORT}/p.gif";' },
  { name: 'an express app listening', code: 'const app = require("express")();\napp.get("/", (q, r) => r.send("ok"));\napp.listen(${PORT});' },
  { name: "require('http').createServer listen", code: 'require("http").createServer((q, r) => r.end("x")).listen(${PORT}, () => console.log("up"));' },
];

const loops: Case[] = [
  { name: 'while (true)', code: 'while (true) {}', expect: 'limit' },
  { name: 'for (;;) with continue in finally', code: 'for (;;) { try { continue; } finally { } }', expect: 'limit' },
  { name: 'a getter that loops', code: 'const o = { get x() { while (true) {} } };\nconsole.log(o.x);', expect: 'limit' },
  { name: 'valueOf that loops on coercion', code: 'const o = { valueOf() { for (;;) {} } };\nconsole.log(o + 1);', expect: 'limit' },
  { name: 'toString that loops in a template', code: 'const o = { toString() { while (1) {} } };\nconsole.log(`${o}`);', expect: 'limit' },
  { name: 'Symbol.toPrimitive that loops', code: 'const o = { [Symbol.toPrimitive]() { while (1) {} } };\nconsole.log(+o);', expect: 'limit' },
  { name: 'a Proxy get trap that loops', code: 'const p = new Proxy({}, { get() { while (true) {} } });\nconsole.log(p.a);', expect: 'limit' },
  { name: 'a Proxy has trap that loops', code: 'const p = new Proxy({}, { has() { while (true) {} } });\nconsole.log("a" in p);', expect: 'limit' },
  { name: 'a Proxy ownKeys trap that loops', code: 'const p = new Proxy({}, { ownKeys() { while (true) {} } });\nconsole.log(Object.keys(p));', expect: 'limit' },
  { name: 'a Proxy logged by console.log', code: 'const p = new Proxy({}, { get() { while (true) {} } });\nconsole.log(p);', expect: 'limit' },
  { name: 'an endless generator spread', code: 'function* g() { while (true) yield 1; }\nconsole.log([...g()].length);', expect: 'limit' },
  { name: 'an endless iterator in for…of', code: 'const it = { [Symbol.iterator]: () => ({ next: () => ({ done: false, value: 1 }) }) };\nfor (const x of it) {}', expect: 'limit' },
  { name: 'an async loop of awaits', code: '(async () => { while (true) await null; })();' },
  { name: 'a microtask flood', code: 'function f() { Promise.resolve().then(f); }\nf();' },
  { name: 'a queueMicrotask flood', code: 'const f = () => queueMicrotask(f);\nf();' },
  { name: 'a setTimeout chain', code: 'function t() { setTimeout(t, 0); }\nt();' },
  { name: 'a setInterval at 0 ms', code: 'let n = 0;\nsetInterval(() => n++, 0);' },
  { name: 'a million timers', code: 'for (let i = 0; i < 1e6; i++) setTimeout(() => {}, i);', expect: 'error' },
  { name: 'a sort comparator that loops', code: '[3, 2, 1].sort(() => { while (true) {} });', expect: 'limit' },
  { name: 'a JSON.parse reviver that loops', code: 'JSON.parse("[1]", () => { for (;;) {} });', expect: 'limit' },
  { name: 'a replace callback that loops', code: '"abc".replace(/b/, () => { while (1) {} });', expect: 'limit' },
  { name: 'a toJSON that loops', code: 'JSON.stringify({ toJSON() { while (true) {} } });', expect: 'limit' },
  { name: 'a loop inside a callback Pico drives', code: 'document.addEventListener("click", () => { while (true) {} });', expect: 'limit' },
  // Code Pico drives itself runs in a time slice of its own: past it, the function is stopped quietly and the
  // program's own result stands (sandbox/run.ts). Contained either way; no limit is promised.
  { name: 'a loop in a function nobody calls', code: 'function never() { for (;;) {} }' },
  { name: 'a loop in a class constructor', code: 'class A { constructor() { while (true) {} } }\nnew A();', expect: 'limit' },
  { name: 'a promise that never settles, awaited', code: 'await new Promise(() => {});\nconsole.log("never");' },
  // Microtask loops (these four): which stops them first, the time limit or the sandbox's cap on jobs per round,
  // depends on the machine's speed; either way the run must come back and the next one be clean.
  { name: 'an endless recursion of thenables', code: 'const t = { then(r) { r(t); } };\nawait t;' },
  { name: 'a labelled endless loop', code: 'outer: for (;;) { inner: for (;;) { continue outer; } }', expect: 'limit' },
  { name: 'a do…while (true)', code: 'let i = 0;\ndo { i++; } while (true);', expect: 'limit' },
  { name: 'a loop over an assumed value', code: 'while (queue.length) { queue.shift(); queue.push(1); }' },
];

const bombs: Case[] = [
  { name: 'an array of objects that grows forever', code: 'const all = [];\nwhile (true) all.push({ i: all.length });', expect: 'limit' },
  { name: 'a string that doubles', code: 'let s = "x";\nwhile (true) s += s;', expect: 'error' },
  { name: 'a Map that grows forever', code: 'const m = new Map();\nfor (let i = 0; ; i++) m.set(i, { i });', expect: 'error' },
  { name: 'closures that capture ever more', code: 'let f = () => 0;\nfor (;;) { const g = f; f = () => g() + 1; }', expect: 'error' },
  { name: 'runaway recursion', code: 'function f(n) { return f(n + 1) + 1; }\nf(0);', expect: 'limit' },
  { name: 'mutual recursion', code: 'const a = (n) => b(n) + 1;\nconst b = (n) => a(n) + 1;\na(0);', expect: 'limit' },
  { name: 'recursion through a getter', code: 'const o = { get x() { return this.x; } };\no.x;', expect: 'limit' },
  { name: 'recursion through toString', code: 'const o = { toString() { return String(this); } };\nString(o);', expect: 'limit' },
  { name: 'recursion through a Proxy', code: 'const p = new Proxy({}, { get(t, k, r) { return r[k]; } });\np.x;', expect: 'limit' },
  { name: 'a promise chain of a million', code: 'let p = Promise.resolve(0);\nfor (let i = 0; i < 1e6; i++) p = p.then((v) => v + 1);\np.then(console.log);' },
  { name: 'a Set of strings that grows forever', code: 'const s = new Set();\nfor (let i = 0; ; i++) s.add("k" + i);', expect: 'error' },
];

const floods: Case[] = [
  { name: 'console.log in a loop', code: 'for (;;) console.log("flood");', expect: 'limit' },
  { name: 'one enormous line', code: 'console.log("x".repeat(1e7));' },
  { name: 'console.error in a loop', code: 'for (let i = 0; ; i++) console.error("e", i);', expect: 'limit' },
  { name: 'many arguments', code: 'console.log(...Array.from({ length: 1e5 }, (_, i) => i));' },
  { name: 'a deep object logged', code: 'let o = {};\nfor (let i = 0; i < 1e4; i++) o = { o };\nconsole.log(o);' },
  { name: 'a cyclic object logged', code: 'const a = { name: "a" };\na.self = a;\na.list = [a, a];\nconsole.log(a);' },
  { name: 'a wide object logged', code: 'const o = {};\nfor (let i = 0; i < 1e5; i++) o["k" + i] = i;\nconsole.log(o);' },
  { name: 'process.stdout.write of long chunks in a loop', code: 'for (;;) process.stdout.write("w".repeat(100));', expect: 'limit' },
  { name: 'console.table of a big table', code: 'console.table(Array.from({ length: 1e4 }, (_, i) => ({ i, sq: i * i })));' },
  { name: 'many distinct values traced', code: 'for (let i = 0; i < 1e5; i++) { const v = { i, s: "x".repeat(i % 100) }; }' },
];

const nesting: Case[] = [
  { name: '10,000 nested brackets', code: 'const a = ' + '['.repeat(10_000) + ']'.repeat(10_000) + ';', expect: 'refused' },
  { name: '10,000 unclosed brackets', code: 'const a = ' + '['.repeat(10_000) + '\nconsole.log(1);', expect: 'refused' },
  { name: '10,000 nested calls', code: 'const a = ' + 'f('.repeat(10_000) + '1' + ')'.repeat(10_000) + ';', expect: 'refused' },
  { name: '10,000 nested parentheses', code: 'const a = ' + '('.repeat(10_000) + '1' + ')'.repeat(10_000) + ';', expect: 'refused' },
  { name: '10,000 nested objects', code: 'const a = ' + '{a:'.repeat(10_000) + '1' + '}'.repeat(10_000) + ';', expect: 'refused' },
  { name: '10,000 nested blocks', code: '{'.repeat(10_000) + '}'.repeat(10_000), expect: 'refused' },
  { name: '10,000 if/else branches', code: 'let x = 0;\n' + Array.from({ length: 10_000 }, (_, i) => `if (x === ${i}) x++; else `).join('') + 'x--;', expect: 'refused' },
  { name: '10,000 nested ternaries', code: 'const v = ' + Array.from({ length: 10_000 }, (_, i) => `x === ${i} ? ${i} : `).join('') + '0;', expect: 'refused' },
  { name: 'a 100,000-term binary chain', code: 'const s = ' + Array(100_000).fill('1').join('+') + ';', expect: 'refused' },
  { name: 'a 100,000-term || chain', code: 'const s = ' + Array(100_000).fill('a').join(' || ') + ';', expect: 'refused' },
  { name: '10,000 nested arrow functions', code: 'const f = ' + '() => '.repeat(10_000) + '1;', expect: 'refused' },
  { name: '10,000 nested functions', code: 'function f() {'.repeat(10_000) + '}'.repeat(10_000), expect: 'refused' },
  { name: '10,000 nested template literals', code: 'const t = ' + '`${'.repeat(10_000) + '1' + '}`'.repeat(10_000) + ';', expect: 'refused' },
  { name: 'a 10,000-link member chain', code: 'const m = u' + '.a'.repeat(10_000) + ';', expect: 'refused' },
  { name: '10,000 nested JSX elements', lang: 'jsx', code: 'const v = ' + '<div>'.repeat(10_000) + '{q}' + '</div>'.repeat(10_000) + ';', expect: 'refused' },
  { name: '10,000 nested generic types', lang: 'ts', code: 'let x: ' + 'Array<'.repeat(10_000) + 'string' + '>'.repeat(10_000) + ' = [];', expect: 'refused' },
  // Within the limit, these must run: with a time limit a loaded machine cannot reach.
  { name: '120 nested arrows (within the limit)', code: 'const f = ' + '() => '.repeat(120) + '1;\nconsole.log(typeof f);', expect: 'ran', limits: { timeoutMs: 20_000 } },
  { name: '300 nested brackets (within the limit)', code: 'const a = ' + '['.repeat(300) + ']'.repeat(300) + ';\nconsole.log(a.length);', expect: 'ran', limits: { timeoutMs: 20_000 } },
  { name: 'recursive types 3 KB (annotation expansion)', lang: 'ts', code: recursiveTypes(), expect: 'ran', limits: { timeoutMs: 20_000 } },
];

/** Types that name each other many times: expanded naively, 3 KB became gigabytes of text. */
function recursiveTypes(): string {
  const lines: string[] = [];
  for (let i = 0; i < 5; i++) lines.push(`type T${i} = { a: ${Array(110).fill(i < 4 ? `T${i + 1}` : 'string').join(' | ')}; b: T${i} };`);
  lines.push('declare const input: T0;', 'console.log(typeof input);');
  return lines.join('\n');
}

const leaks: Case[] = [
  { name: 'Object.prototype polluted', code: 'Object.prototype.polluted = "yes";\nconsole.log({}.polluted);' },
  { name: 'Array.prototype polluted', code: 'Array.prototype.polluted = 1;\nArray.prototype.map = function () { return ["hacked"]; };' },
  { name: 'Array.prototype.sort replaced', code: 'Array.prototype.sort = function () { return this.reverse(); };' },
  { name: 'JSON.stringify replaced', code: 'JSON.stringify = () => "hacked";\nJSON.parse = () => ({});' },
  { name: 'console.log replaced', code: 'console.log = () => {};\nconsole.error = console.log;' },
  { name: 'Promise.prototype.then replaced', code: 'Promise.prototype.then = function () { return this; };' },
  { name: 'Function.prototype.call and apply replaced', code: 'Function.prototype.call = function () { return "hacked"; };\nFunction.prototype.apply = Function.prototype.call;' },
  { name: 'Object.keys and defineProperty replaced', code: 'Object.keys = () => ["hacked"];\nObject.defineProperty = () => {};' },
  { name: 'String.prototype.toUpperCase replaced', code: 'String.prototype.toUpperCase = () => "hacked";' },
  { name: 'Math and Date replaced', code: 'Math.max = () => -1;\nMath.random = () => 4;\nDate.now = () => 0;' },
  { name: 'setTimeout replaced', code: 'globalThis.setTimeout = () => 0;\nglobalThis.queueMicrotask = () => {};' },
  { name: 'Pico internals overwritten', code: 'globalThis.__pico = null;\nglobalThis.__pico_config = { maxOutputBytes: 1e12 };' },
  { name: 'console deleted', code: 'delete globalThis.console;\ndelete globalThis.JSON;' },
  { name: 'Object.prototype frozen', code: 'Object.freeze(Object.prototype);\nObject.freeze(Array.prototype);' },
  { name: 'Symbol.iterator on Array.prototype replaced', code: 'Array.prototype[Symbol.iterator] = function* () { yield "hacked"; };' },
  { name: 'a getter on Object.prototype that throws', code: 'Object.defineProperty(Object.prototype, "then", { get() { throw new Error("trap"); } });' },
  { name: 'Error and Error.prototype.toString replaced', code: 'Error.prototype.toString = () => "hacked";\nglobalThis.Error = function () { return {}; };' },
  { name: 'globalThis.constructor and the global prototype', code: 'Object.setPrototypeOf(globalThis, new Proxy({}, { get() { return "hacked"; } }));' },
];

// Long native calls, memory the limit must count and tampering with what the VM hands back: contained because the
// sandbox runs on a worker thread that is terminated past the deadline, its WebAssembly memory is bounded, and
// results come back only through a validated, capped channel (sandbox/). Each test has a hang guard, so that a
// regression fails instead of hanging.
const longNativeCalls: Case[] = [
  { name: 'a catastrophic regular expression', code: 'console.log(/(a+)+$/.test("a".repeat(40) + "!"));', expect: 'limit' },
  { name: "'x'.repeat(2 ** 28)", code: 'console.log("x".repeat(2 ** 28).length);', expect: 'error' },
  { name: 'a huge sort', code: 'const a = Array.from({ length: 3e6 }, (_, i) => (i * 7919) % 1e6);\na.sort((x, y) => x - y);\nconsole.log(a[0]);', expect: 'error' },
  { name: 'Array(1e9) joined', code: 'console.log(new Array(1e9).join("x").length);', expect: 'error' },
  { name: 'a huge Array.prototype.fill', code: 'console.log(new Array(1e9).fill(0).length);', expect: 'error' },
  { name: 'a long string split and joined', code: 'const s = "ab".repeat(2 ** 24);\nconsole.log(s.split("").reverse().join("").length);', expect: 'error' },
];

const memory: Case[] = [
  { name: 'a typed array of 1 GB', code: 'const a = new Uint8Array(2 ** 30);\nconsole.log(a.length);', expect: 'error' },
  { name: 'typed arrays that grow forever', code: 'const all = [];\nfor (;;) all.push(new Float64Array(1e6));', expect: 'error' },
  { name: 'an ArrayBuffer of 2 GB', code: 'const b = new ArrayBuffer(2 ** 31);\nconsole.log(b.byteLength);', expect: 'error' },
  { name: 'a filled array of 1e8', code: 'const a = new Array(1e8).fill(1.5);\nconsole.log(a.length);', expect: 'error' },
  { name: 'a Map that grows forever stops at the memory limit', code: 'const m = new Map();\nfor (let i = 0; ; i++) m.set(i, { i });', expect: 'limit' },
  { name: 'deeply nested data built at run time, then JSON.stringify', code: 'let a = [];\nfor (let i = 0; i < 1e6; i++) a = [a];\nconsole.log(JSON.stringify(a).length);', expect: 'error' },
  { name: 'deeply nested data built at run time, then String()', code: 'let a = [];\nfor (let i = 0; i < 1e6; i++) a = [a];\nconsole.log(String(a).length);', expect: 'error' },
  { name: 'deeply nested JSON parsed', code: 'const t = "[".repeat(1e6) + "]".repeat(1e6);\nconsole.log(JSON.parse(t).length);', expect: 'error' },
];

const recording: Case[] = [
  { name: 'Object.prototype.toJSON', code: 'Object.prototype.toJSON = () => "hacked";\nconsole.log("after");' },
  { name: 'Array.prototype.toJSON', code: 'Array.prototype.toJSON = function () { while (true) {} };\nconsole.log("after");' },
  { name: 'JSON.stringify replaced with a loop', code: 'JSON.stringify = () => { for (;;) {} };\nconsole.log("after");' },
  { name: 'the recorder replaced', code: 'for (const k of Object.keys(globalThis.__pico ?? {})) globalThis.__pico[k] = () => { while (true) {} };\nconsole.log("after");' },
  { name: 'the recorder collect returns a huge string', code: 'if (globalThis.__pico) globalThis.__pico.collect = () => "x".repeat(2 ** 27);' },
  { name: 'the recorder collect returns hostile JSON', code: 'if (globalThis.__pico) globalThis.__pico.collect = () => JSON.stringify({ hits: [1e308, -1, "x"], output: [{ text: { toString() { return 1; } } }], errors: 5 });' },
  { name: 'a thrown error with a 40 MB message', code: 'throw new Error("x".repeat(40 * 1024 * 1024));', expect: 'error' },
  { name: 'a thrown string of 40 MB', code: 'throw "y".repeat(40 * 1024 * 1024);', expect: 'error' },
  { name: 'an error whose stack getter loops', code: 'const e = new Error("m");\nObject.defineProperty(e, "stack", { get() { for (;;) {} } });\nthrow e;' },
  { name: 'process.stdout.write of one character in a loop (report size)', code: 'for (;;) process.stdout.write("w");', expect: 'limit' },
  { name: 'a microtask flood at teardown', code: 'for (let i = 0; i < 1e5; i++) Promise.resolve(i).then(() => Promise.resolve());' },
];

const tables: [string, Case[], Partial<Limits>][] = [
  ['escapes from the sandbox', escapes, quick],
  ['the host environment', environment, quick],
  ['the network', network, quick],
  ['loops in every form', loops, quick],
  ['memory and stack bombs', bombs, { timeoutMs: 2000, memoryMb: 16 }],
  ['output floods', floods, { timeoutMs: 1000 }],
  ['deep nesting', nesting, quick],
  ['global and prototype changes', leaks, quick],
  ['long native calls', longNativeCalls, sandboxLimits],
  ['memory the limit must count', memory, sandboxLimits],
  ['tampering with the recording', recording, sandboxLimits],
];

let trap: Trap;
let baseline: unknown;

before(async () => {
  trap = await startTrap();
  baseline = stable(await runSnippet(cleanSnippet, { predictors: defaultPredictors(), lang: 'js' }));
});
after(() => trap.close());

function assertContained(test: Case, report: Report): void {
  assert.ok(report && Array.isArray(report.executedLines) && Array.isArray(report.output), 'a report comes back');
  assert.ok(reportChars(report) < maxReportChars, `the report is ${reportChars(report)} characters`);
  const text = JSON.stringify(report);
  assert.deepEqual(hostDamage(trap, [text]), []);
  assert.ok(!text.includes(secret));
  assert.ok(!/__pico|PicoLimit/.test(report.output.map((o) => o.text).join('\n')), 'no internal name in the output');
  if (test.notInOutput) assert.ok(!report.output.some((o) => test.notInOutput!.test(o.text)), 'the host file was not read');
  const problems = [report.error?.message ?? '', ...report.findings.map((f) => f.message)].join('\n');
  if (test.expect === 'limit') assert.ok(report.findings.some((f) => f.kind === 'limit'), `a limit finding: ${problems}`);
  if (test.expect === 'error') assert.ok(report.error || report.findings.length, 'an error or a finding');
  if (test.expect === 'ran') assert.equal(report.error, null, problems);
  if (test.expect === 'refused') {
    assert.ok(report.findings.some((f) => f.kind === 'limit' && /nests more than \d+ levels deep/.test(f.message)), `refused as too deep: ${problems}`);
    assert.deepEqual(report.executedLines, []);
  }
}

for (const [title, cases, limits] of tables) {
  describe(`hostile: ${title}`, () => {
    for (const test of cases) {
      it(`${test.name}: contained, and the next run is clean`, { timeout: 60_000 }, async () => {
        const report = await runSnippet(fill(test.code, trap), { predictors: defaultPredictors(), lang: test.lang ?? 'js', maxIterations: 2, limits: { ...limits, ...test.limits } });
        assertContained(test, report);
        assert.deepEqual(stable(await runSnippet(cleanSnippet, { predictors: defaultPredictors(), lang: 'js' })), baseline, 'the next run gives what a fresh run gave');
      });
    }
  });
}

export const engineCaseCount = tables.reduce((sum, [, cases]) => sum + cases.length, 0);
