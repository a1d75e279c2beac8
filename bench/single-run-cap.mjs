#!/usr/bin/env node
// The single-run cap: a sound upper bound on the statement lines ONE execution of a snippet can run, computed
// from its syntax alone. Issue 10 asks single-run coverage targets; a guard such as `if (bad) return null; …rest`
// lets one run take only one side, so some lines are out of every single run's reach whatever values it gets.
//   node bench/single-run-cap.mjs [--corpus /work/bench/corpus-out] [--results measure.json] [--family fn,so]
//                                 [--statements <bench>/lib/statements.mjs] [--verbose] [--json out.json]
//   node bench/single-run-cap.mjs --node-check <dir of complete programs> [--node-cwd dir]
// The denominator is the coverage bench's own (its lib/statements.mjs is imported, not copied); the structure is
// read with Pico's tree-sitter (server/src/engine/parse.ts).
//
// The bound, by structural recursion over statements. Each statement gives the line sets of the ways it can
// complete: normally, or abruptly (return/throw/break/continue).
// - a block is a sequence: an abrupt completion ends it; function declarations are hoisted to its start (Pico
//   registers them there and calls those nobody called after the main body, even when the block returned early);
// - `if` takes either side;
// - loops, `switch`, `try`, labelled statements and `with` are over-approximated by ALL their lines, and so is
//   every function, callback, class or object literal inside a statement (it may be called any number of times),
//   except a main-body function declaration nothing names: only Pico's driver calls it, once (see `drivenOnce`);
// - an exception thrown part-way only runs a prefix of a path that completes, so it never needs its own set.
// The main body runs once (`pico run` runs a lifted function body once, as the snippet's main body; checked with
// `node bin/pico.js run <file> --json`). Line sets, not counts: statements can share a line. Alternatives that can
// never beat another once the rest of the program is added are dropped (see `prune`); past MAX_ALTERNATIVES the
// extra ones are merged into one union, which only raises the bound (reported as `merged`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
// The engine is TypeScript: the command line runs itself again under tsx (as bench/no-harm.mjs does).
if (isMain && !process.env.PICO_CAP_CHILD) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit', cwd: join(here, '..'), env: { ...process.env, PICO_CAP_CHILD: '1' },
  });
  process.exit(child.status ?? 1);
}

const { loadParsers, parseSync, langFromFileName } = await import('../server/src/engine/parse.ts');
const { countedStatements } = await import('../server/src/engine/instrument/statements.ts');
const { isDirective } = await import('../server/src/engine/instrument/context.ts');

const MAX_ALTERNATIVES = 256;
const ABRUPT = new Set(['return_statement', 'throw_statement', 'break_statement', 'continue_statement']);
/** Run any number of times, or their flow is not followed: every line inside may run, on either completion. */
const WHOLE = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement', 'switch_statement',
  'try_statement', 'labeled_statement', 'with_statement']);
const HOISTED = new Set(['function_declaration', 'generator_function_declaration']);
const COUNTED = [...countedStatements];

/** Pico's statement lines (1-based), the lines its hit markers count: the default denominator. */
export function statementLines(tree) {
  const rows = new Set();
  for (const node of tree.rootNode.descendantsOfType(COUNTED)) if (node && !isDirective(node)) rows.add(node.startPosition.row + 1);
  return [...rows].sort((a, b) => a - b);
}

const popcount = (x) => { let n = 0; while (x) { x &= x - 1n; n++; } return n; };
const linesOf = (mask, lines) => lines.filter((_, i) => (mask >> BigInt(i)) & 1n);

/**
 * The cap of one parsed snippet. `denominator`: the statement lines that count (1-based). Returns the bound
 * (`cap`, lines), every alternative as line lists, the denominator lines no statement node of tree-sitter starts
 * on (`free`: counted in every alternative, so a parser disagreement can only raise the bound), and whether
 * alternatives were merged. With `paths`, an alternative is dropped only when another contains it, so every
 * execution's lines fit inside one alternative (unless merged): slower, for checking the bound against runs.
 */
