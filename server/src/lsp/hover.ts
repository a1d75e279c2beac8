// Hover over a name after a run: the runtime types observed for it on that line with a sample value; on a line
// the run never reached, the type it was seen with elsewhere or the value Pico assumed for it.
// Assumed values are always labelled as such, never as observed.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TypeObservation } from '../engine/types';
import type { FinishedRun } from './documentRuns';
import { oneLine, typeOfExpression } from './values';
import { readableValue } from '../engine/readable';

interface NameAt {
  /** Candidate names, most specific first: `user.address.city`, then `city` only when the chain has one element. */
  names: string[];
  range: { start: Position; end: Position };
}

const identifierChar = /[\w$]/;

/** The identifier (and the member chain leading to it) under the cursor. */
export function nameAt(document: TextDocument, position: Position): NameAt | null {
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
  // Clamped: past the end of the line, `line[i]` is undefined, which the pattern reads as "undefined" and
  // matches: a hover at character 1e9 walked a billion characters back.
  const character = Math.max(0, Math.min(Math.trunc(position.character) || 0, line.length));
  let start = character;
  let end = character;
  while (start > 0 && identifierChar.test(line[start - 1])) start--;
  while (end < line.length && identifierChar.test(line[end])) end++;
  const word = line.slice(start, end);
  if (!word || /^\d/.test(word)) return null;
  let chainStart = start;
  // Walk left over `a.b.` (and `a?.b.`) to find the member chain the word ends.
  for (;;) {
    const before = line.slice(0, chainStart);
    const member = /([A-Za-z_$][\w$]*)\??\.$/.exec(before);
    if (!member) break;
    chainStart = before.length - member[0].length;
  }
  const chain = line.slice(chainStart, end).replace(/\?\./g, '.');
  const names = chain === word ? [word] : [chain, word];
  return { names, range: { start: { line: position.line, character: start }, end: { line: position.line, character: end } } };
}

function describeObserved(observations: TypeObservation[]): string[] {
  const types = [...new Set(observations.map((o) => o.type))];
  const lines = [`observed type${types.length > 1 ? 's' : ''}: ${types.map((t) => `\`${t}\``).join(' | ')}`];
  const sample = observations[observations.length - 1].sample;
  lines.push('', 'sample value:', '```js', oneLine(sample, 1000), '```');
  return lines;
}

function describeAssumed(observations: TypeObservation[]): string[] {
  const types = [...new Set(observations.map((o) => o.type))];
  return [`**assumed** by Pico (not observed): \`${types.join(' | ')}\``, '', '```js', oneLine(observations[0].sample, 1000), '```'];
}

export function runHover(document: TextDocument, run: FinishedRun, position: Position): Hover | null {
  const line = position.line + 1;
  if (line < run.firstLine || line > run.lastLine) return null;
  const target = nameAt(document, position);
  if (!target) return null;
  const { report } = run;
  const executed = report.executedLines.includes(line);

  for (const name of target.names) {
    const here = report.types.filter((o) => o.name === name && o.line === line);
    const observed = here.filter((o) => !o.assumed);
    const assumed = here.filter((o) => o.assumed);
    const body: string[] = [];
    if (observed.length) body.push(...describeObserved(observed));
    if (assumed.length) body.push(...(body.length ? ['', '---', ''] : []), ...describeAssumed(assumed));
    if (body.length) return hover([`**${name}** at line ${line}`, '', ...body], target.range);

    const injection = report.injected.find((i) => i.name === name);
    if (!executed || injection) {
      const elsewhere = report.types.filter((o) => o.name === name && !o.assumed);
      const lines = [`**${name}** — ${executed ? 'not observed on this line' : 'this line did not run in the last run'}`, ''];
      if (injection) {
        lines.push(`**assumed** (by ${injection.by === 'user' ? 'you' : injection.by}): \`${typeOfExpression(readableValue(injection.value))}\``, '', '```js', oneLine(readableValue(injection.value), 1000), '```');
      } else if (elsewhere.length) {
        const types = [...new Set(elsewhere.map((o) => o.type))];
        lines.push(`predicted type: \`${types.join(' | ')}\` (observed at line ${elsewhere[0].line})`);
      } else continue;
      return hover(lines, target.range);
    }
  }
  return null;
}

function hover(lines: string[], range: NameAt['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range };
}
