import { walkPattern } from './patterns';
import { field, namedChildren, type SNode, type SyntaxTree } from './syntax';

// Scope resolution over the lowered tree: one walk records every scope, declaration and reference; references
// are resolved once the walk is over, so hoisted `var`s and functions, and classes used before their
// declaration, resolve like the engine would resolve them at run time. Each variable keeps its definitions (what
// gives it a value, and where) so that every later stage follows names through this one model (scope-model.ts).

export type ScopeKind = 'program' | 'function' | 'arrow' | 'block' | 'catch' | 'class' | 'for' | 'static-block';

export type DeclarationKind =
  | 'var' | 'let' | 'const' | 'function' | 'class' | 'param' | 'import' | 'catch' | 'function-name' | 'arguments'
  /** Not declared in the snippet: a global the sandbox provides, or a free name Pico assumes. */
  | 'global';

export interface Scope {
  kind: ScopeKind;
  node: SNode;
  parent: Scope | null;
  names: Map<string, Variable>;
  /** Where `var` and function declarations of this scope hoist to. */
  varScope: Scope;
}

export interface Variable {
  name: string;
  kind: DeclarationKind;
  /** The identifier that declares it (for `arguments`: the function node; for a global: its first reference). */
  node: SNode;
  scope: Scope;
  /** The variable_declarator, function, class, parameter root, catch clause or import statement (a global: the program). */
  owner: SNode;
  references: Reference[];
  /** What gives it a value, in document order. */
  definitions: Definition[];
}

export interface Definition {
  via: 'declaration' | 'parameter' | 'assignment' | 'for-of' | 'for-in';
  /** The identifier given the value. */
  node: SNode;
  /** The declared or assigned value, or a loop's iterated value; null for a parameter (its calls give the value). */
  value: SNode | null;
  /**
   * Where the name's value sits in `value` (a loop's: in an element or key; a parameter's: in its argument): [] for
   * the whole, property keys and `[]` for destructuring; null when no path names it (a computed key, a rest element).
   */
  path: string[] | null;
  /** The definition holds for uses at or after this offset: in `str = str.uri` the `str` on the right is the old one. */
  from: number;
}

type Given = Pick<Definition, 'via' | 'value' | 'from'>;

export interface Reference {
  node: SNode;
  name: string;
  scope: Scope;
  declaration: Variable | null;
  read: boolean;
  write: boolean;
}

export interface ScopeAnalysis {
  program: Scope;
  /** Names the snippet uses without declaring them, by name (references and assignments of each). */
  globals: Map<string, Variable>;
  declarations: Variable[];
  references: Reference[];
  /** Declaring identifier -> its declaration. */
  declarationAt: Map<SNode, Variable>;
  /** Referencing identifier (or shorthand property) -> its reference. */
  referenceAt: Map<SNode, Reference>;
  /** Function node -> the scope of its parameters and body. */
  functionScopes: Map<SNode, Scope>;
}

const varScopeKinds = new Set<ScopeKind>(['program', 'function', 'arrow', 'static-block']);

