// The engine's data model, shared by every stage, the CLI, the language server and the predictors.
// Nothing here imports vscode, tree-sitter or QuickJS: these are plain, serialisable shapes, except the analysis's
// scope model (a query API over plain nodes, used inside the engine only).
import type { ScopeModel } from './analyse/scope-model';
import type { ModuleRunOptions, ModuleStatus } from './modules/host';

/** Source language of a snippet. `jsx` and `tsx` allow JSX; `ts`/`tsx` allow type syntax. */
export type Lang = 'js' | 'jsx' | 'ts' | 'tsx';

/** A 1-based line and 0-based column in the snippet as the user wrote it. */
export interface Position {
  line: number;
  column: number;
}

// ---------------------------------------------------------------------------------------------
// Repair

/** One change the repair stage made; repairs never add or remove line breaks. */
export interface Repair {
  kind:
    | 'top-level-return'
    | 'top-level-await'
    | 'top-level-yield'
    | 'placeholder'
    | 'orphan-class-member'
    | 'orphan-object-member'
    | 'missing-close'
    | 'bare-object-literal'
    | 'type-only-line'
    | 'other';
  line: number;
  description: string;
}

export interface RepairResult {
  /** The language the repaired code parses as (a `js` snippet with TypeScript-only syntax may become `ts`). */
  lang: Lang;
  /** The repaired source: same number of lines as the input, every statement on its original line. */
  code: string;
  repairs: Repair[];
  /** Syntax errors that remain after repair (1-based lines). Empty when the code parses. */
  remainingErrors: { line: number; column: number; message: string }[];
  /** True when the whole snippet must run inside an async function (top-level await/return). */
  needsAsyncWrapper: boolean;
  /** True when the snippet has a top-level `yield`: it runs inside an async generator that Pico drains. */
  needsGeneratorWrapper: boolean;
}

// ---------------------------------------------------------------------------------------------
// Analysis: what a free name is used for

/** A literal the name was compared or combined with, as JavaScript source (`'admin'`, `3`, `null`). */
export type LiteralSource = string;

/** How one property path below a name is used: `user.address.city` read -> path ['address','city']. */
export interface PropertyUse {
  path: string[];
  read: boolean;
  written: boolean;
  called: boolean;
  /** Number of arguments in the largest call seen on this path. */
  callArity?: number;
  /** Facts about the value this path yields (its own properties, iteration, comparisons...). */
  facts?: UsageFacts;
}

/** Everything the analysis learnt about how a value is used. Recursive through `properties`, `callResult`, `elements`. */
export interface UsageFacts {
  called: boolean;
  constructed: boolean;
  awaited: boolean;
  thenCalled: boolean;
  iterated: boolean;
  spread: boolean;
  /** Read with `x[i]` / `x[0]` (numeric) or `x[key]` / `x['k']` (string). */
  indexed: 'number' | 'string' | 'both' | null;
  /** `.length` read, `for (i < x.length)` loops. */
  lengthRead: boolean;
  /** Properties read, written or called directly below this value, keyed by property name. */
  properties: Record<string, PropertyUse>;
  /** Literals compared with (`===`, `==`, `<`, `switch` cases...). */
  comparedWith: LiteralSource[];
  /** Kinds of literal combined with by `+ - * /` or template strings. */
  combinedWith: ('string' | 'number' | 'bigint')[];
  /** `typeof x === 'string'` checks: the type names tested. */
  typeofChecks: string[];
  /** `x instanceof Foo`: the constructor names tested. */
  instanceofChecks: string[];
  /** Passed as an argument: callee text (`fs.readFile`, `JSON.parse`) and 0-based position. */
  passedTo: { callee: string; position: number; local?: boolean }[];
  /** Keys destructured out of it: `const {a, b} = x`. */
  destructured: string[];
  /** Used as a boolean condition (`if (x)`, `x && …`, `!x`). */
  testedForTruth: boolean;
  /** Called as a function with callback-looking arguments (function expressions) at these positions. */
  callbackPositions: number[];
  /**
   * What the callbacks passed at `callbackPositions` do with their parameters, one facts object per parameter:
   * `fs.readFile(p, (err, data) => data.split('\n'))` -> on `readFile`: [{ position: 1, params: [err facts, data facts] }].
   * Tells a predictor what to call the callback with. Absent when no inline callback was passed.
   */
  callbackParams?: { position: number; params: UsageFacts[] }[];
  /** Facts about what a call of this value returns, when called. */
  callResult?: UsageFacts;
  /** Facts about the elements, when iterated/indexed/`.forEach`-ed etc. */
  elements?: UsageFacts;
  /** Type annotation text from TypeScript or JSDoc, when present. */
  annotation?: string;
  /** A parameter's default value, as source text (`encoding = 'utf8'` -> `'utf8'`). */
  defaultValue?: string;
  /** Names this value is compared with for (in)equality (`query !== prevQuery`): likely values of one kind. */
  sameAs?: string[];
}

