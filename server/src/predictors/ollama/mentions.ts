/** Matches `name` as a whole identifier in a line of JavaScript (`$` and `_` count as identifier characters). */
export function mentionPattern(name: string): RegExp {
  return new RegExp(`(^|[^\\w$])${name.replace(/[$]/g, '\\$')}(?![\\w$])`);
}