export function analyseScopes(syntax: SyntaxTree): ScopeAnalysis {
  const code = syntax.code;
  const declarations: Variable[] = [];
  const references: Reference[] = [];
  const declarationAt = new Map<SNode, Variable>();
  const referenceAt = new Map<SNode, Reference>();
  const functionScopes = new Map<SNode, Scope>();

  const newScope = (kind: ScopeKind, node: SNode, parent: Scope | null): Scope => {
    const scope = { kind, node, parent, names: new Map(), varScope: null as unknown as Scope };
    scope.varScope = varScopeKinds.has(kind) || !parent ? scope : parent.varScope;
    return scope;
  };
  const program = newScope('program', syntax.root, null);

  const declare = (scope: Scope, identifier: SNode, kind: DeclarationKind, owner: SNode, name = code.slice(identifier.start, identifier.end)) => {
    const existing = scope.names.get(name);
    // `var x` twice, or a function declared twice, is one binding; the first declaration keeps the references.
    if (existing && (kind === 'var' || kind === 'function') && (existing.kind === 'var' || existing.kind === 'function')) {
      declarationAt.set(identifier, existing);
      return;
    }
    const declaration: Variable = { name, kind, node: identifier, scope, owner, references: [], definitions: [] };
    scope.names.set(name, declaration);
    declarations.push(declaration);
    declarationAt.set(identifier, declaration);
  };

  const reference = (node: SNode, scope: Scope, read: boolean, write: boolean) => {
    const ref: Reference = { node, name: code.slice(node.start, node.end), scope, declaration: null, read, write };
    references.push(ref);
    referenceAt.set(node, ref);
  };

  /** Definitions in walk (document) order; assigned to their variables once references are resolved. */
  const pending: Definition[] = [];
  const define = (node: SNode, via: Definition['via'], value: SNode | null, from: number, path: string[] | null) =>
    pending.push({ node, via, value, from, path });

  /** Declares the names a pattern binds; with `given`, records what value each gets (with its destructuring path). */
  const declarePattern = (pattern: SNode, scope: Scope, kind: DeclarationKind, owner: SNode, given?: Given) =>
    walkPattern(code, pattern, {
      name: (identifier, path) => {
        declare(scope, identifier, kind, owner);
        if (given) define(identifier, given.via, given.value, given.from, path);
      },
      expression: (node) => visit(node, scope),
    });

  const assignPattern = (pattern: SNode, scope: Scope, given: Given | undefined) =>
    walkPattern(code, pattern, {
      name: (identifier, path) => {
        reference(identifier, scope, false, true);
        if (given) define(identifier, given.via, given.value, given.from, path);
      },
      expression: (node) => visit(node, scope),
    });

  const visitChildren = (node: SNode, scope: Scope) => {
    for (const child of node.children) if (child.named) visit(child, scope);
  };

  const visitFunction = (node: SNode, outer: Scope) => {
    const isArrow = node.type === 'arrow_function';
    const scope = newScope(isArrow ? 'arrow' : 'function', node, outer);
    functionScopes.set(node, scope);
    const name = field(node, 'name');
    if (node.type === 'method_definition') {
      if (name?.type === 'computed_property_name') visitChildren(name, outer);
    } else if (name && !node.type.endsWith('_declaration')) {
      declare(scope, name, 'function-name', node);
    }
    if (!isArrow) declare(scope, node, 'arguments', node, 'arguments');
    const single = field(node, 'parameter');
    // A parameter's value comes from the calls: the definition says which part of the argument it is.
    const given: Given = { via: 'parameter', value: null, from: node.start };
    if (single) declarePattern(single, scope, 'param', single, given);
    const params = field(node, 'parameters');
    if (params) for (const param of namedChildren(params)) declarePattern(param, scope, 'param', param, given);
    const body = field(node, 'body');
    if (body?.type === 'statement_block') visitChildren(body, scope);
    else if (body) visit(body, scope);
  };

  const visitClass = (node: SNode, outer: Scope) => {
    const name = field(node, 'name');
    if (name && node.type === 'class_declaration') declare(outer, name, 'class', node);
    const scope = newScope('class', node, outer);
    if (name && node.type === 'class') declare(scope, name, 'class', node);
    for (const child of node.children) {
      if (child.type === 'decorator') visitChildren(child, outer);
      else if (child.type === 'class_heritage') visitChildren(child, scope);
    }
    const body = field(node, 'body');
    if (!body) return;
    for (const member of namedChildren(body)) {
      if (member.type === 'field_definition') {
        const property = field(member, 'property');
        if (property?.type === 'computed_property_name') visitChildren(property, scope);
        const value = field(member, 'value');
        // A field initialiser runs like a method body: `this` is the instance, `arguments` is not allowed.
        if (value) visit(value, newScope('function', member, scope));
        for (const child of member.children) if (child.type === 'decorator') visitChildren(child, scope);
      } else if (member.type === 'class_static_block') {
        const block = field(member, 'body');
        if (block) visitChildren(block, newScope('static-block', member, scope));
      } else {
        visit(member, scope);
      }
    }
  };

  const visitDeclaration = (node: SNode, scope: Scope) => {
    const kindToken = node.children.find((child) => !child.named && (child.type === 'var' || child.type === 'let' || child.type === 'const'));
    const kind = (kindToken?.type ?? 'var') as DeclarationKind;
    const target = kind === 'var' ? scope.varScope : scope;
    for (const declarator of namedChildren(node)) {
      if (declarator.type !== 'variable_declarator') {
        visit(declarator, scope);
        continue;
      }
      const name = field(declarator, 'name');
      const value = field(declarator, 'value');
      // In `str = str.uri`-like `let x = f(x)` the `x` on the right is not yet this value: it counts from the end.
      if (name) declarePattern(name, target, kind, declarator, value ? { via: 'declaration', value, from: declarator.end } : undefined);
      if (value) visit(value, scope);
    }
  };

  const visitImport = (node: SNode) => {
    for (const clause of namedChildren(node)) {
      if (clause.type !== 'import_clause') continue;
      for (const part of namedChildren(clause)) {
        if (part.type === 'identifier') declare(program, part, 'import', node);
        else if (part.type === 'namespace_import') {
          const local = namedChildren(part)[0];
          if (local) declare(program, local, 'import', node);
        } else if (part.type === 'named_imports') {
          for (const specifier of namedChildren(part)) {
            const local = field(specifier, 'alias') ?? field(specifier, 'name');
            if (local?.type === 'identifier') declare(program, local, 'import', node);
          }
        }
      }
    }
  };

  const visitExport = (node: SNode, scope: Scope) => {
    const reexport = field(node, 'source') !== null;
    for (const child of namedChildren(node)) {
      if (child.type === 'export_clause') {
        if (reexport) continue;
        for (const specifier of namedChildren(child)) {
          const local = field(specifier, 'name');
          if (local?.type === 'identifier') reference(local, scope, true, false);
        }
      } else if (child.field !== 'source' && child.type !== 'namespace_export') {
        visit(child, scope);
      }
    }
  };

  /**
   * Inside code tree-sitter could not parse, `function f`, `let x`, `class C` still declare their names: a
   * half-written declaration must not turn its own name into a free name that gets a predicted value.
   */
  const visitError = (node: SNode, scope: Scope) => {
    let declaring: DeclarationKind | null = null;
    for (const child of node.children) {
      if (!child.named) {
        declaring = child.type === 'function' ? 'function' : child.type === 'class' ? 'class'
          : child.type === 'let' || child.type === 'const' || child.type === 'var' ? child.type : null;
        continue;
      }
      const target = declaring === 'var' || declaring === 'function' ? scope.varScope : scope;
      if (declaring && child.type === 'identifier') declare(target, child, declaring, node);
      else if (declaring && child.type === 'ERROR' && child.children[0]?.type === 'identifier') {
        declare(target, child.children[0], declaring, node);
        visitError({ ...child, children: child.children.slice(1) }, scope);
      } else visit(child, scope);
      declaring = null;
    }
  };

  function visit(node: SNode, scope: Scope): void {
    switch (node.type) {
      case 'identifier':
        reference(node, scope, true, false);
        return;
      case 'shorthand_property_identifier':
        reference(node, scope, true, false);
        return;
      case 'property_identifier':
      case 'private_property_identifier':
      case 'statement_identifier':
      case 'meta_property':
      case 'this':
      case 'super':
        return;
      case 'function_declaration':
      case 'generator_function_declaration': {
        const name = field(node, 'name');
        if (name) {
          declare(scope, name, 'function', node);
          // Sloppy-mode (Annex B) block functions are also visible in the whole enclosing function.
          if (scope.varScope !== scope && !scope.varScope.names.has(code.slice(name.start, name.end))) {
            declare(scope.varScope, name, 'function', node);
          }
        }
        visitFunction(node, scope);
        return;
      }
      case 'function_expression':
      case 'function':
      case 'generator_function':
      case 'arrow_function':
      case 'method_definition':
        visitFunction(node, scope);
        return;
      case 'class_declaration':
      case 'class':
        visitClass(node, scope);
        return;
      case 'lexical_declaration':
      case 'variable_declaration':
        visitDeclaration(node, scope);
        return;
      case 'statement_block':
      case 'switch_body':
        visitChildren(node, newScope('block', node, scope));
        return;
      case 'for_statement':
        visitChildren(node, newScope('for', node, scope));
        return;
      case 'for_in_statement': {
        const inner = newScope('for', node, scope);
        const kindToken = node.children.find((child) => !child.named && (child.type === 'var' || child.type === 'let' || child.type === 'const'));
        const left = field(node, 'left');
        const right = field(node, 'right');
        const of = node.children.some((child) => !child.named && child.type === 'of');
        // The loop head's value is an element (for-of) or a key (for-in) of the iterated value, from the loop's start.
        const given: Given | undefined = right ? { via: of ? 'for-of' : 'for-in', value: right, from: node.start } : undefined;
        if (left && kindToken) {
          const kind = kindToken.type as DeclarationKind;
          declarePattern(left, kind === 'var' ? inner.varScope : inner, kind, node, given);
        } else if (left) {
          assignPattern(left, inner, given);
        }
        for (const child of node.children) if (child.named && child !== left) visit(child, inner);
        return;
      }
      case 'catch_clause': {
        const inner = newScope('catch', node, scope);
        const parameter = field(node, 'parameter');
        if (parameter) declarePattern(parameter, inner, 'catch', node);
        const body = field(node, 'body');
        if (body) visit(body, inner);
        return;
      }
      case 'import_statement':
        visitImport(node);
        return;
      case 'export_statement':
        visitExport(node, scope);
        return;
      case 'assignment_expression': {
        const left = field(node, 'left');
        const right = field(node, 'right');
        const given: Given | undefined = right ? { via: 'assignment', value: right, from: node.end } : undefined;
        if (left?.type === 'identifier' || left?.type === 'object_pattern' || left?.type === 'array_pattern') assignPattern(left, scope, given);
        else if (left) visit(left, scope);
        if (right) visit(right, scope);
        return;
      }
      case 'augmented_assignment_expression':
      case 'update_expression': {
        const target = field(node, node.type === 'update_expression' ? 'argument' : 'left');
        for (const child of namedChildren(node)) {
          if (child === target && child.type === 'identifier') reference(child, scope, true, true);
          else visit(child, scope);
        }
        return;
      }
      case 'member_expression': {
        const object = field(node, 'object');
        if (object) visit(object, scope);
        return;
      }
      case 'pair': {
        const key = field(node, 'key');
        if (key?.type === 'computed_property_name') visitChildren(key, scope);
        const value = field(node, 'value');
        if (value) visit(value, scope);
        return;
      }
      case 'labeled_statement': {
        const body = field(node, 'body');
        if (body) visit(body, scope);
        return;
      }
      case 'break_statement':
      case 'continue_statement':
        return;
      case 'ERROR':
        visitError(node, scope);
        return;
      default:
        visitChildren(node, scope);
    }
  }

  visitChildren(syntax.root, program);

  const globals = new Map<string, Variable>();
  for (const ref of references) {
    for (let scope: Scope | null = ref.scope; scope; scope = scope.parent) {
      const declaration = scope.names.get(ref.name);
      if (declaration) {
        ref.declaration = declaration;
        declaration.references.push(ref);
        break;
      }
    }
    if (ref.declaration) continue;
    let global = globals.get(ref.name);
    if (!global) {
      global = { name: ref.name, kind: 'global', node: ref.node, scope: program, owner: syntax.root, references: [], definitions: [] };
      globals.set(ref.name, global);
    }
    global.references.push(ref);
  }
  for (const definition of pending) {
    const variable = declarationAt.get(definition.node) ?? referenceAt.get(definition.node)?.declaration
      ?? globals.get(code.slice(definition.node.start, definition.node.end));
    variable?.definitions.push(definition);
  }
  return { program, globals, declarations, references, declarationAt, referenceAt, functionScopes };
}

/** The declaration an identifier stands for, whether it declares it or refers to it. */
export function declarationOf(scopes: ScopeAnalysis, identifier: SNode): Variable | null {
  return scopes.declarationAt.get(identifier) ?? scopes.referenceAt.get(identifier)?.declaration ?? null;
}
