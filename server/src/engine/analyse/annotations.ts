import type * as TypeScript from 'typescript';
import type { Analysis, Lang, UsageFacts } from '../types';
import { property, propertyFacts } from './facts';
import { field, isFunction, textOf } from './syntax';
import { parameterNodes } from './nodes';
import type { FlowContext } from './usage';

// Type annotations a predictor can build values from: TypeScript parameter and variable types, `declare`
// statements, and JSDoc `@param`/`@type`/`@typedef`. The TypeScript compiler is only loaded when the snippet
// has something to read (it costs ~150 ms), and only its parser is used: no type checking, whose time and
// memory nothing here could bound. What is left to bound is the expansion of local type names into their
// structure: text substitution, which 1 KB of types that name each other many times grew to hundreds of
// megabytes (1 KB: 520 MB; 3 KB: 1.3 GB and 49 s). Every annotation now has a budget of characters
// (`maxAnnotationChars`): a name whose structure does not fit stays a name, as it was written.

type TS = typeof TypeScript;
let typescript: TS | null = null;

function loadTypeScript(): TS {
  // Loaded on first use: most runs are plain JavaScript without JSDoc and never pay for it.
  typescript ??= require('typescript') as TS;
  return typescript;
}

export function wantsAnnotations(source: string, lang: Lang): boolean {
  return lang === 'ts' || lang === 'tsx' || /@(param|type|typedef|arg|argument)\b/.test(source);
}

/** How deep a local type is expanded into the text of another (recursive types stop earlier). */
const maxExpansion = 3;
/** Longest annotation text handed to the predictors (plenty for a type a predictor can build a value from). */
export const maxAnnotationChars = 2000;

export function applyAnnotations(analysis: Analysis, ctx: FlowContext, original: { source: string; lang: Lang }): void {
  const ts = loadTypeScript();
  const scriptKind = { js: ts.ScriptKind.JS, jsx: ts.ScriptKind.JSX, ts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX }[original.lang];
  const file = ts.createSourceFile(`snippet.${original.lang}`, original.source, ts.ScriptTarget.Latest, true, scriptKind);
  const reader = new AnnotationReader(ts, file);
  reader.read();

  const freeNames = new Map(analysis.freeNames.map((entry) => [entry.name, entry]));
  for (const [name, annotation] of reader.declared) {
    const entry = freeNames.get(name);
    if (entry) entry.facts.annotation = annotation;
  }
  for (const [name, tag] of reader.docParams) {
    const entry = freeNames.get(name);
    if (!entry) continue;
    if (tag.type) entry.facts.annotation ??= tag.type;
    if (tag.members.size) annotateMembers(entry.facts, tag.members);
  }
  if (reader.thisType && analysis.thisFacts) analysis.thisFacts.annotation ??= reader.thisType;

  // Parameters: matched by the line they are on and their name (or their rank among patterns on that line),
  // which survive type stripping.
  const functionNodes = ctx.syntax.nodes.filter(isFunction);
  analysis.functions.forEach((info, index) => {
    const node = functionNodes[index];
    if (!node) return;
    const patternRank = new Map<number, number>();
    parameterNodes(node).forEach((param, position) => {
      const target = param.type === 'rest_pattern' || param.type === 'assignment_pattern' ? (field(param, 'left') ?? param.children.find((c) => c.named) ?? param) : param;
      let key: string;
      if (target.type === 'identifier') key = `${param.line}:${textOf(ctx.code, target)}`;
      else {
        const rank = patternRank.get(param.line) ?? 0;
        patternRank.set(param.line, rank + 1);
        key = `${param.line}:#${rank}`;
      }
      const annotation = reader.params.get(key);
      const facts = info.params[position]?.facts;
      if (annotation && facts) facts.annotation = annotation;
    });
  });

  // `const user: User = req.body`, `/** @type {Row[]} */ const rows = await db.all()`: the type describes the
  // value the initialiser produced, which belongs to a free name (or an import) followed up to here.
  for (const node of ctx.syntax.nodes) {
    if (node.type !== 'variable_declarator') continue;
    const name = field(node, 'name');
    const value = field(node, 'value');
    if (name?.type !== 'identifier' || !value) continue;
    const annotation = reader.variables.get(`${name.line}:${textOf(ctx.code, name)}`);
    const facts = annotation ? ctx.firstFacts.get(value) : undefined;
    if (annotation && facts) facts.annotation ??= annotation;
  }

  // `req.body as User`: the expression text is the same once the cast is stripped.
  if (reader.casts.size) {
    for (const [node, facts] of ctx.firstFacts) {
      const annotation = reader.casts.get(`${node.line}:${textOf(ctx.code, node)}`);
      if (annotation) facts.annotation ??= annotation;
    }
  }
}

