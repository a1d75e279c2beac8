// Pico prelude part 'intl-collator': Intl.Collator, and through it String.prototype.localeCompare. No library
// implements ICU's collation in JavaScript, so this is Pico's own, as ICU's root order (Node's default for every
// locale it ships without tailoring) in three levels: letters, then accents, then case, lower first. Spaces and
// punctuation sort before digits, digits before letters, in the order `ASCII_ORDER` lists (measured on Node's ICU);
// other characters by their base letter's code point. Locale tailorings (Swedish å after z…) are not modelled.

/** Printable ASCII and tab/newline in ICU's root order; letters are listed lowercase (case is the third level). */
const ASCII_ORDER = "\t\n _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";

/** @param {any} I the prelude's part registry */
export default function (I) {
  const rank = new Map([...ASCII_ORDER].map((c, i) => [c, i]));
  const isMark = /\p{M}/u;
  const isPunctuation = /[\p{P}\p{S}\p{Z}\s]/u;
  /**
   * The collation elements of a string: per base character its primary weight (a number), its accents and its case.
   * @param {string} text @param {{ numeric: boolean, ignorePunctuation: boolean }} o
   */
  function elements(text, o) {
    /** @type {{ p: number, s: string, t: number }[]} */
    const out = [];
    const chars = [...text.normalize('NFD')];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (isMark.test(c)) { if (out.length) out[out.length - 1].s += c; continue; }
      if (o.ignorePunctuation && isPunctuation.test(c)) continue;
      if (o.numeric && c >= '0' && c <= '9') {
        let j = i;
        while (j + 1 < chars.length && chars[j + 1] >= '0' && chars[j + 1] <= '9') j++;
        const digits = chars.slice(i, j + 1).join('').replace(/^0+(?=\d)/, '');
        // A number sorts by its length, then its digits: 9 < 10.
        out.push({ p: rank.get('0') + digits.length / 1000, s: '', t: 0 });
        for (const d of digits) out.push({ p: /** @type {number} */ (rank.get(d)), s: '', t: 0 });
        i = j;
        continue;
      }
      const lower = c.toLowerCase();
      const known = rank.get(lower);
      out.push({ p: known !== undefined ? known : 1000 + /** @type {number} */ (lower.codePointAt(0)), s: '', t: lower === c ? 0 : 1 });
    }
    return out;
  }
  /** @param {number[] | string[]} a @param {number[] | string[]} b */
  function compareLists(a, b) {
    for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  }
  const slots = new WeakMap();
  const sensitivities = ['base', 'accent', 'case', 'variant'];
  class IntlCollator {
    /** @param {unknown} [locales] @param {any} [options] */
    constructor(locales, options) {
      const tags = I.core.G.Intl.getCanonicalLocales(locales);
      const o = options === undefined ? {} : Object(options);
      const usage = o.usage === undefined ? 'sort' : String(o.usage);
      if (usage !== 'sort' && usage !== 'search') throw new RangeError(`Value ${usage} out of range for Intl.Collator options property usage`);
      const sensitivity = o.sensitivity === undefined ? 'variant' : String(o.sensitivity);
      if (!sensitivities.includes(sensitivity)) throw new RangeError(`Value ${sensitivity} out of range for Intl.Collator options property sensitivity`);
      const locale = tags.length ? tags[0].replace(/-u-.*$/, '') : 'en-US';
      const numeric = o.numeric === undefined ? /-u-(.*-)?kn(-true)?(-|$)/.test(tags[0] || '') : !!o.numeric;
      slots.set(this, { locale, usage, sensitivity, ignorePunctuation: !!o.ignorePunctuation, collation: 'default', numeric, caseFirst: o.caseFirst === undefined ? 'false' : String(o.caseFirst) });
    }
    /** The comparison, bound to this collator (as ECMA-402 has it, so `.sort(collator.compare)` works). */
    get compare() {
      const s = slots.get(this);
      if (!s) throw new TypeError('Method get Intl.Collator.prototype.compare called on incompatible receiver');
      if (!s.bound) {
        const level = sensitivities.indexOf(s.sensitivity);
        s.bound = (/** @type {unknown} */ x, /** @type {unknown} */ y) => {
          const a = elements(String(x), s), b = elements(String(y), s);
          const primary = compareLists(a.map((e) => e.p), b.map((e) => e.p));
          if (primary || level === 0) return primary;
          if (level !== 2) { const secondary = compareLists(a.map((e) => e.s), b.map((e) => e.s)); if (secondary || level === 1) return secondary; }
          const upperFirst = s.caseFirst === 'upper' ? -1 : 1;
          return compareLists(a.map((e) => e.t * upperFirst), b.map((e) => e.t * upperFirst));
        };
      }
      return s.bound;
    }
    resolvedOptions() {
      const s = slots.get(this);
      return { locale: s.locale, usage: s.usage, sensitivity: s.sensitivity, ignorePunctuation: s.ignorePunctuation, collation: s.collation, numeric: s.numeric, caseFirst: s.caseFirst };
    }
    /** @param {unknown} locales */
    static supportedLocalesOf(locales) { return I.core.G.Intl.getCanonicalLocales(locales); }
  }
  Object.defineProperty(IntlCollator, 'name', { value: 'Collator' });
  Object.defineProperty(IntlCollator.prototype, Symbol.toStringTag, { value: 'Intl.Collator', configurable: true });
  I.Collator = I.core.need('intl').intlConstructor(IntlCollator, { callable: true });
}
