// The one way results leave the sandbox: a SharedArrayBuffer of fixed size, made by the host for each run.
//
// The VM is hostile: a snippet (or a model's value) may tamper with anything it can reach, so the host never
// serialises VM objects, never calls snippet-reachable functions to read results, and never trusts a size it did
// not choose. Inside the worker, the prelude hands over only primitives, through host functions it captured before
// any snippet code ran (host.ts); the worker checks each one (numbers as integers within bounds, strings capped)
// and appends it to this buffer's journal. Line hits, trace counts and a few counters live in one Uint32Array in
// the VM (one store per statement must stay cheap) that the worker copies here now and then and at the end.
//
// Because the buffer is shared, the host can read whatever the worker published even after terminating a worker
// stuck in one long native call: the output, errors and lines that ran up to then are not lost.
//
// Layout: [deadline f64][header i32 × 8][mirror u32 × mirrorSlots][journal bytes]
//   mirror = hits (index = line) | trace counts (index = trace number) | counters

import type { OutputEntry } from '../types';
import type { BranchRecord, ValueSummary } from './index';

/** Caps on what one run can report. Strings are cut to these lengths (in UTF-16 units) by the prelude and again here. */
export const caps = {
  text: 16 * 1024,
  name: 200,
  message: 2000,
  sample: 200,
  type: 200,
  errors: 50,
  bindingErrors: 100,
  traces: 400,
  usedArgs: 5000,
  entered: 20000,
  cappedLoops: 1000,
  /** Probed `if`s whose way and operands are kept (search.ts reads them). */
  branches: 2000,
  /** Lines beyond this get no hit slot (a snippet is at most 512 KB; this is more lines than any snippet Pico runs). */
  lines: 200_000,
  id: 1_000_000,
} as const;

export const counterSlots = 4;
export const counter = { firedTimers: 0, driven: 1 } as const;

const headerInts = 8;
const header = { journalLength: 0, dropped: 1, limit: 2, synced: 3 } as const;
const deadlineBytes = 8;
const mirrorOffset = deadlineBytes + headerInts * 4;

export type RecordKind = 'output' | 'error' | 'binding' | 'trace' | 'usedArg' | 'entered' | 'cappedLoop' | 'branch' | 'operand';
export const limitCodes = ['', 'timeout', 'output', 'memory', 'stack'] as const;
export type ChannelLimit = Exclude<(typeof limitCodes)[number], ''>;

export interface ChannelShape {
  hitSlots: number;
  traceSlots: number;
  journalBytes: number;
}

/** The shape of a run's channel: a hit slot per line of `code`, a journal big enough for the output limit. */
export function shapeFor(code: string, maxOutputBytes: number): ChannelShape {
  let lines = 1;
  for (let i = code.indexOf('\n'); i >= 0 && lines < caps.lines; i = code.indexOf('\n', i + 1)) lines++;
  // Output is counted in UTF-16 units by the prelude; UTF-8 and JSON escaping can triple it. The rest is the
  // other records at their caps, with room to spare.
  const journalBytes = Math.min(64 * 1024 * 1024, 3 * Math.max(0, maxOutputBytes) + 2 * 1024 * 1024);
  return { hitSlots: lines + 2, traceSlots: caps.traces, journalBytes };
}

export function mirrorSlots(shape: ChannelShape): number {
  return shape.hitSlots + shape.traceSlots + counterSlots;
}

export function newChannelBuffer(shape: ChannelShape): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(mirrorOffset + mirrorSlots(shape) * 4 + shape.journalBytes);
  new Float64Array(buffer, 0, 1)[0] = Number.POSITIVE_INFINITY;
  return buffer;
}

interface Views {
  deadline: Float64Array;
  header: Int32Array;
  mirror: Uint32Array;
  journal: Buffer;
}

function views(buffer: SharedArrayBuffer, shape: ChannelShape): Views {
  const slots = mirrorSlots(shape);
  return {
    deadline: new Float64Array(buffer, 0, 1),
    header: new Int32Array(buffer, deadlineBytes, headerInts),
    mirror: new Uint32Array(buffer, mirrorOffset, slots),
    journal: Buffer.from(buffer, mirrorOffset + slots * 4, shape.journalBytes),
  };
}

/** The deadline the worker currently runs under (epoch ms; Infinity while no snippet code runs). */
export function readDeadline(buffer: SharedArrayBuffer): number {
  return new Float64Array(buffer, 0, 1)[0];
}

// ── The worker's side ─────────────────────────────────────────────────────────────────────────────────────

export class ChannelWriter {
  private readonly v: Views;
  private readonly counts = { error: 0, binding: 0, trace: 0, usedArg: 0, entered: 0, cappedLoop: 0, branch: 0, operand: 0 };
  private outputUnits = 0;
  private readonly maxOutputUnits: number;

