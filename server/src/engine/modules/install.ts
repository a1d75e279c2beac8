import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import type { ModuleHost } from './host';

// The one host function the sandbox's module loader and file system call (`__pico_host.module`). Requests and
// answers are strings (JSON), except a loaded module: the host compiles its code in the VM under the file's
// own name, so its stack frames name its file and lines, and hands back the module function.

/**
 * Wraps a CommonJS module on one line with its first line: every later line keeps its number. The sandbox's
 * browser globals are hidden from packages (parameters left undefined): in Node, `typeof window` is
 * 'undefined', and packages that test it must take their Node path.
 */
function wrap(code: string): string {
  // Two functions: a module's own top-level `const document` must not clash with a parameter of its function.
  return `(function (window, self, document, navigator, location) { return function (exports, require, module, __filename, __dirname, __pico_meta) {${code}\n}; })()`;
}

/** A file named like the snippet's own (`snippet.js`) must not be taken for the snippet in stack traces. */
function vmFileName(path: string): string {
  return /snippet\.js$/.test(path) ? `${path} (module)` : path;
}

/**
 * The host function `__pico_host.module` (installed by sandbox/host.ts, the one place host functions enter, which also
 * answers its 'config' request itself, without loading this code).
 */
export function moduleHostFunction(context: QuickJSContext, host: ModuleHost): (...args: QuickJSHandle[]) => QuickJSHandle {
  return (...args: QuickJSHandle[]): QuickJSHandle => {
    const [op, a = '', b = '', c = ''] = args.map((arg) => (context.typeof(arg) === 'string' ? context.getString(arg) : ''));
    const json = (value: unknown) => context.newString(JSON.stringify(value));
    switch (op) {
      case 'resolve':
        return json(host.resolve(a, b || host.options.dir, c === 'import' ? 'import' : 'require'));
      case 'load': {
        const reply = host.load(a);
        if (!reply.ok) return json(reply);
        const started = performance.now();
        const result = context.evalCode(wrap(reply.module.code), vmFileName(reply.path), { type: 'global' });
        host.spend(performance.now() - started);
        if (result.error) {
          const error = context.dump(result.error) as { name?: string; message?: string } | undefined;
          result.error.dispose();
          return json({ ok: false, message: `${reply.path}: ${error?.name ?? 'SyntaxError'}: ${error?.message ?? 'it does not compile'}` });
        }
        // The VM gets the function and whether the file was an ES module (for `import x from`).
        const holder = context.newObject();
        context.setProp(holder, 'fn', result.value);
        result.value.dispose();
        context.setProp(holder, 'esm', reply.module.esm ? context.true : context.false);
        return holder;
      }
      case 'file':
        return json(host.file(a, b));
      case 'failed':
        host.failed(a, b);
        return context.undefined;
      default:
        return context.undefined;
    }
  };
}