export function singleRunCap(tree, denominator, { paths = false } = {}) {
  const lines = [...new Set(denominator)].sort((a, b) => a - b);
  const bitOf = new Map(lines.map((line, i) => [line, 1n << BigInt(i)]));
  const all = (1n << BigInt(lines.length)) - 1n;
  const rowBit = (row) => bitOf.get(row + 1) ?? 0n;
  let merged = false;

  // Lines of every statement node under `node` (itself included), and of the rows an ERROR node spans.
  const pointsMask = (node) => {
    let mask = countedStatements.has(node.type) ? rowBit(node.startPosition.row) : 0n;
    for (const d of node.descendantsOfType(COUNTED)) if (d) mask |= rowBit(d.startPosition.row);
    if (node.hasError) for (const e of [node, ...node.descendantsOfType('ERROR')]) {
      if (e && (e.isError || e.type === 'ERROR')) for (let r = e.startPosition.row; r <= e.endPosition.row; r++) mask |= rowBit(r);
    }
    return mask;
  };
  // How many statement nodes start on each line, over the whole snippet: a line whose statements all lie inside a
  // node is that node's alone, so only its count there matters to which alternative wins.
  const perLine = (node) => {
    const count = new Map();
    for (const d of node.descendantsOfType(COUNTED)) if (d) count.set(d.startPosition.row, (count.get(d.startPosition.row) ?? 0) + 1);
    return count;
  };
  const root = tree.rootNode;
  const everywhere = perLine(root);
  const rootPoints = pointsMask(root);
  const free = all & ~rootPoints;
  // Lines that may also be reached from outside `node`: shared with a statement elsewhere, ERROR rows, free lines.
  let errorRows = 0n;
  for (const e of root.descendantsOfType('ERROR')) if (e) for (let r = e.startPosition.row; r <= e.endPosition.row; r++) errorRows |= rowBit(r);
  const outside = (node) => {
    const inside = perLine(node);
    let mask = free | errorRows;
    for (const [row, n] of everywhere) if (n > (inside.get(row) ?? 0)) mask |= rowBit(row);
    return mask;
  };

  /**
   * Keeps the alternatives some continuation could make the largest. `a` beats `b` whatever lines X the rest of the
   * program adds (X only holds lines in `shared`) when |(a\b)\shared| ≥ |b\a|: then |a∪X| ≥ |b∪X|.
   */
  function prune(list, sharedLines) {
    const shared = paths ? all : sharedLines;
    const unique = [...new Set(list)].sort((x, y) => popcount(y) - popcount(x));
    const kept = [];
    for (const b of unique) if (!kept.some((a) => popcount(a & ~b & ~shared) >= popcount(b & ~a))) kept.push(b);
    if (kept.length <= MAX_ALTERNATIVES) return kept;
    merged = true;
    return [...kept.slice(0, MAX_ALTERNATIVES - 1), kept.slice(MAX_ALTERNATIVES - 1).reduce((x, y) => x | y, 0n)];
  }
  const product = (xs, ys) => xs.flatMap((x) => ys.map((y) => x | y));
  const codeChildren = (node) => node.namedChildren.filter((c) => c && c.type !== 'comment' && c.type !== 'hash_bang_line');
  const hoisted = (node) => HOISTED.has(node.type)
    || (node.type === 'export_statement' && HOISTED.has(node.childForFieldName('declaration')?.type ?? ''));

  /**
   * A function declaration of the main body that nothing in the snippet names (its name occurs once in the whole
   * text: no call, no reference, no string holding it, no `this.name`) and that reads no `arguments` (no
   * `arguments.callee`) can only run because Pico calls what nobody called, and Pico calls each such function once
   * (prelude.js `driveNext`). Its body then runs once: one path through it, beside the main body's path.
   */
  function drivenOnce(s) {
    if (s.type !== 'function_declaration' || !s.parent || s.parent.type !== 'program') return false;
    const name = s.childForFieldName('name')?.text;
    if (!name || /\barguments\b/.test(s.text)) return false;
    const word = new RegExp(`(?<![\\w$\\u0080-\\uffff])${name.replace(/\$/g, '\\$')}(?![\\w$\\u0080-\\uffff])`, 'g');
    return (root.text.match(word) ?? []).length === 1;
  }
  /** The ways one call of a function can go: its parameters' lines, then its body up to a return or its end. */
  function oneCall(fn) {
    const body = fn.childForFieldName('body');
    let head = 0n;
    for (const c of fn.children) if (c && c.id !== body?.id) head |= pointsMask(c);
    const r = body ? sequence(body, codeChildren(body)) : { normal: [0n], abrupt: [] };
    return prune(product([head], [...r.normal, ...r.abrupt]), outside(fn));
  }

  /** A statement list: hoisted declarations first, then each statement while the previous completed normally. */
  function sequence(node, statements) {
    // Declarations are registered where the list starts: every line of theirs may run (any number of calls),
    // except a main-body function only Pico's driver can call, which runs once.
    let entry = [0n];
    for (const s of statements) {
      if (!hoisted(s)) continue;
      entry = prune(product(entry, drivenOnce(s) ? oneCall(s) : [pointsMask(s)]), all);
    }
    const shared = outside(node);
    // What the later statements of this list may add: a normal alternative must be judged with those lines too.
    const later = statements.map(() => 0n);
    for (let i = statements.length - 2; i >= 0; i--) later[i] = later[i + 1] | pointsMask(statements[i + 1]);
    let normal = entry;
    let abrupt = [];
    statements.forEach((s, i) => {
      if (hoisted(s)) return;
      const r = statement(s);
      abrupt = prune([...abrupt, ...product(normal, r.abrupt)], shared);
      normal = prune(product(normal, r.normal), shared | later[i]);
    });
    return { normal, abrupt };
  }

  function statement(node) {
    const t = node.type;
    if (t === 'empty_statement') return { normal: [0n], abrupt: [] };
    if (t === 'statement_block') return sequence(node, codeChildren(node));
    const whole = pointsMask(node);
    if (ABRUPT.has(t)) return { normal: [], abrupt: [whole] };
    if (WHOLE.has(t)) return { normal: [whole], abrupt: [whole] };
    if (t === 'if_statement') {
      const consequence = node.childForFieldName('consequence');
      const alternative = node.childForFieldName('alternative');
      // The `if` line and its condition (with any callback in it): everything but the two sides.
      let head = rowBit(node.startPosition.row);
      for (const c of node.children) {
        if (c && c.id !== consequence?.id && c.id !== alternative?.id) head |= pointsMask(c);
      }
      const yes = consequence ? statement(consequence) : { normal: [0n], abrupt: [] };
      const no = alternative ? sequence(alternative, codeChildren(alternative)) : { normal: [0n], abrupt: [] };
      const shared = outside(node);
      return {
        normal: prune(product([head], [...yes.normal, ...no.normal]), shared),
        abrupt: prune(product([head], [...yes.abrupt, ...no.abrupt]), shared),
      };
    }
    // A simple statement (expression, declaration, class, import, export…, an ERROR): runs once, with every
    // function, callback or method written inside it.
    return { normal: [whole], abrupt: [] };
  }

  const body = sequence(root, codeChildren(root));
  const alternatives = prune([...body.normal, ...body.abrupt], 0n).map((a) => a | free);
  const best = alternatives.reduce((x, y) => (popcount(y) > popcount(x) ? y : x), 0n);
  return {
    cap: popcount(best), total: lines.length, capLines: linesOf(best, lines),
    alternatives: alternatives.map((a) => linesOf(a, lines)), free: linesOf(free, lines), merged,
    parseErrors: root.hasError,
  };
}

