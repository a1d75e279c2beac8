// Class or object members copied without their class or object: `constructor(x) {…}`, `render() {…}`,
// `static count = 0`, `data() {…},` / `methods: {…},`. A run of them is wrapped on its own first and last
// lines, as `class __PicoFragment {` … `}` or `({` … `});`, whichever parses better.
import type { Repair } from '../types';
import { insert, type Edit } from './edits';
import type { BracketMatch, CodeText, Marks } from './marks';
import type { RepairSession } from './session';
import { topLevelItems, type TopLevelItem } from './top-level-items';

export const fragmentClassName = '__PicoFragment';

type ItemKind =
  | 'method' // name(…) {…}
  | 'object-method' // name(…) {…},
  | 'class-field' // static x = 1, #x = 1, private x: T
  | 'maybe-field' // x = 1 (also a plain assignment)
  | 'object-prop' // key: value,
  | 'maybe-object-prop' // shorthand `key,` or `...spread,`
  | 'stray-close'
  | 'statement';

const memberHead = new RegExp(
  String.raw`^((?:(?:static|async|get|set|public|private|protected|readonly|override|abstract|declare|accessor)[ \t]+)*)` +
    String.raw`(\*\s*)?` +
    String.raw`(#?[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\d[\w.]*|\[)`,
  'u',
);
const afterName = /^\s*[?!]?\s*(\(|<|=(?![=>])|:|;|,)/;
/** Words that look like `name(…) {` but start statements. */
const statementWords = new Set([
  'if', 'for', 'while', 'switch', 'catch', 'with', 'function', 'return', 'typeof', 'new', 'await', 'yield', 'delete', 'void',
  'throw', 'super', 'import', 'export', 'do', 'else', 'try', 'finally', 'case', 'default', 'in', 'of', 'instanceof', 'class',
  'const', 'let', 'var', 'this',
]);
/** After `label:` these make a labelled statement, not an object property. */
const labelledStatementStart = /^(?:for|while|do|if|switch|try)\b/;
const definite = new Set<ItemKind>(['method', 'object-method', 'class-field', 'object-prop']);
const ambiguous = new Set<ItemKind>(['maybe-field', 'maybe-object-prop']);

interface Context {
  code: string;
  marks: Marks;
  brackets: BracketMatch;
  text: CodeText;
  bracketAt: Map<number, number>;
}

export function repairOrphanMembers(session: RepairSession): void {
  const { code } = session;
  const { marks, brackets, text } = session.lex();
  const context: Context = { code, marks, brackets, text, bracketAt: new Map(marks.brackets.map((bracket, index) => [bracket.start, index])) };
  const items = topLevelItems(marks, brackets, text).map((item) => ({ ...item, kind: classify(item, context) }));
  const runs = findRuns(items);
  const classNames = unusedClassNames(code, runs.length);
  // Bottom-up, so offsets of earlier runs stay valid after a later run is wrapped.
  for (const [index, run] of [...runs.entries()].reverse()) {
    const className = classNames[index];
    const members = items.slice(run.from, run.to + 1);
    const after = items[run.to + 1];
    // The class's own `}` copied with its members can close the wrapper, unless a `,` shows it closed an object.
    const strayClose = after?.kind === 'stray-close' && code[after.start] === '}' && code[text.nextCode(after.start + 1)] !== ',' ? after.start : null;
    const closeParenFollows = strayClose !== null && code[text.nextCode(strayClose + 1)] === ')';
    const start = members[0].start;
    const end = members[members.length - 1].end;
    const previousEnd = text.previousCodeEnd(start);
    const needsGuard = previousEnd > 0 && code[previousEnd - 1] !== ';' && code[previousEnd - 1] !== '}';
    const firstLine = members[0].row + 1;
    const lastLine = text.rowOf(end - 1) + 1;
    const lines = firstLine === lastLine ? `line ${firstLine}` : `lines ${firstLine}-${lastLine}`;
    const closedBy = strayClose !== null ? `, closed by the \`}\` on line ${text.rowOf(strayClose) + 1}` : '';

    const asClass = {
      edits: [insert(start, `class ${className} { `), ...(strayClose !== null ? [] : [insert(end, ' }')])],
      repairs: [{ kind: 'orphan-class-member', line: firstLine, description: `class members with no class around them (${lines}): wrapped in \`class ${className} {\` … \`}\`${closedBy}` } satisfies Repair],
    };
    const objectClose: Edit[] = strayClose !== null ? (closeParenFollows ? [] : [insert(strayClose + 1, ')')]) : [insert(end, ' });')];
    const asObject = {
      edits: [insert(start, `${needsGuard ? ';' : ''}({ `), ...objectClose],
      repairs: [{ kind: 'orphan-object-member', line: firstLine, description: `object members with no object around them (${lines}): wrapped in \`({\` … \`});\`${closedBy}` } satisfies Repair],
    };
    const objectVotes = members.filter((item) => item.kind === 'object-method' || item.kind === 'object-prop' || item.kind === 'maybe-object-prop').length;
    const classVotes = members.filter((item) => item.kind === 'class-field' || item.kind === 'maybe-field').length;
    session.tryBest(objectVotes > classVotes ? [asObject, asClass] : [asClass, asObject]);
  }
}

/** One class name per run, none already in the code: two classes with one name would not run. */
function unusedClassNames(code: string, count: number): string[] {
  const names: string[] = [];
  for (let n = 1; names.length < count; n++) {
    const name = n === 1 ? fragmentClassName : `${fragmentClassName}${n}`;
    if (!new RegExp(`\\b${name}\\b`).test(code)) names.push(name);
  }
  return names;
}

function classify(item: TopLevelItem, context: Context): ItemKind {
  const { code, brackets } = context;
  if (item.bracketAtStart >= 0) {
    const bracket = context.marks.brackets[item.bracketAtStart];
    if (bracket.text === '}' || bracket.text === ')' || bracket.text === ']') return brackets.partner[item.bracketAtStart] < 0 ? 'stray-close' : 'statement';
  }
  const headText = code.slice(item.start, Math.min(item.end, item.start + 300));
  if (headText.startsWith('...')) return 'maybe-object-prop';
  const head = memberHead.exec(headText);
  if (!head) return 'statement';
  const modified = head[1].length > 0 || head[2] !== undefined;
  const name = head[3];
  let nameEnd = item.start + head[0].length;
  if (name === '[') {
    const open = context.bracketAt.get(nameEnd - 1);
    const close = open === undefined ? -1 : brackets.partner[open];
    if (close < 0) return 'statement';
    nameEnd = context.marks.brackets[close].start + 1;
  }
  const follow = afterName.exec(code.slice(nameEnd, Math.min(item.end, nameEnd + 40)));
  if (!follow) return 'statement';
  const after = follow[1];
  const afterAt = nameEnd + follow[0].length - after.length;
  const isWord = /^#?[\p{ID_Start}$_]/u.test(name);
  const isStatementWord = !modified && statementWords.has(name);
  if (after === '(' || after === '<') return isStatementWord ? 'statement' : methodKind(afterAt, item, context);
  if (after === '=') return modified || name.startsWith('#') ? 'class-field' : isWord && !isStatementWord ? 'maybe-field' : 'statement';
  if (after === ':') {
    if (modified) return 'class-field';
    const value = code.slice(context.text.nextCode(afterAt + 1), item.end);
    if (isStatementWord || labelledStatementStart.test(value)) return 'statement';
    return code[item.end - 1] === ';' ? 'class-field' : 'object-prop';
  }
  if (after === ';') return modified ? 'class-field' : 'statement';
  if (after === ',' && isWord && !modified) return 'maybe-object-prop';
  return 'statement';
}

/** `name(…) {…}`, maybe with TS type parameters and a return type: the item must end with the body (and an optional `,` or `;`). */
function methodKind(afterName: number, item: TopLevelItem, context: Context): ItemKind {
  const { code, marks, brackets, text } = context;
  let open = context.bracketAt.get(afterName) ?? -1;
  if (code[afterName] === '<') {
    open = marks.brackets.findIndex((bracket) => bracket.start > afterName && bracket.text === '(');
    if (open >= 0 && marks.brackets[open].start >= item.end) open = -1;
  }
  const close = open >= 0 && marks.brackets[open].text === '(' ? brackets.partner[open] : -1;
  if (close < 0) return 'statement';
  const trailing = code[item.end - 1];
  const bodyEnd = trailing === ',' || trailing === ';' ? text.previousCodeEnd(item.end - 1) - 1 : item.end - 1;
  const body = context.bracketAt.get(bodyEnd);
  if (body === undefined || marks.brackets[body].text !== '}' || brackets.partner[body] <= close) return 'statement';
  return trailing === ',' ? 'object-method' : 'method';
}

/** Maximal runs of member-like items with at least one that can only be a member. */
function findRuns(items: readonly { kind: ItemKind }[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  let from = -1;
  let hasDefinite = false;
  items.forEach((item, index) => {
    const member = definite.has(item.kind) || ambiguous.has(item.kind);
    if (member) {
      if (from < 0) from = index;
      hasDefinite ||= definite.has(item.kind);
    }
    if ((!member || index === items.length - 1) && from >= 0) {
      if (hasDefinite) runs.push({ from, to: member ? index : index - 1 });
      from = -1;
      hasDefinite = false;
    }
  });
  return runs;
}
