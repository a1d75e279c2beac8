import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repair } from '../src/engine/repair';
import { kinds, repairsTo } from './repair-helpers';

test('methods copied out of a class are wrapped in a class on their own first and last lines', async () => {
  const source = [
    'constructor(name, age) {',
    '  this.name = name;',
    '  this.age = age;',
    '}',
    '',
    '// greets in the console',
    'greet() {',
    '  console.log(`Hi, I am ${this.name}`);',
    '}',
  ].join('\n');
  const result = await repairsTo(source, 'js', [
    'class __PicoFragment { constructor(name, age) {',
    '  this.name = name;',
    '  this.age = age;',
    '}',
    '',
    '// greets in the console',
    'greet() {',
    '  console.log(`Hi, I am ${this.name}`);',
    '} }',
  ].join('\n'));
  assert.deepEqual(kinds(result), ['orphan-class-member@1']);
  assert.equal(result.repairs[0].description, 'class members with no class around them (lines 1-9): wrapped in `class __PicoFragment {` … `}`');
});

test('static fields, getters and async methods count as class members; statements before them stay outside', async () => {
  const source = [
    'const cache = new Map();',
    'static instances = 0;',
    'get size() { return cache.size; }',
    'async load(id) {',
    '  return fetch(`/items/${id}`);',
    '} // end of load',
  ].join('\n');
  const result = await repairsTo(source, 'js', [
    'const cache = new Map();',
    'class __PicoFragment { static instances = 0;',
    'get size() { return cache.size; }',
    'async load(id) {',
    '  return fetch(`/items/${id}`);',
    '} } // end of load',
  ].join('\n'));
  assert.deepEqual(kinds(result), ['orphan-class-member@2']);
});

test('React class-field handlers and render() make one class', async () => {
  const source = [
    'state = { open: false };',
    '',
    'toggle = () => {',
    '  this.setState({ open: !this.state.open });',
    '};',
    '',
    'render() {',
    '  return <button onClick={this.toggle}>{this.state.open ? "Close" : "Open"}</button>;',
    '}',
  ].join('\n');
  const result = await repairsTo(source, 'jsx', source.replace('state =', 'class __PicoFragment { state =').replace(/\}$/, '} }'));
  assert.deepEqual(kinds(result), ['orphan-class-member@1']);
});

test('a class body copied with its closing brace uses that brace to close the wrapper', async () => {
  const source = ['  componentDidMount() {', '    this.timer = setInterval(() => this.tick(), 1000);', '  }', '}'].join('\n');
  const result = await repairsTo(source, 'js', ['  class __PicoFragment { componentDidMount() {', '    this.timer = setInterval(() => this.tick(), 1000);', '  }', '}'].join('\n'));
  assert.match(result.repairs[0].description, /closed by the `\}` on line 4/);
});

test('Vue-style options (methods with trailing commas, `key: {…}`) are wrapped as an object literal', async () => {
  const source = [
    'data() {',
    '  return { count: 0 };',
    '},',
    'methods: {',
    '  increment() {',
    '    this.count++;',
    '  },',
    '},',
  ].join('\n');
  const result = await repairsTo(source, 'js', [
    '({ data() {',
    '  return { count: 0 };',
    '},',
    'methods: {',
    '  increment() {',
    '    this.count++;',
    '  },',
    '}, });',
  ].join('\n'));
  assert.deepEqual(kinds(result), ['orphan-object-member@1']);
  assert.match(result.repairs[0].description, /object members with no object around them/);
});

test('object members after a statement get a `;` guard so they are not called as arguments', async () => {
  const source = ['setup()', 'name: "widget",', 'render(h) {', '  return h("div");', '},'].join('\n');
  const result = await repairsTo(source, 'js', ['setup()', ';({ name: "widget",', 'render(h) {', '  return h("div");', '}, });'].join('\n'));
  assert.deepEqual(kinds(result), ['orphan-object-member@2']);
});

test('control statements that look like `name(…) {` are not taken for methods', async () => {
  const source = ['if (ready) {', '  start();', '}', 'while (queue.length) {', '  queue.shift()();', '}'].join('\n');
  const result = await repair(source, 'js');
  assert.equal(result.code, source);
  assert.deepEqual(result.repairs, []);
});

test('two runs of members separated by a statement get two classes with different names', async () => {
  const source = ['area() {', '  return this.w * this.h;', '}', 'console.log("between");', 'perimeter() {', '  return 2 * (this.w + this.h);', '}'].join('\n');
  const result = await repairsTo(source, 'js', [
    'class __PicoFragment { area() {',
    '  return this.w * this.h;',
    '} }',
    'console.log("between");',
    'class __PicoFragment2 { perimeter() {',
    '  return 2 * (this.w + this.h);',
    '} }',
  ].join('\n'));
  assert.deepEqual(kinds(result), ['orphan-class-member@1', 'orphan-class-member@5']);
});

test('method-looking lines inside a multi-line template or comment are not members', async () => {
  const source = ['const help = `', 'usage() {', '  run', '}', '`;', '/*', 'list() {', '}', '*/', 'show() {', '  console.log(help);', '}'].join('\n');
  const result = await repairsTo(source, 'js', source.replace('show() {', 'class __PicoFragment { show() {').replace(/\}$/, '} }'));
  assert.deepEqual(kinds(result), ['orphan-class-member@10']);
});
