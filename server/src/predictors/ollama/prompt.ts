// The messages sent to the model: rules, worked examples as earlier chat turns (small models copy a shown
// answer far more reliably than they follow a described one), then the snippet with line numbers, the
// names to fill with what the analysis learnt about each, and, from the second round, what went wrong.
import type { Message } from 'ollama';
import type { Prediction, RunFeedback, Slot, UsageFacts } from '../../engine/types';
import { mentionPattern } from './mentions';

/** A slot with the label the model sees and answers under: its name, or its key when two slots share a name. */
export interface LabelledSlot {
  label: string;
  slot: Slot;
}

export function labelSlots(slots: Slot[]): LabelledSlot[] {
  const counts = new Map<string, number>();
  for (const slot of slots) counts.set(slot.name, (counts.get(slot.name) ?? 0) + 1);
  return slots.map((slot) => ({ label: counts.get(slot.name)! > 1 ? slot.key : slot.name, slot }));
}

export const systemPrompt = [
  'You fill in the missing values of a JavaScript or TypeScript snippet so that it runs.',
  'The snippet uses names it never defines; for each name you are asked about, give ONE JavaScript expression (as a string) that Pico will assign to it before the snippet runs.',
  'Rules:',
  '- Each value is a single expression: an object or array literal, a string, a number, an arrow function, `new Date(...)`, `new Map(...)`, `Promise.resolve(...)`. No statements, no declarations, no `require` or `import`.',
  '- The snippet runs in a sandbox without network, files or DOM: replace services, clients and modules by plain objects whose methods return realistic data.',
  '- Match how the snippet uses each name: give every property it reads, functions for what it calls (returning what the caller then uses), arrays for what it iterates, Promises or async functions for what it awaits or calls `.then` on, strings or numbers for what it compares with them.',
  '- Prefer realistic data (a user has an id, a name and an email) and choose values that make the conditions true, so that as many lines as possible run without an error.',
  '- Answer with JSON only: {"values": {"<name>": "<one JavaScript expression>"}, "reason": "<short reason>"}.',
].join('\n');

/** Worked examples, as [user, assistant] turns, in exactly the format of the real prompts below. */
const examples: [string, string][] = [
  [
    [
      'Snippet (js):',
      '   1 | const res = await api.get(`/users/${id}`);',
      '   2 | if (res.status !== 200) throw new Error("failed");',
      '   3 | console.log(res.data.name.toUpperCase());',
      '',
      'Give values for these names:',
      '- api (global, line 1)',
      '    api.get: called with 1 argument',
      '    api.get(): awaited',
      '    api.get().status: read; compared with 200',
      '    api.get().data: read',
      '    api.get().data.name: read',
      '    api.get().data.name.toUpperCase: called with 0 arguments',
      '- id (global, line 1)',
      '    id: combined with string',
    ].join('\n'),
    JSON.stringify({
      values: {
        api: "{ get: async (url) => ({ status: 200, data: { id: 7, name: 'Ada Lovelace', email: 'ada@example.com' } }) }",
        id: '7',
      },
      reason: 'api.get resolves to an HTTP response with status 200 and a user in data',
    }),
  ],
  [
    [
      'Snippet (js):',
      '   1 | let total = 0;',
      '   2 | for (const item of order.items) total += item.price * item.qty;',
      '   3 | console.log(total);',
      '',
      'The last run used these values:',
      '  order = { items: {} }',
      'It stopped with TypeError: order.items is not iterable, at line 2:',
      '   2 | for (const item of order.items) total += item.price * item.qty;',
      'The error involves: order.',
      '',
      'Give values for these names:',
      '- order (global, line 2)',
      '    order.items: read; iterated',
      '    order.items[i].price: read; combined with number',
      '    order.items[i].qty: read; combined with number',
    ].join('\n'),
    JSON.stringify({
      values: { order: '{ id: 1042, items: [{ sku: "A-1", price: 9.5, qty: 2 }, { sku: "B-7", price: 3, qty: 1 }] }' },
      reason: 'items must be an array of order lines with numeric price and qty',
    }),
  ],
];

export interface PromptInput {
  source: string;
  lang: string;
  slots: LabelledSlot[];
  feedback?: RunFeedback;
  /** Labels to show for the values of the last run (slot key -> label). */
  labelsByKey?: Map<string, string>;
}

export function buildMessages(input: PromptInput): Message[] {
  const messages: Message[] = [{ role: 'system', content: systemPrompt }];
  for (const [user, assistant] of examples) {
    messages.push({ role: 'user', content: user }, { role: 'assistant', content: assistant });
  }
  messages.push({ role: 'user', content: userPrompt(input) });
  return messages;
}

