// Turns the text of a model's answer into values Pico can inject. Nothing from the model is ever evaluated
// here: each value is only parsed (tree-sitter) to check it is exactly one JavaScript expression; the
// engine evaluates it inside the QuickJS sandbox.
import { bracketsTooDeep, treeDepth } from '../../engine/nesting';
import { loadParsers, parseSync } from '../../engine/parse';

/** Longest value accepted: a longer one is more likely a runaway generation than a useful fixture. */
export const maxValueLength = 4000;
/** Longest answer read at all (a 7B model's answer to eight names is a few KB). */
export const maxReplyChars = 256 * 1024;
/** Deepest nesting accepted in a value: it is compiled inside Pico's setup code (see engine/nesting.ts). */
export const maxValueNesting = 64;

export interface ParsedReply {
  ok: true;
  /** Label -> one JavaScript expression, for the labels that were asked and answered with a usable value. */
  values: Record<string, string>;
  reason: string;
  /** Answered values that were refused, with why (shown to the user and fed back to the model). */
  rejected: { label: string; value: string; why: string }[];
}

export interface UnusableReply {
  ok: false;
  message: string;
}

/** Validates a model answer of the shape `{"values": {...}, "reason": "..."}` for the asked labels. */
export async function parseReply(content: string, labels: string[]): Promise<ParsedReply | UnusableReply> {
  if (content.length > maxReplyChars) return { ok: false, message: `the model's answer is ${content.length} characters long (limit ${maxReplyChars}): ${preview(content)}` };
  const json = extractJson(content);
  if (json === undefined) {
    return { ok: false, message: `the model's answer is not JSON: ${preview(content)}` };
  }
  if (!isRecord(json) || !isRecord(json.values)) {
    return { ok: false, message: `the model's answer has no "values" object: ${preview(content)}` };
  }
  await loadParsers();
  const asked = new Set(labels);
  // No prototype: a name such as `constructor`, `valueOf` or `__proto__` must find its own answer, or none.
  const values: Record<string, string> = Object.create(null);
  const rejected: ParsedReply['rejected'] = [];
  for (const [label, raw] of Object.entries(json.values)) {
    if (!asked.has(label) || raw === undefined) continue;
    // Models sometimes answer with the JSON value itself instead of its source text; JSON is an expression.
    const value = typeof raw === 'string' ? stripDeclaration(raw.trim(), label) : JSON.stringify(raw);
    const why = expressionProblem(value);
    if (why) rejected.push({ label, value, why });
    else values[label] = value;
  }
  const reason = typeof json.reason === 'string' ? json.reason.slice(0, 500) : '';
  return { ok: true, values, reason, rejected };
}

/** Why `value` is not exactly one JavaScript expression, or null when it is. */
export function expressionProblem(value: string): string | null {
  if (!value) return 'it is empty';
  if (value.length > maxValueLength) return `it is ${value.length} characters long (limit ${maxValueLength})`;
  // The newline keeps a trailing `//` comment from swallowing the closing parenthesis; the parentheses make
  // `{a: 1}` an object (not a block) and turn any `x); evil(` escape into a second statement.
  const wrapped = `(${value}\n)`;
  if (bracketsTooDeep(value, maxValueNesting)) return `it nests more than ${maxValueNesting} brackets deep`;
  const tree = parseSync(wrapped, 'js');
  try {
    const root = tree.rootNode;
    if (treeDepth(tree, maxValueNesting)) return `it nests more than ${maxValueNesting} levels deep`;
    if (root.hasError) return `it does not parse as JavaScript${firstErrorAt(root, value)}`;
    const statements = root.namedChildren.filter((n) => n && n.type !== 'comment');
    const only = statements.length === 1 ? statements[0] : null;
    const expression = only?.type === 'expression_statement' ? only.namedChildren.find((n) => n && n.type !== 'comment') : null;
    if (!expression || expression.type !== 'parenthesized_expression' || expression.startIndex !== 0 || expression.endIndex !== wrapped.length) {
      return 'it is not a single expression (statements or several expressions)';
    }
    if (expression.namedChildren.some((n) => n?.type === 'sequence_expression')) {
      return 'it is several expressions joined by commas, not one';
    }
    return null;
  } finally {
    tree.delete();
  }
}

type SyntaxNodeLike = { type: string; isMissing: boolean; startPosition: { row: number; column: number }; children: (SyntaxNodeLike | null)[] };

function firstErrorAt(root: SyntaxNodeLike, value: string): string {
  const stack: SyntaxNodeLike[] = [root];
  while (stack.length) {
    const node = stack.shift()!;
    if (node.type === 'ERROR' || node.isMissing) {
      const { row, column } = node.startPosition;
      // Row 0 carries the added opening parenthesis.
      const col = row === 0 ? Math.max(0, column - 1) : column;
      const lineText = value.split('\n')[row] ?? '';
      return ` (near \`${lineText.slice(col, col + 30) || 'the end'}\`)`;
    }
    for (const child of node.children) if (child) stack.push(child);
  }
  return '';
}

/** `const user = {...};` -> `{...}`: small models often write a declaration of the very name asked for. */
function stripDeclaration(value: string, label: string): string {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^(?:const|let|var)\\s+${escaped}\\s*=\\s*([\\s\\S]*?);?\\s*$`).exec(value);
  const expression = match ? match[1] : value;
  // A statement-style trailing semicolon is harmless to drop; anything else stays for the parser to judge.
  return expression.replace(/;\s*$/, '');
}

/** The JSON object in the text: the whole text, or a fenced block, or the span from the first `{` to the last `}`. */
function extractJson(content: string): unknown {
  const candidates = [content.trim()];
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(content);
  if (fenced) candidates.push(fenced[1].trim());
  const first = content.indexOf('{');
  const last = content.lastIndexOf('}');
  if (first >= 0 && last > first) candidates.push(content.slice(first, last + 1));
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '(empty)';
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
}
