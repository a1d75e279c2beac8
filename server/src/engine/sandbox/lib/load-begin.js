// node-inspect-extracted copies the methods of ECMAScript's built-ins when it loads (Node's "primordials"). Two of
// them are not what it expects here: QuickJS's build lacks Atomics, and the sandbox's Date is the virtual clock's
// subclass, whose prototype holds none of Date's methods. While the library loads it sees an empty Atomics and the
// real Date; lib/load-end.js puts the sandbox's back.
const G = /** @type {any} */ (globalThis);
export const saved = { Date: G.Date, hadAtomics: 'Atomics' in G };
if (!saved.hadAtomics) G.Atomics = {};
G.Date = __pico_I.core.RealDate;
