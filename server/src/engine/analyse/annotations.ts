import type { Analysis, Lang } from '../types';
import type { FlowContext } from './usage';

export function wantsAnnotations(source: string, lang: Lang): boolean {
  return lang === 'ts' || lang === 'tsx' || /@(param|type|typedef)\b/.test(source);
}

export function applyAnnotations(_analysis: Analysis, _ctx: FlowContext, _original: { source: string; lang: Lang }): void {}
