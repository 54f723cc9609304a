import { groupEpisodes } from './episodes.js';

/** Counting helpers the "how many" answers share. Pure. */

/** "web-1 3, db-1 2, and 4 more": counts by key, largest first, ten at most. Undefined keys are skipped. */
export function tally<T>(items: readonly T[], key: (item: T) => string | undefined): string {
  const m = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
  }
  const rows = [...m].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  return `${rows
    .slice(0, 10)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}${rows.length > 10 ? `, and ${rows.length - 10} more` : ''}`;
}

/** Nearest rank over ascending values (q in 0..1): a value that was seen, never one between two. */
export const nearestRank = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

/**
 * Episodes: anomalies on the same target and metric whose times overlap (the threshold rule and the
 * robust detector both opening on one disk fill) count once. Open ones run to `now`.
 */
export const countEpisodes = (
  list: readonly { target: string; metric: string; startTs: number; endTs: number | null }[],
  now: number,
): number => groupEpisodes(list, now).length;