  constructor(buffer: SharedArrayBuffer, readonly shape: ChannelShape, maxOutputBytes: number) {
    this.v = views(buffer, shape);
    // The prelude stops printing at maxOutputBytes; the host allows the prelude's own last notice on top.
    this.maxOutputUnits = maxOutputBytes + 1024;
  }

  setDeadline(epochMs: number): void {
    this.v.deadline[0] = epochMs;
  }

  setLimit(kind: ChannelLimit): void {
    if (Atomics.load(this.v.header, header.limit) === 0) Atomics.store(this.v.header, header.limit, limitCodes.indexOf(kind));
  }

  limit(): ChannelLimit | null {
    return (limitCodes[Atomics.load(this.v.header, header.limit)] || null) as ChannelLimit | null;
  }

  /** Copies the VM's hit/trace/counter array (already checked to be exactly mirrorSlots long). */
  mirror(bytes: Uint8Array): void {
    new Uint8Array(this.v.mirror.buffer, this.v.mirror.byteOffset, this.v.mirror.byteLength).set(bytes);
    Atomics.store(this.v.header, header.synced, 1);
  }

  /** `assumed`: the entry shows an assumed value; `driven`: code Pico ran on its own printed it (OutputEntry). */
  output(stream: OutputEntry['stream'], text: string, line: number | null, assumed = false, driven = false): void {
    if (this.outputUnits > this.maxOutputUnits) return;
    const kept = text.length > caps.text ? text.slice(0, caps.text) : text;
    this.outputUnits += kept.length + 1;
    this.append(['o', stream, kept, line, assumed, driven]);
  }

  /** While set, errors are dropped: they are of Pico's making (run.ts, the jobs a stopped driven function left). */
  errorsMuted = false;

  error(e: { name: string; message: string; line: number | null; column: number | null; phase: string; thrownValueIsError: boolean }): void {
    if (this.errorsMuted || this.counts.error++ >= caps.errors) return;
    this.append(['e', e.name, e.message, e.line, e.column, e.phase, e.thrownValueIsError]);
  }

  binding(key: string, name: string, message: string): void {
    if (this.counts.binding++ >= caps.bindingErrors) return;
    this.append(['b', key, name, message]);
  }

  trace(index: number, t: { line: number | null; fn: number | null; name: string; type: string; sample: string; assumed: boolean }): void {
    if (this.counts.trace++ >= caps.traces || index >= this.shape.traceSlots) return;
    this.append(['t', index, t.line, t.fn, t.name, t.type, t.sample, t.assumed]);
  }

  number(kind: 'usedArg' | 'entered' | 'cappedLoop', value: number): void {
    const cap = kind === 'usedArg' ? caps.usedArgs : kind === 'entered' ? caps.entered : caps.cappedLoops;
    if (this.counts[kind]++ >= cap) return;
    this.append([kind === 'usedArg' ? 'u' : kind === 'entered' ? 'n' : 'c', value]);
  }

  branch(id: number, t: number, f: number): void {
    if (this.counts.branch++ >= caps.branches) return;
    this.append(['r', id, t, f]);
  }

  operand(id: number, side: number, summary: ValueSummary): void {
    if (this.counts.operand++ >= 2 * caps.branches) return;
    this.append(['p', id, side, summary.type, summary.value ?? null, summary.length ?? null]);
  }

  private append(record: unknown[]): void {
    const text = JSON.stringify(record) + '\n';
    const at = Atomics.load(this.v.header, header.journalLength);
    const size = Buffer.byteLength(text);
    if (at + size > this.v.journal.length) {
      Atomics.add(this.v.header, header.dropped, 1);
      return;
    }
    this.v.journal.write(text, at);
    // Published after the bytes: a reader never sees half a record.
    Atomics.store(this.v.header, header.journalLength, at + size);
  }
}

// ── The host's side ───────────────────────────────────────────────────────────────────────────────────────

export interface ChannelContents {
  hits: number[];
  lastLine: number | null;
  output: OutputEntry[];
  /** Errors as the prelude described them, with the phase it gave (`compile`, `interrupt`, `setup` included). */
  errors: { name: string; message: string; line: number | null; column: number | null; phase: string; thrownValueIsError: boolean }[];
  bindingErrors: { key: string; name: string; message: string }[];
  traces: { line: number | null; fn: number | null; name: string; type: string; sample: string; assumed: boolean; count: number }[];
  entered: number[];
  usedArgs: number[];
  cappedLoops: number[];
  branches: BranchRecord[];
  firedTimers: number;
  driven: number;
  limit: ChannelLimit | null;
  /** Records that did not fit: the run reported more than Pico keeps. */
  dropped: number;
}

const streams = new Set<OutputEntry['stream']>(['log', 'info', 'warn', 'error', 'debug']);