/** A name the snippet reads but never declares (and the sandbox does not provide). */
export interface FreeName {
  name: string;
  /** 1-based lines of every reference. */
  lines: number[];
  /** Whether the snippet ever assigns to it (`x = …` without a declaration). */
  assigned: boolean;
  facts: UsageFacts;
}

/** An `import` or `require()` of a module. */
export interface ModuleImport {
  specifier: string;
  line: number;
  /** Local bindings it introduces: `imported` is 'default', '*' (namespace / whole require), or a named export. */
  bindings: { local: string; imported: string; facts: UsageFacts }[];
}

/** A function the snippet declares (declaration, expression, arrow, method, class constructor). */
export interface FunctionInfo {
  /** Stable id within one analysis: index in document order. */
  id: number;
  name: string | null;
  kind: 'declaration' | 'expression' | 'arrow' | 'method' | 'getter' | 'setter' | 'constructor';
  /** Class name when it is a class member. */
  className: string | null;
  isStatic: boolean;
  isAsync: boolean;
  isGenerator: boolean;
  /** 1-based first and last line of the whole function. */
  startLine: number;
  endLine: number;
  /** Byte offsets (in the analysed code) of the function node, and of the body's opening `{` (null for expression-bodied arrows). */
  startIndex: number;
  endIndex: number;
  bodyStartIndex: number | null;
  /** Parameters in order; `name` is null for destructuring patterns (then `pattern` holds the source text). */
  params: { name: string | null; pattern: string | null; rest: boolean; hasDefault: boolean; facts: UsageFacts }[];
  /** True when declared at the top level of the snippet (not nested in another function). */
  topLevel: boolean;
  /** True when the snippet calls it by name somewhere (statically). */
  calledByName: boolean;
  /** True when it is passed as an argument to a call (a callback). */
  passedAsArgument: boolean;
  /** When it is written as a call's argument: that call, as people name it (`fs.readFile`, `$(…).on`). */
  passedTo?: string | null;
}

export interface Analysis {
  freeNames: FreeName[];
  /** Facts about `this` at the top level and in functions that are not methods; null when unused. */
  thisFacts: UsageFacts | null;
  imports: ModuleImport[];
  functions: FunctionInfo[];
  /** Names declared at the snippet's top level. */
  topLevelDeclarations: string[];
  /** What the snippet reads from the JSON bodies of `fetch` responses (`(await res.json()).items`); absent when nothing. */
  fetchBody?: { facts: UsageFacts; line: number };
  /** The snippet's names resolved with scopes: the one resolver later stages ask (analyse/scope-model.ts). */
  scopes: ScopeModel;
  /** The snippet uses the browser's page (analyse/environment.ts): the sandbox defines `window`, `document`, …. */
  browser: BrowserPage | null;
  /** An ES module (it imports or exports at its top level): it runs as strict code (analyse/environment.ts). */
  module: boolean;
}

/** The browser globals a snippet reads, which Node lacks: the sandbox's page stands in for them, an assumption. */
export interface BrowserPage {
  names: string[];
  /** Where the snippet first reads one. */
  line: number;
}

// ---------------------------------------------------------------------------------------------
// Prediction

/** Where a predicted value goes. */
export type SlotKind = 'global' | 'this' | 'import' | 'param';