function annotateMembers(facts: UsageFacts, members: Map<string, string>): void {
  for (const [path, type] of members) {
    let target = facts;
    for (const segment of path.split('.')) target = propertyFacts(property(target, segment));
    target.annotation ??= type;
  }
  if (!facts.annotation || /^(Object|object|\*|any)$/.test(facts.annotation)) {
    const direct = [...members].filter(([path]) => !path.includes('.'));
    if (direct.length) facts.annotation = `{ ${direct.map(([key, type]) => `${key}: ${type}`).join('; ')} }`;
  }
}

interface DocParam {
  type: string | null;
  /** `@param {string} options.url` -> `url` -> `string` (nested paths dotted). */
  members: Map<string, string>;
}

class AnnotationReader {
  /** Local interfaces, type aliases and JSDoc typedefs: name -> type text. */
  readonly localTypes = new Map<string, string>();
  /** `${line}:${name}` or `${line}:#${patternRank}` -> parameter type. */
  readonly params = new Map<string, string>();
  /** `${line}:${name}` of an initialised variable -> its declared type. */
  readonly variables = new Map<string, string>();
  /** `declare const x: T`, `declare function f(...)`: free name -> type. */
  readonly declared = new Map<string, string>();
  /** JSDoc `@param` tags that describe no parameter of the snippet: names the snippet reads from outside. */
  readonly docParams = new Map<string, DocParam>();
  /** `expr as T` / `<T>expr`: `${line}:${expression text}` -> T. */
  readonly casts = new Map<string, string>();
  thisType: string | null = null;
  private readonly patternRanks = new Map<number, number>();

  constructor(private readonly ts: TS, private readonly file: TypeScript.SourceFile) {}

  read(): void {
    this.collectTypes(this.file);
    this.visit(this.file);
  }

  private line(node: TypeScript.Node): number {
    return this.file.getLineAndCharacterOfPosition(node.getStart(this.file)).line + 1;
  }

  private typeText(node: TypeScript.TypeNode | undefined): string | null {
    if (!node) return null;
    return this.expandTop(flat(node.getText(this.file)));
  }

  /** `expand` within the budget; a written type longer than the budget is cut (a predictor needs its start). */
  private expandTop(text: string): string {
    const budget = { left: maxAnnotationChars - Math.min(text.length, maxAnnotationChars) };
    return this.expand(text.slice(0, maxAnnotationChars), 0, new Set(), budget);
  }

  /**
   * Replaces names of local types by their structure, so a predictor needs no declarations to build a value.
   * `budget.left`: characters the result may still grow by; a name whose expansion would not fit stays a name.
   */
  private expand(text: string, depth: number, expanding: Set<string>, budget: { left: number }): string {
    if (depth >= maxExpansion || this.localTypes.size === 0 || budget.left <= 0) return text;
    return text.replace(/(?<![\w$.'"])([A-Za-z_$][\w$]*)(?![\w$])(?!\s*\??:)/g, (match) => {
      const body = this.localTypes.get(match);
      if (body === undefined || expanding.has(match) || body.length - match.length > budget.left) return match;
      budget.left -= body.length - match.length;
      // The names inside the body grow the text further: from the same budget.
      return this.expand(body, depth + 1, new Set(expanding).add(match), budget);
    });
  }

  /** A JSDoc type as TypeScript-like text; nested `@property`/`@param` tags become an object type. */
  private docTypeText(node: TypeScript.TypeNode, expand = true): string {
    const ts = this.ts;
    if (ts.isJSDocTypeLiteral(node)) {
      const members = (node.jsDocPropertyTags ?? []).map((tag) => {
        const name = tag.name.getText(this.file).split('.').pop();
        const type = tag.typeExpression ? this.docTypeText(tag.typeExpression.type, expand) : 'any';
        return `${name}${tag.isBracketed ? '?' : ''}: ${type}`;
      });
      return `{ ${members.join('; ')} }`;
    }
    const text = flat(node.getText(this.file));
    return expand ? this.expandTop(text) : text.slice(0, maxAnnotationChars);
  }

  private collectMembers(literal: TypeScript.JSDocTypeLiteral, prefix: string[], into: Map<string, string>): void {
    const ts = this.ts;
    for (const tag of literal.jsDocPropertyTags ?? []) {
      const name = tag.name.getText(this.file).split('.').pop()!;
      const path = [...prefix, name];
      const typeNode = tag.typeExpression?.type;
      if (!typeNode) continue;
      into.set(path.join('.'), this.docTypeText(typeNode));
      if (ts.isJSDocTypeLiteral(typeNode)) this.collectMembers(typeNode, path, into);
    }
  }

  private collectTypes(root: TypeScript.Node): void {
    const ts = this.ts;
    const walk = (node: TypeScript.Node): void => {
      if (ts.isInterfaceDeclaration(node)) {
        const members = node.members.map((member) => member.getText(this.file).replace(/[;,]\s*$/, '').replace(/\s+/g, ' ').trim());
        const body = `{ ${members.join('; ')} }`;
        const bases = node.heritageClauses?.flatMap((clause) => clause.types.map((type) => type.getText(this.file))) ?? [];
        this.localTypes.set(node.name.text, bases.length ? `${bases.join(' & ')} & ${body}` : body);
      } else if (ts.isTypeAliasDeclaration(node)) {
        this.localTypes.set(node.name.text, node.type.getText(this.file).replace(/\s+/g, ' ').trim());
      } else if (ts.isJSDocTypedefTag(node) && node.name) {
        const expression = node.typeExpression;
        if (expression && ts.isJSDocTypeLiteral(expression)) {
          this.localTypes.set(node.name.getText(this.file), this.docTypeText(expression, false));
        } else if (expression) {
          this.localTypes.set(node.name.getText(this.file), expression.type.getText(this.file));
        }
      }
      for (const doc of jsDocsOf(node)) doc.tags?.forEach(walk);
      ts.forEachChild(node, walk);
    };
    walk(root);
  }

  private visit(node: TypeScript.Node): void {
    const ts = this.ts;
    if (ts.isParameter(node)) this.readParameter(node);
    else if (ts.isVariableDeclaration(node)) this.readVariable(node);
    else if (ts.isFunctionDeclaration(node) && node.name && hasDeclareModifier(ts, node)) {
      const params = node.parameters.map((param) => param.getText(this.file)).join(', ');
      const returns = node.type ? node.type.getText(this.file) : 'void';
      this.declared.set(node.name.text, this.expandTop(`(${params}) => ${returns}`));
    }
    else if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      const type = this.typeText(node.type);
      const inner = skipOuterParentheses(ts, node.expression);
      if (type && !/^(any|unknown|const)$/.test(type)) this.casts.set(`${this.line(inner)}:${inner.getText(this.file)}`, type);
    }
    this.readDocParams(node);
    ts.forEachChild(node, (child) => this.visit(child));
  }

