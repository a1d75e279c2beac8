// The repair stage: makes a fragment parse without moving any statement to another line. Cheap when there is
// nothing to repair (one parse and one walk); otherwise a few rounds of targeted edits, each kept only when
// the parse improves.
import { isLang, loadParsers, parseSync } from '../parse';
import type { Lang, Repair, RepairResult } from '../types';
import { bareExpressionStatements, repairBareExpressions } from './bare-expressions';
import { repairMissingClosers } from './closers';
import { repairOrphanMembers } from './orphan-members';
import { repairPlaceholders } from './placeholders';
import { describeRemainingErrors } from './remaining-errors';
import { errorNodes, isBetter } from './score';
import { RepairSession } from './session';
import { repairEdgeStrayClosers } from './stray-closers';
import { scanTopLevel, wrapperRepairs, type TopLevelScan } from './top-level';
import { alternativeLanguage, blankTypeDeclarations } from './typescript';
import { isValidJavaScript } from './valid';

export { fragmentClassName } from './orphan-members';

const maxRounds = 4;

/** Repairs a snippet so that it parses; loads the parsers first if needed. */
export async function repair(source: string, lang: Lang): Promise<RepairResult> {
  checkArguments(source, lang);
  await loadParsers();
  return repairSync(source, lang);
}

/** `repair` for callers that already awaited `loadParsers()`. */
export function repairSync(source: string, lang: Lang): RepairResult {
  checkArguments(source, lang);
  const tree = parseSync(source, lang);
  // Valid code gets no repair. tree-sitter's verdict first (cheap); where it sees an error or a bare expression,
  // JavaScript's own parser has the last word, since tree-sitter rejects a few valid programs.
  const placeholders = source.includes('\u2026');
  const clean = !tree.rootNode.hasError && !placeholders && !bareExpressionStatements(tree, source).length;
  if (clean || (lang === 'js' && !placeholders && isValidJavaScript(source))) {
    try {
      return finish(source, lang, [], [], scanTopLevel(tree, source, lang === 'js' && source.includes('<')));
    } finally {
      tree.delete();
    }
  }
  let session = new RepairSession(source, lang, tree);
  try {
    repairPlaceholders(session);
    const checkpoint = session.checkpoint();
    const firstError = errorNodes(session.tree)[0];
    const firstErrorLine = firstError ? firstError.node.startPosition.row + 1 : 1;
    runRounds(session);
    if (session.score.count) {
      const alternative = alternativeLanguage(session.lang, checkpoint.code, firstErrorLine);
      if (alternative) {
        const other = RepairSession.resume(checkpoint, alternative.lang, alternative.repair);
        runRounds(other);
        if (isBetter(other.score, session.score) && (other.score.count === 0 || alternative.plausible)) {
          session.dispose();
          session = other;
        } else {
          other.dispose();
        }
      }
    }
    const scan = scanTopLevel(session.tree, session.code, session.lang === 'js' && session.code.includes('<'));
    return finish(session.code, session.lang, session.repairs, describeRemainingErrors(session), scan);
  } finally {
    session.dispose();
  }
}

function runRounds(session: RepairSession): void {
  for (let round = 0; round < maxRounds; round++) {
    const before = session.score;
    repairMissingClosers(session);
    repairOrphanMembers(session);
    repairBareExpressions(session);
    blankTypeDeclarations(session);
    repairEdgeStrayClosers(session);
    if (!session.score.count || !isBetter(session.score, before)) return;
  }
}

function finish(code: string, lang: Lang, repairs: Repair[], remainingErrors: RepairResult['remainingErrors'], scan: TopLevelScan): RepairResult {
  const wrappers = wrapperRepairs(scan);
  const all = [...repairs, ...wrappers.repairs];
  let finalLang = lang;
  if (lang === 'js' && scan.firstJsxRow >= 0) {
    finalLang = 'jsx';
    all.push({ kind: 'other', line: scan.firstJsxRow + 1, description: 'JSX in a JavaScript snippet: treated as `jsx`' });
  }
  return {
    lang: finalLang,
    code,
    repairs: all.sort((a, b) => a.line - b.line),
    remainingErrors,
    needsAsyncWrapper: wrappers.needsAsyncWrapper,
    needsGeneratorWrapper: wrappers.needsGeneratorWrapper,
  };
}

function checkArguments(source: unknown, lang: unknown): void {
  if (typeof source !== 'string') throw new TypeError(`Pico repair: the snippet must be a string, got ${typeof source}`);
  if (typeof lang !== 'string' || !isLang(lang)) throw new TypeError(`Pico repair: unknown language ${JSON.stringify(lang)} (expected js, jsx, ts or tsx)`);
}
