// TypeScript or JSX in a snippet labelled `js`: parsed as what it is, the next stage strips the types (or
// compiles the JSX) instead of failing on them.
import type { Lang, Repair } from '../types';
import { blank, type Edit } from './edits';
import type { RepairSession } from './session';
import { topLevelItems } from './top-level-items';

const jsxHint = /<\/|\/>/;
/** Syntax only TypeScript has: a partial TypeScript parse is preferred over a JavaScript one only when this is there. */
const typeScriptHint = /\b(?:interface\s+\w|type\s+\w+\s*(?:<[^=]*>)?\s*=|enum\s+\w|implements\s|namespace\s|declare\s|readonly\s|(?:private|public|protected)\s+\w|as\s+(?:const\b|[A-Z]\w*))|[\w)\]]\??\s*:\s*(?:string|number|boolean|any|void|unknown|never|[A-Z]\w*(?:<[^>]*>)?(?:\[\])?)\s*[,)=;{]/;
const typeDeclaration = /^(?:(?:export|declare)\s+)*(?:interface\s+[\p{ID_Start}$_][\p{ID_Continue}$]*\s*(?:<[^>]*>\s*)?(?:extends\b|\{)|type\s+[\p{ID_Start}$_][\p{ID_Continue}$]*\s*(?:<[^=]*>\s*)?=)/u;

/**
 * The language to try when the snippet does not parse in its own: `js`/`jsx` -> `ts`/`tsx` (type syntax),
 * `ts` -> `tsx` (JSX). Null when there is nothing else to try. `plausible` says whether a parse that is better but
 * still broken should be preferred (it should not for a JavaScript snippet with no TypeScript-only syntax).
 */
export function alternativeLanguage(lang: Lang, code: string, firstErrorLine: number): { lang: Lang; repair: Repair; plausible: boolean } | null {
  const looksLikeJsx = lang === 'jsx' || jsxHint.test(code);
  if (lang === 'js' || lang === 'jsx') {
    const target: Lang = looksLikeJsx ? 'tsx' : 'ts';
    return {
      lang: target,
      plausible: typeScriptHint.test(code),
      repair: { kind: 'type-only-line', line: firstErrorLine, description: `TypeScript syntax in a JavaScript snippet: parsed as \`${target}\`` },
    };
  }
  if (lang === 'ts' && looksLikeJsx) {
    return { lang: 'tsx', plausible: true, repair: { kind: 'other', line: firstErrorLine, description: 'JSX in a TypeScript snippet: parsed as `tsx`' } };
  }
  return null;
}

/** Fallback when TypeScript parsing did not help: blank top-level `interface` and `type X =` declarations. */
export function blankTypeDeclarations(session: RepairSession): void {
  if (session.lang !== 'js' && session.lang !== 'jsx') return;
  const { code } = session;
  const { marks, brackets, text } = session.lex();
  const edits: Edit[] = [];
  const repairs: Repair[] = [];
  for (const item of topLevelItems(marks, brackets, text)) {
    if (!typeDeclaration.test(code.slice(item.start, Math.min(item.end, item.start + 200)))) continue;
    edits.push(blank(code, item.start, item.end));
    const line = item.row + 1;
    repairs.push({ kind: 'type-only-line', line, description: 'a TypeScript type declaration, which JavaScript cannot parse: blanked out' });
  }
  if (edits.length) session.tryEdits(edits, repairs);
}
