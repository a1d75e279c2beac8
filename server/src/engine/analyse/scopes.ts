import { field, namedChildren, type SNode, type SyntaxTree } from './syntax';

// Scope resolution over the lowered tree: one walk records every scope, declaration and reference; references
// are resolved once the walk is over, so hoisted `var`s and functions, and classes used before their
// declaration, resolve like the engine would resolve them at run time.

export type ScopeKind = 'program' | 'function' | 'arrow' | 'block' | 'catch' | 'class' | 'for' | 'static-block';

export type DeclarationKind =
  | 'var' | 'let' | 'const' | 'function' | 'class' | 'param' | 'import' | 'catch' | 'function-name' | 'arguments';

export interface Scope {
  kind: ScopeKind;
  node: SNode;
  parent: Scope | null;
  names: Map<string, Declaration>;
  /** Where `var` and function declarations of this scope hoist to. */
  varScope: Scope;
}

export interface Declaration {
  name: string;
  kind: DeclarationKind;
  /** The identifier that declares it (for `arguments`: the function node). */
  node: SNode;
  scope: Scope;
  /** The variable_declarator, function, class, parameter root, catch clause or import statement. */
  owner: SNode;
  references: Reference[];
}

export interface Reference {
  node: SNode;
  name: string;
  scope: Scope;
  declaration: Declaration | null;
  read: boolean;
  write: boolean;
}

export interface ScopeAnalysis {
  program: Scope;
  declarations: Declaration[];
  references: Reference[];
  /** Declaring identifier -> its declaration. */
  declarationAt: Map<SNode, Declaration>;
  /** Referencing identifier (or shorthand property) -> its reference. */
  referenceAt: Map<SNode, Reference>;
  /** Function node -> the scope of its parameters and body. */
  functionScopes: Map<SNode, Scope>;
}

const varScopeKinds = new Set<ScopeKind>(['program', 'function', 'arrow', 'static-block']);

export function analyseScopes(syntax: SyntaxTree): ScopeAnalysis {
  const code = syntax.code;
  const declarations: Declaration[] = [];
  const references: Reference[] = [];
  const declarationAt = new Map<SNode, Declaration>();
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
    const declaration: Declaration = { name, kind, node: identifier, scope, owner, references: [] };
    scope.names.set(name, declaration);
    declarations.push(declaration);
    declarationAt.set(identifier, declaration);
  };

  const reference = (node: SNode, scope: Scope, read: boolean, write: boolean) => {
    const ref: Reference = { node, name: code.slice(node.start, node.end), scope, declaration: null, read, write };
    references.push(ref);
    referenceAt.set(node, ref);
  };

  /** Walks a binding or assignment pattern: names go to `onName`, default values and computed keys are expressions. */
  const walkPattern = (pattern: SNode, scope: Scope, onName: (identifier: SNode) => void) => {
    switch (pattern.type) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern':
        onName(pattern);
        return;
      case 'object_pattern':
      case 'array_pattern':
        for (const child of namedChildren(pattern)) walkPattern(child, scope, onName);
        return;
      case 'pair_pattern': {
        const key = field(pattern, 'key');
        if (key?.type === 'computed_property_name') visitChildren(key, scope);
        const value = field(pattern, 'value');
        if (value) walkPattern(value, scope, onName);
        return;
      }
      case 'assignment_pattern':
      case 'object_assignment_pattern': {
        const left = field(pattern, 'left');
        if (left) walkPattern(left, scope, onName);
        const right = field(pattern, 'right');
        if (right) visit(right, scope);
        return;
      }
      case 'rest_pattern': {
        const inner = namedChildren(pattern)[0];
        if (inner) walkPattern(inner, scope, onName);
        return;
      }
      default:
        // Member expressions in assignment targets (`[this.a, obj.b] = x`) and anything unexpected.
        visit(pattern, scope);
    }
  };

  const declarePattern = (pattern: SNode, scope: Scope, kind: DeclarationKind, owner: SNode) =>
    walkPattern(pattern, scope, (identifier) => declare(scope, identifier, kind, owner));

  const assignPattern = (pattern: SNode, scope: Scope) =>
    walkPattern(pattern, scope, (identifier) => reference(identifier, scope, false, true));

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
    if (single) declarePattern(single, scope, 'param', single);
    const params = field(node, 'parameters');
    if (params) for (const param of namedChildren(params)) declarePattern(param, scope, 'param', param);
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
      if (name) declarePattern(name, target, kind, declarator);
      const value = field(declarator, 'value');
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
        if (left && kindToken) {
          const kind = kindToken.type as DeclarationKind;
          declarePattern(left, kind === 'var' ? inner.varScope : inner, kind, node);
        } else if (left) {
          if (left.type === 'identifier') reference(left, inner, false, true);
          else assignPattern(left, inner);
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
        if (left?.type === 'identifier') reference(left, scope, false, true);
        else if (left?.type === 'object_pattern' || left?.type === 'array_pattern') assignPattern(left, scope);
        else if (left) visit(left, scope);
        const right = field(node, 'right');
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

  for (const ref of references) {
    for (let scope: Scope | null = ref.scope; scope; scope = scope.parent) {
      const declaration = scope.names.get(ref.name);
      if (declaration) {
        ref.declaration = declaration;
        declaration.references.push(ref);
        break;
      }
    }
  }
  return { program, declarations, references, declarationAt, referenceAt, functionScopes };
}

/** The declaration an identifier stands for, whether it declares it or refers to it. */
export function declarationOf(scopes: ScopeAnalysis, identifier: SNode): Declaration | null {
  return scopes.declarationAt.get(identifier) ?? scopes.referenceAt.get(identifier)?.declaration ?? null;
}
