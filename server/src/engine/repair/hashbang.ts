// `#!/usr/bin/env node` is legal only on a file's first line; inside the pipeline's wrapper it is not.
import { blank } from './edits';
import type { RepairSession } from './session';

export function repairHashbang(session: RepairSession): void {
  if (!session.code.startsWith('#!')) return;
  const lineEnd = session.code.search(/\r?\n|$/);
  session.tryEdits([blank(session.code, 0, lineEnd)], [{ kind: 'other', line: 1, description: 'the `#!` line only means something to a shell: blanked out' }], 'not-worse');
}