/** A place that needs a value, with what the analysis knows of it. */
export interface Slot {
  /** Stable key: the free name, `this`, `import:<spec>:<imported>`, or `param:<functionId>:<index>`. */
  key: string;
  kind: SlotKind;
  /** The name shown to users (`user`, `this`, `fs`, `req`). */
  name: string;
  facts: UsageFacts;
  line: number;
  /** For a parameter: true when its function is passed as a callback (error-first conventions apply). */
  callback?: boolean;
  /** How values below this slot should test in the snippet's branches so that more lines run (see guards.ts). */
  wishes?: { path: string[]; want: Want }[];
}

/** What a value should be for a branch to go the way that runs more code. */
export type Want =
  | { kind: 'truthy' }
  | { kind: 'falsy' }
  | { kind: 'equals'; literal: string }
  | { kind: 'differs'; literal: string }
  | { kind: 'type'; type: string }
  | { kind: 'notType'; type: string }
  /** `relative`: from `a < b` with both sides assumed, so only the order matters (and only for numbers). */
  | { kind: 'compare'; operator: '<' | '<=' | '>' | '>='; literal: string; relative?: boolean }
  /** `x instanceof SomeAssumedClass`: an assumed class has every object as an instance, except those marked not to be. */
  | { kind: 'instance' }
  | { kind: 'notInstance' }
  /** Tested against a regular expression literal (`s.match(/…/)`, `/…/.test(s)`): a matching string takes the path the code expects. */
  | { kind: 'matches'; pattern: string; flags: string }
  /** `s.startsWith('#')`, `s.includes('@')`, `s.indexOf(' ') !== -1`: s should contain the text there. */
  | { kind: 'contains'; text: string; at: 'start' | 'end' | 'anywhere' };

/**
 * What a predicted value is, as data, set by whoever made the value: later stages (the search's mutations, the
 * report) read this instead of parsing `value` again. `items`: the elements' source texts; `keys`: an object
 * literal's own keys; `instance`: a constructed value (`new Date(…)`); `placeholder`: `__pico.any`, which
 * becomes whatever the code uses it as; `other`: source the maker did not describe (a model's, the user's).
 */
export type ValueShape =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bigint' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'nullish'; value: null | undefined }
  | { kind: 'array'; items: string[] }
  | { kind: 'object'; keys: string[] }
  | { kind: 'function' }
  | { kind: 'instance'; of: string }
  | { kind: 'placeholder' }
  | { kind: 'other' };

/** A value a predictor proposes for a slot: one JavaScript expression, evaluated only in the sandbox. */
export interface Prediction {
  key: string;
  name: string;
  /** One JavaScript expression (source text): what the sandbox runs. */
  value: string;
  /** What `value` is, as data (absent: not described; read it as `other`). */
  shape?: ValueShape;
  /** Who made it: `embedded`, `ollama`, `user`, or `search` (a value the search over assumed values chose). */
  by: string;
  reason?: string;
}

/** What a predictor is told after a run, to refine its values. */
export interface RunFeedback {
  iteration: number;
  values: Prediction[];
  error: RunError | null;
  /** Slot keys the engine blames for the error. */
  blamed: string[];
  executedLines: number[];
  unexecutedLines: number[];
}

export interface PredictionRequest {
  source: string;
  lang: Lang;
  slots: Slot[];
  analysis: Analysis;
  /** Present from the second round on. */
  feedback?: RunFeedback;
  signal?: AbortSignal;
}

/** A source of values. The embedded predictor is the default; others (Ollama) refine what it cannot. */
export interface Predictor {
  readonly id: string;
  /** First values for the given slots. May return fewer predictions than slots. */
  predict(request: PredictionRequest): Promise<Prediction[]>;
  /** Corrected values after a run; return [] when it has nothing new to offer. */
  refine(request: PredictionRequest & { feedback: RunFeedback }): Promise<Prediction[]>;
  /** Model calls and model time spent so far, for the report (absent for the embedded predictor). */
  stats?(): { calls: number; ms: number };
  /** User-facing notes about failures and fallbacks, for the report (absent for the embedded predictor). */
  messages?(): string[];
}

// ---------------------------------------------------------------------------------------------
// Running and reporting

export interface RunError {
  name: string;
  message: string;
  /** 1-based line in the user's snippet, or null when the error did not come from a snippet line. */
  line: number | null;
  column?: number | null;
}

/** An error no assumed value caused: a real problem in the snippet (or in Pico's understanding of it). */
export interface Finding {
  message: string;
  line: number | null;
  kind: 'error' | 'syntax' | 'limit' | 'predictor';
}

