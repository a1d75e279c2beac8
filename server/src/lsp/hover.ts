// Hover after a run: over a name, the runtime types observed for it on that line with a sample value (on a line the
// run never reached, the type it was seen with elsewhere or the value Pico assumed for it); on a line only another
// path reaches, the values that make it run; on an import, whether the module ran for real or was predicted.
// Assumed values are always labelled as such, never as observed.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Report, TypeObservation } from '../engine/types';
import type { ModuleStatus } from '../engine/modules/host';
import { runPathCommand, type RunPathArgs } from '../protocol';
import { linesRun, pathCondition, pathOfLine } from './pathWords';
import { plainText } from './plainWords';
import type { FinishedRun } from './documentRuns';
import { codeSpan, oneLine, plainMarkdown, typeOfValue } from './values';
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
  const sections = [
    moduleSection(document, run.report, position.line),
    pathSection(document.uri, run.report, line),
    target && nameSection(run.report, target, line),
    target && moduleUseSection(document, run, target, position.line),
    target && pageSection(run.report, target),
  ].filter(
    (section): section is string[] => !!section,
  );
  if (!sections.length) return null;
  const lines = sections.flatMap((section, i) => (i ? ['', '---', '', ...section] : section));
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, ...(target ? { range: target.range } : {}) };
}

/** What the run saw of the name under the cursor (observed or assumed), or what it was elsewhere. */
function nameSection(report: Report, target: NameAt, line: number): string[] | null {
  const executed = report.executedLines.includes(line);
  for (const name of target.names) {
    const here = report.types.filter((o) => o.name === name && o.line === line);
    const observed = here.filter((o) => !o.assumed);
    const assumed = here.filter((o) => o.assumed);
    const body: string[] = [];
    if (observed.length) body.push(...describeObserved(observed));
    if (assumed.length) body.push(...(body.length ? ['', '---', ''] : []), ...describeAssumed(assumed));
    if (body.length) return [`**${name}** at line ${line}`, '', ...body];

    // Two callbacks may both name a parameter `err`: the one assumed on this line first.
    const injection = report.injected.find((i) => i.name === name && i.line === line) ?? report.injected.find((i) => i.name === name);
    if (!executed || injection) {
      const elsewhere = report.types.filter((o) => o.name === name && !o.assumed);
      const lines = [`**${name}** — ${executed ? 'not observed on this line' : 'this line did not run in the last run'}`, ''];
      if (injection) {
        const value = readableValue(injection.value, injection.shape);
        const of = injection.parameterOf ? `, parameter of ${plainMarkdown(injection.parameterOf)}` : '';
        lines.push(`**assumed** (by ${injection.by === 'user' ? 'you' : injection.by}${of}): \`${typeOfValue(value, injection.shape)}\``, '', '```js', oneLine(value, 1000), '```');
      } else if (elsewhere.length) {
        const types = [...new Set(elsewhere.map((o) => o.type))];
        lines.push(`predicted type: \`${types.join(' | ')}\` (observed at line ${elsewhere[0].line})`);
      } else continue;
      return lines;
    }
  }
  return null;
}

/** On a browser global the snippet reads (`document`): the page behind it is the sandbox's, an assumption. */
function pageSection(report: Report, target: NameAt): string[] | null {
  const name = target.names.find((n) => report.page?.names.includes(n));
  if (!name) return null;
  return [`**${name}** is **assumed**: Node has no \`${name}\`, so Pico's sandbox stood in a blank browser page (no real page, no network).`];
}

/**
 * A line only another path reaches (report.paths): which assumed values make it run, in the user's words, and a link
 * that reruns with them (the `pico.runPath` command; editors that do not run commands show it as plain text).
 */
function pathSection(uri: string, report: Report, line: number): string[] | null {
  const index = pathOfLine(report.paths, report.executedLines, line);
  if (index < 0) return null;
  const path = report.paths[index];
  const args: RunPathArgs[] = [{ uri, path: index }];
  return [
    `**Runs on another path**: this line did not run in the last run; it runs when ${pathCondition(path, { code: true })} (assumed).`,
    '',
    `[Run this path](command:${runPathCommand}?${encodeURIComponent(JSON.stringify(args))} "Run again with these values") to see it: with these values ${linesRun(path.addedLines)}.`,
  ];
}

/** On an `import`/`require` line: whether each module it loads ran for real (and from where) or was predicted, and why. */
function moduleSection(document: TextDocument, report: Report, index: number): string[] | null {
  if (!report.modules?.length) return null;
  const text = document.getText({ start: { line: index, character: 0 }, end: { line: index + 1, character: 0 } });
  if (!/\b(import|require)\b|\bfrom\s*['"]/.test(text)) return null;
  const here = report.modules.filter((module) => ['"', "'", '`'].some((quote) => text.includes(`${quote}${module.specifier}${quote}`)));
  if (!here.length) return null;
  return here.flatMap((module, i) => [...(i ? [''] : []), describeModule(module)]);
}

/**
 * On a use of a module's name away from its import (`dayjs` on line 10, imported on line 1): the import line's verdict
 * in one line. The import is found in the text that ran, as the import line's own hover finds its modules.
 */
function moduleUseSection(document: TextDocument, run: FinishedRun, target: NameAt, index: number): string[] | null {
  const modules = run.report.modules ?? [];
  if (!modules.length || target.names.length !== 1) return null;
  const name = target.names[0];
  const binds = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`);
  for (let line = run.firstLine - 1; line < Math.min(run.lastLine, document.lineCount); line++) {
    if (line === index) continue;
    const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    if (!/\b(import|require)\b/.test(text)) continue;
    const module = modules.find((m) => ['"', "'", '`'].some((quote) => text.includes(`${quote}${m.specifier}${quote}`)));
    // The name is bound there: it appears outside the quoted specifiers (`import dayjs from 'dayjs'`).
    if (module && binds.test(text.replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""'))) return [describeModule(module, ` (imported at line ${line + 1})`)];
  }
  return null;
}

/** `where`: said after the module's name (on a use of it, the line that imports it). */
function describeModule(module: ModuleStatus, where = ''): string {
  // The specifier, the path and a loading error come from the snippet and its packages: shown, never read as markdown.
  const name = `**module ${codeSpan(module.specifier)}**${where}`;
  if (module.real) return `${name} ran for real${module.resolved ? `: ${codeSpan(module.resolved)}` : ''}.`;
  if (module.builtin) return `${name} — ${plainMarkdown(plainText(module.reason ?? 'a Node built-in'))}.`;
  return `${name} was predicted${module.reason ? `: ${plainMarkdown(plainText(module.reason))}` : ''}. Its value is **assumed**, not the real module's.`;
}
