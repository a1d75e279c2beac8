// Names the sandbox's bundled parts read that no module declares (see scripts/sandbox-parts.mjs).

/** The prelude's part registry, the parameter of the function each built part is wrapped in. */
declare const __pico_I: any;

/** Locales with number and date data besides English (scripts/sandbox-parts.mjs, `intlDataLocales`). */
declare const PICO_INTL_DATA_LOCALES: string[];

/** Languages whose plain `language-REGION` tags are canonical but for the listed regions (scripts/sandbox-parts.mjs). */
declare const PICO_INTL_CANONICAL_SHORTCUTS: Record<string, string[]>;
