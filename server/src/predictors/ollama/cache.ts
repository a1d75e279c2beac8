// Session cache of model answers, one entry per name. The key holds what the model saw about that name
// (the text of the lines that mention it, its usage facts, the model, and for a correction the error and
// the values that caused it) rather than the whole snippet, so that after an edit elsewhere in the
// snippet a re-run costs no model call for the names the edit did not touch.
import { createHash } from 'node:crypto';
import type { RunFeedback, Slot } from '../../engine/types';
import { mentionPattern } from './mentions';

export interface CachedAnswer {
  value: string;
  reason: string;
}

export interface AnswerCache {
  get(key: string): CachedAnswer | undefined;
  set(key: string, answer: CachedAnswer): void;
  readonly size: number;
}

/** A bounded in-memory cache; the oldest entries go first when it is full. */
export function createAnswerCache(maxEntries = 2000): AnswerCache {
  const entries = new Map<string, CachedAnswer>();
  return {
    get: (key) => entries.get(key),
    set(key, answer) {
      entries.delete(key);
      entries.set(key, answer);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    get size() {
      return entries.size;
    },
  };
}

/** The cache key for one slot's answer. */
export function answerKey(parts: { model: string; source: string; slot: Slot; feedback?: RunFeedback }): string {
  const { model, source, slot, feedback } = parts;
  const lines = source.split('\n');
  const mentions = linesMentioning(lines, slot.name === 'this' ? 'this' : slot.name);
  const material: unknown[] = [model, slot.key, slot.kind, slot.facts, mentions];
  if (feedback) {
    const own = feedback.values.find((v) => v.key === slot.key)?.value ?? null;
    const errorLine = feedback.error?.line ? lines[feedback.error.line - 1] ?? '' : '';
    material.push(
      feedback.error ? ['error', feedback.error.name, feedback.error.message, errorLine, own] : ['coverage', feedback.unexecutedLines.map((n) => lines[n - 1] ?? ''), own],
    );
  }
  return createHash('sha256').update(JSON.stringify(material)).digest('hex');
}

function linesMentioning(lines: string[], name: string): string[] {
  const word = mentionPattern(name);
  return lines.filter((line) => word.test(line)).map((line) => line.trim());
}
