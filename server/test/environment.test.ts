// Node's world unless the snippet uses the browser's page: then the sandbox's page stands in for it, and the report
// says it was assumed (Report.page). What Node prints for code that asks which world it is in is checked in
// node-parity.test.ts; here, the snippets Node cannot run at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSnippet } from '../src/engine';
import { defaultPredictors } from '../src/predictors/defaults';

const run = (source: string) => runSnippet(source, { predictors: defaultPredictors(), lang: 'js' });
const printed = (report: Awaited<ReturnType<typeof run>>) => report.output.filter((o) => o.origin !== 'driven').map((o) => o.text);

test('a snippet that uses the page runs with it, and the report names it as assumed', async () => {
  const report = await run("const out = document.getElementById('out');\nout.textContent = 'hi ' + window.innerWidth;\nconsole.log(out.textContent);\n");
  assert.equal(report.error, null);
  assert.deepEqual(printed(report), ['hi 1280']);
  assert.deepEqual(report.page, { names: ['document', 'window'], line: 1 });
});

test('an assumed element brings the page with it, though the snippet names no browser global', async () => {
  const report = await run("button.addEventListener('click', () => console.log('clicked'));\nbutton.click();\n");
  assert.equal(report.error, null);
  assert.deepEqual(printed(report), ['clicked']);
  assert.ok(report.page?.names.includes('document'), JSON.stringify(report.page));
});

test('code that asks for the page before using it runs as under Node, with no page to report', async () => {
  const report = await run("if (typeof document !== 'undefined') {\n  document.title = 'x';\n  console.log('page');\n} else {\n  console.log('no page');\n}\n");
  assert.deepEqual(printed(report), ['no page']);
  assert.equal(report.page, undefined);
  assert.deepEqual(report.injected, []);
});

test('in a fragment, a name tested with typeof is still among what is missing', async () => {
  const report = await run("if (typeof callback === 'function') {\n  callback(null, result);\n}\n");
  assert.ok(report.injected.some((i) => i.name === 'callback'), JSON.stringify(report.injected));
  assert.ok(report.executedLines.includes(2));
});

test('the CLI lists the page among the assumptions, once', async () => {
  const { formatReport } = await import('../src/cli');
  const source = "document.title = 'x';\nconsole.log(document.title);\n";
  const text = formatReport(await run(source), source);
  const assumed = text.slice(text.indexOf('── assumed'), text.indexOf('── result'));
  assert.match(assumed, /document = a blank browser page/);
  assert.equal(assumed.match(/browser page/g)?.length, 1);
});

test("in a module (strict), a callback handed to an unknown API still gets an assumed this to call methods on", async () => {
  const report = await run("import { addMethod, date } from 'yup';\naddMethod(date, 'format', function format(formats) {\n  return this.transform((value) => value);\n});\n");
  assert.equal(report.error, null, JSON.stringify(report.error));
  assert.ok(report.executedLines.includes(3));
});