export function userPrompt(input: PromptInput): string {
  const { source, lang, slots, feedback } = input;
  const coverageGuided = !!feedback && !feedback.error && feedback.unexecutedLines.length > 0;
  const marked = coverageGuided ? new Set(feedback!.unexecutedLines) : new Set<number>();
  const parts: string[] = [`Snippet (${lang}${marked.size ? '; lines marked >> did not run' : ''}):`, numberedSource(source, marked, focusLines(input))];
  if (feedback) parts.push('', feedbackSection(source, feedback, input.labelsByKey ?? new Map()));
  parts.push('', 'Give values for these names:');
  for (const { label, slot } of slots) parts.push(describeSlot(label, slot));
  return parts.join('\n');
}

/** Longer snippets are shown only around the lines that matter: a 7B model's context is a few thousand tokens. */
export const maxListedLines = 150;
const focusContext = 3;

/**
 * The source with right-aligned 1-based line numbers; `marked` lines get a `>>` in front. With `focus`,
 * only those lines are listed and each gap is shown as one `…` line.
 */
export function numberedSource(source: string, marked: Set<number> = new Set(), focus: Set<number> | null = null): string {
  const lines = source.split('\n');
  const width = Math.max(2, String(lines.length).length);
  const out: string[] = [];
  let skipping = false;
  lines.forEach((text, i) => {
    if (focus && !focus.has(i + 1)) {
      if (!skipping) out.push(`  ${'…'.padStart(width)} |`);
      skipping = true;
      return;
    }
    skipping = false;
    out.push(`${marked.has(i + 1) ? '>>' : '  '}${String(i + 1).padStart(width)} | ${text}`);
  });
  return out.join('\n');
}

/** For a long snippet: the lines that mention the asked names, the error line and the unrun lines, with a little context. */
function focusLines(input: PromptInput): Set<number> | null {
  const lines = input.source.split('\n');
  if (lines.length <= maxListedLines) return null;
  const centres = new Set<number>();
  for (const { slot } of input.slots) {
    centres.add(slot.line);
    const word = mentionPattern(slot.name);
    lines.forEach((text, i) => word.test(text) && centres.add(i + 1));
  }
  if (input.feedback?.error?.line) centres.add(input.feedback.error.line);
  for (const line of input.feedback?.unexecutedLines ?? []) centres.add(line);
  const focus = new Set<number>();
  for (const centre of [...centres].sort((a, b) => a - b)) {
    for (let l = centre - focusContext; l <= centre + focusContext; l++) if (l >= 1 && l <= lines.length) focus.add(l);
    if (focus.size >= maxListedLines) break;
  }
  return focus;
}

function feedbackSection(source: string, feedback: RunFeedback, labelsByKey: Map<string, string>): string {
  const parts: string[] = [];
  if (feedback.values.length) {
    parts.push('The last run used these values:');
    for (const value of feedback.values) parts.push(`  ${labelsByKey.get(value.key) ?? value.name} = ${shorten(value.value, 400)}`);
  }
  const lines = source.split('\n');
  if (feedback.error) {
    const { error } = feedback;
    const where = error.line ? `, at line ${error.line}:` : '.';
    parts.push(`It stopped with ${error.name}: ${error.message}${where}`);
    if (error.line && lines[error.line - 1] !== undefined) parts.push(`${String(error.line).padStart(4)} | ${lines[error.line - 1]}`);
    if (feedback.blamed.length) {
      parts.push(`The error involves: ${feedback.blamed.map((key) => labelsByKey.get(key) ?? nameOfKey(key, feedback.values)).join(', ')}.`);
    }
    parts.push('Correct the values so that this error does not happen.');
  } else if (feedback.unexecutedLines.length) {
    const count = new Set(feedback.unexecutedLines).size;
    parts.push(`It ran without an uncaught error, but line${count === 1 ? '' : 's'} ${formatLineList(feedback.unexecutedLines)} (marked >>) did not run.`);
    parts.push('Change the values so that those lines run too: make the conditions that guard them true, give the callbacks and loops data to run on.');
  }
  return parts.join('\n');
}

function nameOfKey(key: string, values: Prediction[]): string {
  return values.find((v) => v.key === key)?.name ?? key;
}

/** `- user (global, line 3)` and one indented line per fact group. */
export function describeSlot(label: string, slot: Slot): string {
  const header = `- ${label} (${describeKind(slot)}, line ${slot.line})`;
  const facts = describeFacts(slot.facts, slot.name);
  return facts.length ? `${header}\n${facts.map((f) => `    ${f}`).join('\n')}` : `${header}\n    (no usage facts)`;
}

