// Pico's `fs` over the snippet's real workspace (compiled on first use, see prelude.js `need`). Reads go to the
// host (modules/files.ts), which refuses paths outside the workspace (after `..` and symbolic links) and files
// over its size limit. Writes land in an overlay kept in this VM, seen by later reads of the same run, never
// written to disk. A file that exists nowhere keeps the predicted content of part-node.js (shaped by use).
// memfs was the first choice for the overlay, but it needs Node's stream, events and url modules to load,
// which the sandbox only fakes: a small overlay over real reads is all a snippet's run needs.
/** @param {any} I the prelude's part registry */
export default function (I) {
  'use strict';
  const { addTimer, queueCallback, PicoDate } = I.core;
  let instance = null;

  function fsError(code, message, syscall, path) {
    const error = /** @type {any} */ (new Error(message));
    error.code = code;
    error.errno = { ENOENT: -2, EACCES: -13, EISDIR: -21, ENOTDIR: -20, EFBIG: -27, EEXIST: -17 }[code] || -5;
    error.syscall = syscall;
    error.path = path;
    return error;
  }

  /** `predicted`: part-node.js's fs, whose made-up content stands in for files that do not exist. */
  I.makeFs = function (predicted) {
    const host = I.modules && I.modules.host;
    if (!host) return predicted;
    if (instance) return instance;
    const cwd = I.modules.config.cwd;
    const Buffer = I.core.G.Buffer;
    const written = new Map(); // absolute path -> string | Buffer
    const madeDirs = new Set();
    const removed = new Set();

    // Paths are normalised here only to key the overlay; the host resolves them again itself. On Windows the
    // drive stays in front and backslashes become slashes.
    const drive = /^[A-Za-z]:[\\/]/.test(cwd) ? cwd.slice(0, 2) : '';
    function absolute(p) {
      // A URL object (checked by shape: naming URL here would compile the url part for every path)
      let s = p && typeof p === 'object' && typeof p.href === 'string' && typeof p.pathname === 'string' ? decodeURIComponent(p.pathname) : Buffer.isBuffer && Buffer.isBuffer(p) ? p.toString() : String(p);
      if (s.startsWith('file://')) s = decodeURIComponent(s.slice(7));
      if (drive) s = s.replace(/\\/g, '/').replace(/^\/([A-Za-z]:)/, '$1');
      const base = drive ? cwd.replace(/\\/g, '/').slice(2) : cwd;
      let head = drive;
      if (drive && /^[A-Za-z]:/.test(s)) { head = s.slice(0, 2); s = s.slice(2); }
      const parts = [];
      for (const part of (s.startsWith('/') ? s : base + '/' + s).split('/')) {
        if (!part || part === '.') continue;
        if (part === '..') parts.pop();
        else parts.push(part);
      }
      return head + '/' + parts.join('/');
    }
    function ask(op, path) { return JSON.parse(host('file', op, path)); }
    function encodingOf(options) { return typeof options === 'string' ? options : options && options.encoding; }
    function decode(data, encoding) {
      if (typeof data === 'string') return encoding && encoding !== 'buffer' ? data : Buffer.from(data);
      return encoding && encoding !== 'buffer' ? data.toString(encoding) : data;
    }
    function hostRead(path) {
      const reply = ask('read', path);
      if (!reply.ok) return reply;
      return { ok: true, data: reply.text !== undefined ? reply.text : Buffer.from(reply.base64, 'base64') };
    }
    /** The file's content, or `missing` when it does not exist (then the prediction answers); throws when refused. */
    function contentOf(p, syscall) {
      const path = absolute(p);
      if (written.has(path)) return written.get(path);
      if (removed.has(path)) throw fsError('ENOENT', "ENOENT: no such file or directory, " + syscall + " '" + p + "'", syscall, String(p));
      const reply = hostRead(path);
      if (reply.ok) return reply.data;
      if (reply.code === 'ENOENT' || reply.code === 'ENOTDIR') return missing;
      throw fsError(reply.code, reply.message, syscall, String(p));
    }
    const missing = {};
    function exists(p) {
      const path = absolute(p);
      if (written.has(path) || madeDirs.has(path)) return true;
      if (removed.has(path)) return false;
      return ask('stat', path).ok;
    }
    function statOf(p) {
      const path = absolute(p);
      const data = written.get(path);
      let info;
      if (data !== undefined) info = { size: typeof data === 'string' ? Buffer.byteLength(data) : data.length, mtimeMs: PicoDate.now(), dir: false, file: true };
      else if (madeDirs.has(path)) info = { size: 4096, mtimeMs: PicoDate.now(), dir: true, file: false };
      else {
        const reply = removed.has(path) ? { ok: false, code: 'ENOENT' } : ask('stat', path);
        if (!reply.ok) {
          if (reply.code === 'ENOENT') return predicted.statSync(p);
          throw fsError(reply.code, reply.message, 'stat', String(p));
        }
        info = reply.stat;
      }
      const time = new PicoDate(info.mtimeMs);
      return { size: info.size, mtimeMs: info.mtimeMs, mtime: time, ctime: time, birthtime: time, atime: time, mode: info.dir ? 0o40755 : 0o100644, isFile: () => info.file, isDirectory: () => info.dir, isSymbolicLink: () => false };
    }
    function write(p, data, append) {
      const path = absolute(p);
      removed.delete(path);
      const text = typeof data === 'string' ? data : data && typeof data.toString === 'function' && !(data instanceof Uint8Array) ? String(data) : data;
      if (!append) { written.set(path, typeof text === 'string' ? text : Buffer.from(text)); return; }
      const before = contentOf(p, 'open');
      const prior = before === missing ? '' : before;
      written.set(path, typeof prior === 'string' && typeof text === 'string' ? prior + text : Buffer.concat([Buffer.from(prior), Buffer.from(text)]));
    }
    const sync = {
      readFileSync(p, options) {
        const data = contentOf(p, 'open');
        return data === missing ? predicted.readFileSync(p, options) : decode(data, encodingOf(options));
      },
      writeFileSync(p, data) { write(p, data, false); },
      appendFileSync(p, data) { write(p, data, true); },
      existsSync: exists,
      statSync: statOf,
      lstatSync: statOf,
      readdirSync(p, options) {
        const path = absolute(p);
        const reply = ask('readdir', path);
        if (!reply.ok && reply.code !== 'ENOENT') throw fsError(reply.code, reply.message, 'scandir', String(p));
        if (!reply.ok && !madeDirs.has(path)) return predicted.readdirSync(p, options);
        const entries = new Map((reply.ok ? reply.entries : []).map((e) => [e.name, e.dir]));
        for (const file of written.keys()) if (file.startsWith(path + '/') && !file.slice(path.length + 1).includes('/')) entries.set(file.slice(path.length + 1), false);
        for (const dir of madeDirs) if (dir.startsWith(path + '/') && !dir.slice(path.length + 1).includes('/')) entries.set(dir.slice(path.length + 1), true);
        for (const gone of removed) if (gone.startsWith(path + '/')) entries.delete(gone.slice(path.length + 1));
        const names = Array.from(entries.keys()).sort();
        if (options && options.withFileTypes) return names.map((name) => ({ name, isFile: () => !entries.get(name), isDirectory: () => entries.get(name), isSymbolicLink: () => false }));
        return names;
      },
      mkdirSync(p) { madeDirs.add(absolute(p)); return undefined; },
      unlinkSync(p) { const path = absolute(p); written.delete(path); removed.add(path); },
      rmSync(p) { const path = absolute(p); written.delete(path); madeDirs.delete(path); removed.add(path); },
      rmdirSync(p) { const path = absolute(p); madeDirs.delete(path); removed.add(path); },
      copyFileSync(from, to) { const data = contentOf(from, 'copyfile'); write(to, data === missing ? predicted.readFileSync(from) : data, false); },
      renameSync(from, to) { const data = contentOf(from, 'rename'); write(to, data === missing ? predicted.readFileSync(from) : data, false); sync.unlinkSync(from); },
      accessSync(p) { if (!exists(p)) throw fsError('ENOENT', "ENOENT: no such file or directory, access '" + p + "'", 'access', String(p)); },
      realpathSync: (p) => absolute(p),
      chmodSync: () => undefined,
    };
    const fs = Object.assign({}, predicted);
    const later = (fn) => addTimer(fn, 0, [], false);
    for (const [name, fn] of Object.entries(sync)) {
      fs[name] = fn;
      if (name === 'existsSync') continue;
      fs[name.replace(/Sync$/, '')] = (...args) => {
        const cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
        let result;
        let error = null;
        try { result = fn(...args); } catch (e) { error = e; }
        if (cb) later(() => (error ? cb(error) : cb(null, result)));
      };
    }
    fs.exists = (p, cb) => later(() => cb(exists(p)));
    fs.promises = {};
    for (const [name, fn] of Object.entries(sync)) if (name !== 'existsSync') fs.promises[name.replace(/Sync$/, '')] = async (...args) => fn(...args);
    fs.promises.access = async (p) => sync.accessSync(p);
    fs.createReadStream = (p, options) => {
      let data;
      try {
        data = contentOf(p, 'open');
      } catch (error) {
        // As in Node, opening a stream never throws: the stream reports the failure as an 'error' event, later.
        const failed = new I.EventEmitter();
        failed.path = p;
        failed.pipe = (destination) => destination;
        failed.close = failed.destroy = () => failed;
        const on = failed.on.bind(failed);
        failed.on = (name, fn) => {
          on(name, fn);
          if (name === 'error') queueCallback(fn, failed, [error], 'stream');
          return failed;
        };
        return failed;
      }
      if (data === missing) return predicted.createReadStream(p, options);
      const stream = new I.EventEmitter();
      stream.path = p;
      stream.pipe = (destination) => { if (destination && typeof destination.write === 'function') queueCallback(() => { destination.write(decode(data, encodingOf(options))); if (typeof destination.end === 'function') destination.end(); }, stream, [], 'stream'); return destination; };
      stream.setEncoding = (encoding) => { options = { encoding }; return stream; };
      stream.close = stream.destroy = () => stream;
      const on = stream.on.bind(stream);
      stream.on = (name, fn) => {
        on(name, fn);
        if (name === 'data') queueCallback(fn, stream, () => [decode(data, encodingOf(options))], 'stream');
        else if (name === 'end' || name === 'close') queueCallback(fn, stream, [], 'stream');
        return stream;
      };
      return stream;
    };
    fs.createWriteStream = (p) => {
      const stream = new I.EventEmitter();
      stream.path = p;
      stream.write = (chunk) => { write(p, chunk, exists(p)); return true; };
      stream.end = (chunk) => { if (chunk !== undefined) stream.write(chunk); later(() => { stream.emit('finish'); stream.emit('close'); }); return stream; };
      stream.close = () => stream;
      write(p, '', false);
      return stream;
    };
    instance = fs;
    return fs;
  };
}
