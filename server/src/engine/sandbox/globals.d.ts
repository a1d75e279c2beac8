// Names the sandbox's bundled parts read that no module declares (see scripts/sandbox-parts.mjs).

/** The prelude's part registry, the parameter of the function each built part is wrapped in. */
declare const __pico_I: any;