/** Parses `code` (language from `fileName`) with Pico's tree-sitter, computes the cap, frees the tree. */
export async function capOf(code, fileName, denominator, options) {
  await loadParsers();
  const tree = parseSync(code, langFromFileName(fileName) ?? 'js');
  try {
    return singleRunCap(tree, denominator ?? statementLines(tree), options);
  } finally {
    tree.delete();
  }
}

/** Whether one run's executed lines (denominator lines only) fit inside one alternative of a `paths` result. */
export function fitsOneAlternative(result, executed) {
  return result.alternatives.some((a) => { const s = new Set(a); return executed.every((l) => s.has(l)); });
}

// ---------------------------------------------------------------- command line
if (isMain) await main();

async function main() {
  const args = process.argv.slice(2);
  const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 && i + 1 < args.length ? args[i + 1] : d; };
  if (opt('--node-check')) return nodeCheck(resolve(opt('--node-check')), resolve(opt('--node-cwd', join(opt('--node-check'), '..'))));
  const corpus = resolve(opt('--corpus', '/work/bench/corpus-out'));
  const families = opt('--family') ? opt('--family').split(',') : null;
  const statementsLib = resolve(opt('--statements', [join(corpus, '..', 'lib', 'statements.mjs'), '/work/bench/lib/statements.mjs'].find(existsSync) ?? ''));
  if (!existsSync(statementsLib)) { console.error('no bench lib/statements.mjs: pass --statements <bench>/lib/statements.mjs'); process.exit(2); }
  const { denominatorLines } = await import(pathToFileURL(statementsLib).href);
  const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));
  const resultsFile = opt('--results');
  const measured = resultsFile ? new Map(JSON.parse(readFileSync(resultsFile, 'utf8')).results.map((r) => [r.id, r])) : new Map();
  // Issue 10's single-run targets.
  const targets = { fn: 0.92, so: 0.95, readme: 0.98 };

  const rows = [];
  for (const s of manifest.snippets) {
    if (families && !families.includes(s.family)) continue;
    const file = join(corpus, s.file);
    const code = readFileSync(file, 'utf8');
    const denominator = denominatorLines(code, file);
    if (!denominator.length) continue; // measure.mjs skips these too
    const c = await capOf(code, file, denominator);
    const m = measured.get(s.id);
    const executed = m?.tool?.executedLines ?? null;
    // The set-level check: the tool's run must follow one path of the model (the count bound follows from it);
    // and dropping the alternatives that can never win must give the bound the full set of paths gives.
    const all = await capOf(code, file, denominator, { paths: true });
    const fits = executed === null || fitsOneAlternative(all, executed);
    const pruneOk = c.cap === Math.max(...all.alternatives.map((a) => a.length));
    rows.push({
      id: s.id, family: s.family, total: denominator.length, cap: c.cap / denominator.length,
      tool: m?.tool ? m.tool.coverage : null, union: m?.tool ? m.tool.union : null,
      exceeds: executed !== null && executed.length > c.cap, fits, pruneOk, atCap: executed !== null && executed.length === c.cap,
      free: c.free.length, merged: c.merged, parseErrors: c.parseErrors, executed, capLines: c.capLines,
    });
  }

  const pct = (x) => (x === null || Number.isNaN(x) ? '   -  ' : `${(100 * x).toFixed(1)}%`.padStart(6));
  const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const order = ['fn', 'readme', 'so'];
  const fams = [...new Set(rows.map((r) => r.family))].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  console.log(`\nsingle-run cap: ${manifest.label ?? basename(corpus)} corpus (${corpus})${resultsFile ? `, results ${resultsFile}` : ''}`);
  console.log(['family', '    n', '   cap', ' cap<1', '  tool', ' @cap', ' union', 'target', '   gap', ' >cap', 'reach'].join(' '));
  for (const f of [...fams, 'all']) {
    const rs = rows.filter((r) => f === 'all' || r.family === f);
    const cap = mean(rs.map((r) => r.cap));
    const haveTool = rs.every((r) => r.tool !== null);
    const tool = haveTool ? mean(rs.map((r) => r.tool)) : null;
    const union = haveTool ? mean(rs.map((r) => r.union)) : null;
    const target = targets[f] ?? null;
    // Of the gap between the tool's single run and the target, the part above the cap no single run can close.
    const gap = tool !== null && target !== null ? Math.max(0, target - tool) : null;
    const above = target !== null ? Math.max(0, target - cap) : null;
    const reach = tool !== null ? cap - tool : null;
    const pts = (x) => (x === null ? '    - ' : (100 * x).toFixed(1).padStart(6));
    console.log([f.padEnd(6), String(rs.length).padStart(5), pct(cap), String(rs.filter((r) => r.cap < 1).length).padStart(6),
      pct(tool), String(rs.filter((r) => r.atCap).length).padStart(5), pct(union), pct(target), pts(gap), pts(above), pts(reach)].join(' '));
  }
  console.log('\ncap = mean over snippets of (most statement lines one execution can run) / (the bench\'s statement lines);');
  console.log('cap<1 = snippets whose cap is below all their lines; tool, union = the measure JSON; @cap = snippets whose single');
  console.log('run reaches its cap; target = issue 10; gap = target - tool; >cap = target - cap, the points of the gap no single');
  console.log('run can close; reach = cap - tool, the points a better single run could still add.');
  const exceed = rows.filter((r) => r.exceeds);
  const unfit = rows.filter((r) => !r.fits);
  const free = rows.filter((r) => r.free);
  console.log(`soundness vs the tool's runs: ${exceed.length} snippets run more lines than the cap${exceed.length ? ': ' + exceed.map((r) => r.id).join(' ') : ''};` +
    ` ${unfit.length} runs fit no single alternative${unfit.length ? ': ' + unfit.map((r) => r.id).join(' ') : ''}${resultsFile ? '' : ' (no --results: not checked)'}`);
  console.log(`parser agreement: ${free.length} snippets with denominator lines tree-sitter starts no statement on (counted in every alternative); ` +
    `${rows.filter((r) => r.parseErrors).length} with tree-sitter errors; ${rows.filter((r) => r.merged).length} with merged alternatives; ` +
    `${rows.filter((r) => !r.pruneOk).length} where pruning changed the bound`);
  if (args.includes('--verbose')) {
    for (const r of rows.filter((x) => x.cap < 1)) console.log(`  ${r.id}: cap ${pct(r.cap)} tool ${pct(r.tool)} of ${r.total}; cap lines ${r.capLines.join(',')}`);
  }
  if (opt('--json')) {
    const { writeFileSync } = await import('node:fs');
    const perSnippet = rows.map(({ id, family, total, cap, capLines, tool, union }) => ({ id, family, statementLines: total, cap, capLines, tool, union }));
    writeFileSync(resolve(opt('--json')), JSON.stringify({ corpus, results: resultsFile ?? null, snippets: perSnippet }, null, 1) + '\n');
  }
  const summary = fams.map((f) => `${f}=${pct(mean(rows.filter((r) => r.family === f).map((r) => r.cap))).trim()}`).join(' ');
  console.log(`${manifest.label ?? 'corpus'} single-run cap ${summary} | exceeding ${resultsFile ? exceed.length : '-'}`);
  if (exceed.length || unfit.length || rows.some((r) => !r.pruneOk)) process.exitCode = 1;
}