export interface Injection {
  /** The name the value is given: a free name, an import's local name, or a parameter's name (`err`). */
  name: string;
  /** For a parameter: the function it belongs to, as people name it (`slugify`, `the callback passed to fs.readFile`). */
  parameterOf?: string;
  key: string;
  value: string;
  /** What the value is, as data (from its Prediction): for whoever shows it, instead of parsing `value`. */
  shape?: ValueShape;
  by: string;
  line: number;
}

export interface OutputEntry {
  stream: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
  line: number | null;
  /** Set when the entry prints an assumed value (a placeholder or a predicted object): not the program's own output. */
  assumed?: boolean;
  /**
   * 'driven': printed by code Pico ran on its own (a function nobody called, a callback handed to an API Pico
   * assumed), not by the program's own run. Absent for the program's output.
   */
  origin?: 'driven';
}

/** A runtime type observed for a name at a line in the reported run. */
export interface TypeObservation {
  name: string;
  line: number;
  type: string;
  sample: string;
  /** True when the value is one Pico assumed (a prediction or a dummy), never observed from the snippet's own computation. */
  assumed: boolean;
}

export interface Limits {
  timeoutMs: number;
  memoryMb: number;
  stackKb: number;
  maxOutputBytes: number;
}

export interface RunOptions {
  /** Language; defaults from `fileName`'s extension, else `js`. */
  lang?: Lang;
  fileName?: string;
  maxIterations?: number;
  limits?: Partial<Limits>;
  /**
   * The predictors, in the order they are asked (predictors/defaults.ts builds the usual list): the first gives
   * every first value and the next candidate for what a run blamed; the others (a model) are asked when a run
   * still fails or leaves lines unrun. A run needs at least one.
   */
  predictors: Predictor[];
  /** Values the user fixed: name (or slot key) -> JavaScript expression. They win over any prediction. */
  overrides?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Code that runs before the snippet, in the same scope (a selection's slice of its file, see slice.ts). Its lines
   * are not counted or reported, and what it defines is the snippet's real, observed data rather than assumed.
   */
  context?: { code: string };
  /**
   * Where the snippet is: its imports that resolve from there (workspace files, installed packages) run for
   * real, and `fs` reads the workspace's files. Absent: every module and file is predicted.
   */
  modules?: ModuleRunOptions;
  /**
   * Wall time the search over assumed values may take (engine/search.ts); 0 turns the search off. A safety stop:
   * the run count (`searchRuns`) is what normally ends it, so that results do not depend on the machine's speed.
   */
  searchBudgetMs?: number;
  /** Runs the search may make (default 40). */
  searchRuns?: number;
  /** Called after each iteration, for progress UIs. */
  onProgress?: (event: { iteration: number; executedLines: number; totalLines: number; phase: string }) => void;
}

export interface Report {
  lang: Lang;
  /** 1-based lines of the input on which a statement began executing in the reported (best) run. */
  executedLines: number[];
  /** 1-based lines on which a statement begins (the denominator for coverage). */
  statementLines: number[];
  iterations: number;
  error: RunError | null;
  findings: Finding[];
  injected: Injection[];
  output: OutputEntry[];
  types: TypeObservation[];
  repairs: Repair[];
  durationMs: number;
  /** Present when a model predictor took part. */
  model?: { predictor: string; calls: number; ms: number; messages: string[] };
  /** True when the output was cut at the output limit. */
  outputTruncated: boolean;
  /** The modules the snippet loads: which ran for real, which were predicted and why. */
  modules?: ModuleStatus[];
  /** Other runs the search kept because they reached lines the reported run did not (at most 8). */
  paths: SearchPath[];
  /** Lines run by the reported run or any of `paths`. */
  unionLines: number[];
  /** Present when the snippet ran in the sandbox's browser page (a blank page Pico assumed, not a real one). */
  page?: BrowserPage;
}

/** Another way through the snippet: the assumed values that differ from the reported run's, and the lines it adds. */
export interface SearchPath {
  /** The assumed values that differ from the reported run's, with their shape when their maker described it. */
  values: { key: string; name: string; value: string; shape?: ValueShape }[];
  addedLines: number[];
}
