// When Pico's own start-up steps happened, said once in the "Pico" output channel: on a slow start, which part was
// Pico's (its code, its server, its first run) and which was the editor's. extension.ts imports this module first,
// so that "code loading" is stamped before any other of Pico's code (the language client is most of it) evaluates.

const loading = Date.now();
const marks: { step: string; at: number }[] = [];

/** Records that `step` happened now; only its first time counts. */
export function mark(step: string): void {
  if (!marks.some((m) => m.step === step)) marks.push({ step, at: Date.now() });
}

/** A wall-clock time as the editor's logs write it (local time, milliseconds). */
function clock(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/** "Pico start-up: code loading 12:00:01.020; status item +25 ms; activate() +310 ms; …" — the steps so far. */
export function startupLine(title = 'Pico start-up'): string {
  return `${title}: code loading ${clock(loading)}; ${marks.map((m) => `${m.step} +${m.at - loading} ms`).join('; ')}`;
}