// ---------------------------------------------------------------- soundness against Node
/**
 * `--node-check DIR`: runs every .js/.mjs/.cjs program in DIR under Node (cwd `--node-cwd`, default DIR/..) with
 * V8's block coverage (NODE_V8_COVERAGE), and checks that the statement lines each real run executed (Pico's
 * statement lines; a statement ran when the innermost range holding its start has a count above zero, as
 * server/test/support/node-parity.ts reads it) fit one path of the model and never outnumber the cap.
 */
async function nodeCheck(dir, cwd) {
  const { mkdtempSync, readdirSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const files = readdirSync(dir).filter((f) => /\.(c|m)?js$/.test(f)).sort();
  let checked = 0; let below = 0; let skipped = 0;
  const bad = [];
  for (const f of files) {
    const file = join(dir, f);
    const out = mkdtempSync(join(tmpdir(), 'pico-cap-'));
    try {
      const run = spawnSync(process.execPath, [file], { cwd, timeout: 10_000, encoding: 'utf8', env: { ...process.env, NODE_V8_COVERAGE: out } });
      const script = readdirSync(out).flatMap((c) => JSON.parse(readFileSync(join(out, c), 'utf8')).result)
        .find((s) => s.url === pathToFileURL(file).href);
      if (run.status !== 0 || !script) { skipped++; continue; }
      const code = readFileSync(file, 'utf8');
      await loadParsers();
      const tree = parseSync(code, 'js');
      let ran;
      try {
        ran = executedUnderNode(tree, script.functions.flatMap((fn) => fn.ranges));
      } finally {
        tree.delete();
      }
      const bound = await capOf(code, file);
      const paths = await capOf(code, file, undefined, { paths: true });
      checked++;
      if (bound.cap < bound.total) below++;
      if (ran.length > bound.cap || !fitsOneAlternative(paths, ran)) bad.push(`${f} (ran ${ran.length}: ${ran}; cap ${bound.cap})`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  console.log(`node check: ${checked} programs run under Node (${skipped} failed or not covered), ${below} with a cap below all their lines; ` +
    `${bad.length} runs above the cap or off every path${bad.length ? ':\n  ' + bad.join('\n  ') : ''}`);
  if (bad.length) process.exitCode = 1;
}

function executedUnderNode(tree, ranges) {
  const lines = new Set();
  for (const node of tree.rootNode.descendantsOfType(COUNTED)) {
    if (!node || isDirective(node)) continue;
    let innermost = null;
    for (const r of ranges) {
      if (r.startOffset <= node.startIndex && node.startIndex < r.endOffset && (!innermost || r.endOffset - r.startOffset <= innermost.endOffset - innermost.startOffset)) innermost = r;
    }
    if (innermost && innermost.count > 0) lines.add(node.startPosition.row + 1);
  }
  return [...lines].sort((a, b) => a - b);
}