function describeKind(slot: Slot): string {
  if (slot.kind === 'import') {
    // import:<specifier>:<imported>
    const rest = slot.key.slice('import:'.length);
    const cut = rest.lastIndexOf(':');
    const specifier = cut >= 0 ? rest.slice(0, cut) : rest;
    const imported = cut >= 0 ? rest.slice(cut + 1) : 'default';
    const what = imported === '*' ? 'the whole module' : imported === 'default' ? 'the default export' : `export ${imported}`;
    return `imported: ${what} of '${specifier}'`;
  }
  if (slot.kind === 'param') return 'function parameter';
  if (slot.kind === 'this') return 'the value of this';
  return 'global';
}

const maxDepth = 4;
const maxFactLines = 24;

/**
 * What the analysis learnt about a value, one line per access path rooted at the name:
 * `api.get: called with 1 argument`, `api.get(): awaited`, `api.get().status: read; compared with 200`.
 */
export function describeFacts(facts: UsageFacts, path: string, depth = 0): string[] {
  const own = ownClauses(facts);
  return [...(own.length ? [`${path}: ${own.join('; ')}`] : []), ...childLines(facts, path, depth)].slice(0, maxFactLines);
}

function childLines(facts: UsageFacts, path: string, depth: number): string[] {
  if (depth >= maxDepth) return [];
  const lines: string[] = [];
  if (facts.callResult) lines.push(...describeFacts(facts.callResult, `${path}()`, depth + 1));
  if (facts.elements) lines.push(...describeFacts(facts.elements, `${path}[i]`, depth + 1));
  for (const { position, params } of facts.callbackParams ?? []) {
    // Says what the callback expects to be called with: `fs.readFile(p, (err, data) => data.split(...))`.
    params.forEach((param, i) => lines.push(...describeFacts(param, `(parameter ${i + 1} of the callback passed as argument ${position + 1} to ${path})`, depth + 1)));
  }
  for (const [name, use] of Object.entries(facts.properties ?? {})) {
    const propertyPath = `${path}.${name}`;
    const access = use.called
      ? `called${use.callArity !== undefined ? ` with ${plural(use.callArity, 'argument')}` : ''}`
      : use.written && !use.read ? 'assigned' : 'read';
    lines.push(`${propertyPath}: ${[access, ...(use.facts ? ownClauses(use.facts) : [])].join('; ')}`);
    if (use.facts) lines.push(...childLines(use.facts, propertyPath, depth + 1));
  }
  return lines;
}

function ownClauses(facts: UsageFacts): string[] {
  const clauses: string[] = [];
  if (facts.annotation) clauses.push(`declared type ${facts.annotation}`);
  if (facts.constructed) clauses.push('constructed with new');
  else if (facts.called) clauses.push('called');
  if (facts.callbackPositions?.length) clauses.push(`given a callback as argument ${facts.callbackPositions.map((p) => p + 1).join(', ')}`);
  if (facts.awaited) clauses.push('awaited');
  if (facts.thenCalled) clauses.push('.then called');
  if (facts.iterated) clauses.push('iterated');
  if (facts.spread) clauses.push('spread');
  if (facts.indexed) clauses.push(`indexed by ${facts.indexed === 'both' ? 'number and string' : facts.indexed}`);
  if (facts.lengthRead) clauses.push('.length read');
  if (facts.destructured?.length) clauses.push(`destructured into ${facts.destructured.join(', ')}`);
  if (facts.comparedWith?.length) clauses.push(`compared with ${unique(facts.comparedWith).slice(0, 6).join(', ')}`);
  if (facts.combinedWith?.length) clauses.push(`combined with ${unique(facts.combinedWith).join(' and ')}`);
  if (facts.typeofChecks?.length) clauses.push(`typeof checked against ${unique(facts.typeofChecks).join(', ')}`);
  if (facts.instanceofChecks?.length) clauses.push(`instanceof ${unique(facts.instanceofChecks).join(', ')}`);
  if (facts.passedTo?.length) clauses.push(`passed to ${unique(facts.passedTo.map((p) => `${p.callee} (argument ${p.position + 1})`)).slice(0, 4).join(', ')}`);
  if (facts.testedForTruth) clauses.push('tested as a condition');
  return clauses;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** `3, 5-7, 10` */
export function formatLineList(lines: number[]): string {
  const sorted = unique(lines).sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    ranges.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return ranges.join(', ');
}