  private readParameter(param: TypeScript.ParameterDeclaration): void {
    const ts = this.ts;
    const fn = param.parent;
    // Overload signatures and `declare function` vanish when types are stripped: their parameters match nothing.
    if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && !fn.body) return;
    const type = this.typeText(param.type ?? ts.getJSDocType(param));
    const line = this.line(param);
    if (ts.isIdentifier(param.name) && param.name.text === 'this') {
      if (type) this.thisType = type;
      return;
    }
    let key: string;
    if (ts.isIdentifier(param.name)) key = `${line}:${param.name.text}`;
    else {
      const rank = this.patternRanks.get(line) ?? 0;
      this.patternRanks.set(line, rank + 1);
      key = `${line}:#${rank}`;
    }
    if (type) this.params.set(key, type);
  }

  private readVariable(declaration: TypeScript.VariableDeclaration): void {
    const ts = this.ts;
    if (!ts.isIdentifier(declaration.name)) return;
    const statement = declaration.parent?.parent;
    const type = this.typeText(declaration.type ?? ts.getJSDocType(declaration));
    if (!type) return;
    if (statement && ts.isVariableStatement(statement) && hasDeclareModifier(ts, statement)) {
      this.declared.set(declaration.name.text, type);
    } else if (declaration.initializer) {
      this.variables.set(`${this.line(declaration.name)}:${declaration.name.text}`, type);
    }
  }

  /** `@param` tags that name no parameter of the function they document: the snippet's outside inputs. */
  private readDocParams(node: TypeScript.Node): void {
    const ts = this.ts;
    const docs = jsDocsOf(node);
    if (!docs.length) return;
    const paramNames = new Set<string>();
    if (ts.isFunctionLike(node)) for (const param of node.parameters) if (ts.isIdentifier(param.name)) paramNames.add(param.name.text);
    for (const doc of docs) {
      for (const tag of doc.tags ?? []) {
        if (!ts.isJSDocParameterTag(tag)) continue;
        const fullName = tag.name.getText(this.file);
        const [root, ...rest] = fullName.split('.');
        if (paramNames.has(root)) continue;
        const typeNode = tag.typeExpression?.type;
        let entry = this.docParams.get(root);
        if (!entry) {
          entry = { type: null, members: new Map() };
          this.docParams.set(root, entry);
        }
        const type = typeNode ? this.docTypeText(typeNode) : null;
        if (rest.length === 0) entry.type = type;
        else if (type) entry.members.set(rest.join('.'), type);
        // `@param {Object} options` + `@param {string} options.url` arrive folded into one type literal.
        if (typeNode && ts.isJSDocTypeLiteral(typeNode)) this.collectMembers(typeNode, rest, entry.members);
      }
    }
  }
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function skipOuterParentheses(ts: TS, node: TypeScript.Expression): TypeScript.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

function hasDeclareModifier(ts: TS, node: TypeScript.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword);
}

/** The JSDoc comments attached to a node (the parser keeps them on the node's `jsDoc`). */
function jsDocsOf(node: TypeScript.Node): TypeScript.JSDoc[] {
  return (node as { jsDoc?: TypeScript.JSDoc[] }).jsDoc ?? [];
}
