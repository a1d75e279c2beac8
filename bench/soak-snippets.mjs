// The mix of snippets the soak benches (soak-server.mjs, soak-cli.mjs) run, deterministic by run number: mostly
// small snippets of the kinds users paste, a large one (several hundred lines) every tenth run, and every
// fiftieth a long native call (a catastrophic regular expression, a huge sort, a huge string, a long join) that
// must stop at the time limit: how far past it each one ran is what the benches report as the overrun.
import { readFileSync } from 'node:fs';

const small = [
  ['js', "const users = await api.get('/users');\nconst names = users.filter((u) => u.active).map((u) => u.name);\nconsole.log(names.join(', '));\n"],
  ['js', 'function total(items) {\n  return items.reduce((sum, item) => sum + item.price * item.qty, 0);\n}\nconsole.log(total(cart.items));\n'],
  ['ts', 'interface User { id: number; name: string; email: string }\nfunction greet(user: User): string {\n  return `Hello, ${user.name} <${user.email}>`;\n}\nconsole.log(greet(currentUser));\n'],
  ['jsx', 'const List = ({ items }) => <ul>{items.map((i) => <li key={i.id}>{i.label}</li>)}</ul>;\nconsole.log(List({ items: rows }));\n'],
  ['js', "const fs = require('fs');\nconst config = JSON.parse(fs.readFileSync(configPath, 'utf8'));\nif (config.debug) console.log('debug on', config.level);\n"],
  ['js', "app.get('/items/:id', async (req, res) => {\n  const item = await store.find(req.params.id);\n  if (!item) return res.status(404).end();\n  res.json(item);\n});\n"],
  ['js', 'let n = 0;\nwhile (true) {\n  n++;\n}\n'],
  ['js', 'function f(n) { return f(n + 1) + 1; }\nf(0);\n'],
  ['js', "for (let i = 0; i < 1e5; i++) console.log('line ' + i);\n"],
  ['js', 'const a = [];\nfor (;;) a.push({ i: a.length, s: "x".repeat(10) });\n'],
  ['ts', 'type Point = { x: number; y: number };\nconst dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);\nconsole.log(dist(origin, target).toFixed(2));\n'],
  ['js', 'Object.prototype.polluted = 1;\nArray.prototype.map = null;\nconsole.log({}.polluted);\n'],
];

/** Long native calls: one call into QuickJS's C code that the interrupt handler cannot stop between bytecodes. */
export const nativeCalls = [
  ['regex', 'console.log(/(a+)+$/.test("a".repeat(40) + "!"));\n'],
  ['sort', 'const a = Array.from({ length: 1e6 }, (_, i) => (i * 7919) % 1e6);\na.sort((x, y) => x - y);\nconsole.log(a[0]);\n'],
  ['repeat', 'console.log("x".repeat(2 ** 28).length);\n'],
  ['join', 'console.log(new Array(3e7).join("x").length);\n'],
];

/** A snippet of several hundred lines (a report module lifted out of an app), varied by `seed`. */
function large(seed) {
  const lines = [];
  for (let i = 0; i < 60; i++) {
    lines.push(
      `function section${i}(rows) {`,
      `  const kept = rows.filter((r) => r.score > ${(seed + i) % 7});`,
      `  const total = kept.reduce((sum, r) => sum + r.amount, 0);`,
      `  if (total > ${100 + i}) console.log('section ${i}', total.toFixed(2));`,
      `  return { count: kept.length, total, label: labels[${i % 5}] };`,
      '}',
      `const result${i} = section${i}(data.rows);`,
    );
  }
  lines.push('console.log(Object.keys(result0).length);');
  return lines.join('\n') + '\n';
}

/** The snippet of run `i`: `{ kind, lang, text, timeoutMs }`. */
export function snippetFor(i) {
  if (i % 50 === 49) {
    const [name, text] = nativeCalls[Math.floor(i / 50) % nativeCalls.length];
    return { kind: `native:${name}`, lang: 'js', text, timeoutMs: 500 };
  }
  if (i % 10 === 9) return { kind: 'large', lang: 'js', text: large(i), timeoutMs: 2000 };
  const [lang, text] = small[i % small.length];
  return { kind: 'small', lang, text, timeoutMs: 500 };
}

/** Resident memory of a process, in bytes (Linux /proc). */
export function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export function mb(bytes) {
  return bytes === null || bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Keeps the numbers a soak reports: answers, memory after warm-up, the worst overrun of a long native call. */
export class SoakStats {
  constructor(warmup) {
    this.warmup = warmup;
    this.sent = 0;
    this.answered = 0;
    this.failed = [];
    this.rssAfterWarmup = null;
    this.rssLast = null;
    this.rssMax = 0;
    this.overruns = [];
  }
  record(i, snippet, ok, wallMs, rss, detail) {
    this.sent++;
    if (ok) this.answered++;
    else this.failed.push(`run ${i} (${snippet.kind}): ${detail}`);
    if (snippet.kind.startsWith('native:')) this.overruns.push({ kind: snippet.kind, overrunMs: wallMs - snippet.timeoutMs });
    if (rss !== null) {
      if (i === this.warmup - 1) this.rssAfterWarmup = rss;
      this.rssLast = rss;
      this.rssMax = Math.max(this.rssMax, rss);
    }
  }
  worstOverrun() {
    return this.overruns.reduce((worst, o) => (o.overrunMs > worst.overrunMs ? o : worst), { kind: 'none', overrunMs: 0 });
  }
  summary(what) {
    const growth = this.rssAfterWarmup !== null && this.rssLast !== null ? this.rssLast - this.rssAfterWarmup : null;
    const worst = this.worstOverrun();
    return `${what}: ${this.answered}/${this.sent} runs answered, RSS ${mb(this.rssAfterWarmup)} after ${this.warmup} warm-up runs -> ${mb(this.rssLast)} at the end (growth ${mb(growth)}, max ${mb(this.rssMax)}; target < 40 MB), worst long native call overran its limit by ${Math.round(worst.overrunMs)} ms (${worst.kind}, wall time minus limit, Pico's own work included)`;
  }
}