function str(value: unknown, cap: number): string {
  return typeof value === 'string' ? (value.length > cap ? value.slice(0, cap) : value) : '';
}

function int(value: unknown, max: number): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max ? value : null;
}

/** Reads and checks everything the worker published. Never throws; what does not check out is left out. */
export function readChannel(buffer: SharedArrayBuffer, shape: ChannelShape): ChannelContents {
  const v = views(buffer, shape);
  const contents: ChannelContents = {
    hits: [], lastLine: null, output: [], errors: [], bindingErrors: [], traces: [], entered: [], usedArgs: [], cappedLoops: [], branches: [],
    firedTimers: 0, driven: 0, limit: (limitCodes[Atomics.load(v.header, header.limit)] || null) as ChannelLimit | null,
    dropped: Atomics.load(v.header, header.dropped),
  };
  const synced = Atomics.load(v.header, header.synced) === 1;
  const mirror = Uint32Array.from(v.mirror);
  if (synced) {
    let lastOrder = 0;
    for (let line = 1; line < shape.hitSlots; line++) {
      const order = mirror[line];
      if (!order) continue;
      contents.hits.push(line);
      if (order > lastOrder) {
        lastOrder = order;
        contents.lastLine = line;
      }
    }
    const counters = shape.hitSlots + shape.traceSlots;
    contents.firedTimers = mirror[counters + counter.firedTimers];
    contents.driven = mirror[counters + counter.driven];
  }
  const length = Math.min(Math.max(0, Atomics.load(v.header, header.journalLength)), v.journal.length);
  const text = v.journal.toString('utf8', 0, length);
  const seen = { entered: new Set<number>(), usedArgs: new Set<number>(), cappedLoops: new Set<number>() };
  const branchById = new Map<number, BranchRecord>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue;
    }
    if (!Array.isArray(record)) continue;
    const [kind, a, b, c, d, e, f, g] = record as unknown[];
    switch (kind) {
      case 'o':
        if (streams.has(a as OutputEntry['stream'])) {
          const entry: OutputEntry = { stream: a as OutputEntry['stream'], text: str(b, caps.text), line: int(c, caps.lines) };
          if (d === true) entry.assumed = true;
          if (e === true) entry.origin = 'driven';
          contents.output.push(entry);
        }
        break;
      case 'e':
        if (contents.errors.length < caps.errors) {
          contents.errors.push({ name: str(a, caps.name) || 'Error', message: str(b, caps.message), line: int(c, caps.lines), column: int(d, 1e7), phase: str(e, 20) || 'main', thrownValueIsError: f === true });
        }
        break;
      case 'b':
        if (contents.bindingErrors.length < caps.bindingErrors) contents.bindingErrors.push({ key: str(a, caps.name), name: str(b, caps.name), message: str(c, caps.message) });
        break;
      case 't': {
        const index = int(a, shape.traceSlots - 1);
        if (index === null || contents.traces.length >= caps.traces) break;
        const count = synced ? mirror[shape.hitSlots + index] : 1;
        contents.traces.push({ line: int(b, caps.lines), fn: int(c, caps.id), name: str(d, caps.name), type: str(e, caps.type), sample: str(f, caps.sample), assumed: g === true, count: Math.max(1, count) });
        break;
      }
      case 'r': {
        const id = int(a, caps.id);
        if (id === null || branchById.has(id) || contents.branches.length >= caps.branches) break;
        const record: BranchRecord = { id, t: int(b, 2 ** 31) ?? 0, f: int(c, 2 ** 31) ?? 0, l: null, r: null };
        branchById.set(id, record);
        contents.branches.push(record);
        break;
      }
      case 'p': {
        const record = branchById.get(int(a, caps.id) ?? -1);
        const side = int(b, 1);
        const type = str(c, 20);
        if (!record || side === null || !type) break;
        const summary: ValueSummary = { type };
        if (typeof d === 'string') summary.value = str(d, caps.sample);
        else if (typeof d === 'number' || typeof d === 'boolean') summary.value = d;
        const length = int(e, 2 ** 31);
        if (length !== null) summary.length = length;
        if (side === 0) record.l = summary;
        else record.r = summary;
        break;
      }
      case 'n':
      case 'u':
      case 'c': {
        const value = int(a, kind === 'c' ? caps.lines : caps.id);
        const set = kind === 'n' ? seen.entered : kind === 'u' ? seen.usedArgs : seen.cappedLoops;
        if (value !== null && !set.has(value)) {
          set.add(value);
          (kind === 'n' ? contents.entered : kind === 'u' ? contents.usedArgs : contents.cappedLoops).push(value);
        }
        break;
      }
    }
  }
  contents.entered.sort((x, y) => x - y);
  return contents;
}
