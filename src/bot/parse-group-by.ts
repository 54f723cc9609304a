import type { TargetRef } from './match-target.js';

/**
 * "Average memory per role", "cpu by tier", "disk for each env": the figures grouped by the targets'
 * role or by one of their label keys (as the targets file names it). Undefined when the question
 * groups by nothing the targets carry.
 */
export function groupByOf(text: string, targets: readonly TargetRef[]): { groupBy: string } | undefined {
  const m = /\b(?:per|by|for each|for every|each|across)\s+(?:the\s+)?([a-z][a-z0-9_-]{0,30})\b/.exec(text);
  if (!m) return undefined;
  const word = m[1]!.replace(/s$/, '');
  if (/^(?:role|group)$/.test(word) && targets.some((t) => t.role)) return { groupBy: 'role' };
  const keys = new Set(targets.flatMap((t) => Object.keys(t.labels ?? {})));
  const key = keys.has(word) ? word : keys.has(`${word}s`) ? `${word}s` : word === 'environment' && keys.has('env') ? 'env' : undefined;
  return key ? { groupBy: key } : undefined;
}
