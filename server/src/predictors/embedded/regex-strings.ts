import RandExp from 'randexp';

// A string that a snippet's regular expression accepts (`line.match(/^(\w+)=(.*)$/)`), from randexp, which
// builds strings from the pattern's syntax tree: the pattern is parsed, never run, so a hostile pattern cannot
// stall the host. Deterministic: the same pattern always gives the same string.

export function stringMatching(pattern: string, flags: string): string | null {
  try {
    const generator = new RandExp(pattern, flags.replace(/[^imsu]/g, '') || undefined);
    let seed = 0x2545f491;
    generator.randInt = (low: number, high: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return low + (seed % (high - low + 1));
    };
    generator.max = 4;
    const text = generator.gen();
    return text.length <= 200 ? text : null;
  } catch {
    return null;
  }
}
