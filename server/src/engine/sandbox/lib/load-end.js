// See lib/load-begin.js.
import { saved } from './load-begin.js';

if (!saved.hadAtomics) delete globalThis.Atomics;
globalThis.Date = saved.Date;
