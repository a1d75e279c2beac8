// The instrumenter's own promises, read off its output: insertions nest like the nodes that made them,
// directives stay first, nothing lands in a comment, and every line stays where it was.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Script } from 'node:vm';
import { analyse } from '../src/engine/analyse';
import { instrument } from '../src/engine/instrument';
import { loadParsers, parseSync } from '../src/engine/parse';

async function instrumentedResult(code: string) {
  await loadParsers();
  const tree = parseSync(code, 'js');
  try {
    return instrument(code, tree, analyse(code, tree).functions);
  } finally {
    tree.delete();
  }
}

async function instrumented(code: string): Promise<string> {
  await loadParsers();
  const tree = parseSync(code, 'js');
  try {
    const out = instrument(code, tree, analyse(code, tree).functions).code;
    assert.equal(out.split('\n').length, code.split('\n').length + 1, 'one line added: the wrapper\'s end');
    new Script(out); // compiles
    return out;
  } finally {
    tree.delete();
  }
}

test('a wrapped arrow closes before the trace of the statement that binds it', async () => {
  const out = await instrumented('const f = (n) => {\n  return n\n}\nf(1)');
  assert.match(out.split("\n")[2], /^\},"f"\);__pico_t\(1,"f",f\);$/); // the wrapper names the arrow `f`, as its binding would
});

test('directives stay first in the program and in functions', async () => {
  const out = await instrumented("'use strict'\nfunction g() {\n  'use strict'\n  return 1\n}\n");
  assert.match(out.split('\n')[0], /\(async function\(\)\{'use strict';__pico_f\(\d+,g\);$/);
  assert.match(out.split('\n')[2], /^ {2}'use strict';__pico_e\[\d+\]\|\|__pico_en\(\d+\);$/);
});

test('a #! line becomes a comment, and registrations go on the next line', async () => {
  const out = await instrumented('#!/usr/bin/env node\nfunction f() {}\n');
  assert.match(out.split('\n')[0], /\/\/\/usr\/bin\/env node$/);
  assert.match(out.split('\n')[1], /^__pico_f\(\d+,f\);function f/);
});

test('an unbraced body with a trailing comment is braced before the comment', async () => {
  const out = await instrumented("if (x) foo() // c\nelse bar()");
  assert.match(out, /\{__pico_h\[1\]=__pico_n\+\+;foo\(\);\} \/\/ c\n/);
});

test('a function declared in a switch case registers after the colon', async () => {
  const out = await instrumented('switch (x) {\n  case 1:\n    function f() {}\n}');
  assert.match(out.split('\n')[1], /case 1:__pico_f\(\d+,f\);$/);
});

test('columns in the instrumented code map back to the user\'s columns, on the first line too', async () => {
  const code = 'let a = 1; a.b.c\nconst f = () => {\n  return a.x.y\n}';
  const result = await instrumentedResult(code);
  for (const [line, needle] of [[1, 'a.b.c'], [3, 'a.x.y']] as const) {
    const column = result.code.split('\n')[line - 1].indexOf(needle) + 1;
    assert.equal(result.originalColumn(line, column), code.split('\n')[line - 1].indexOf(needle));
  }
});
