import { formatDuration } from './text-tools.js';
import { groupEpisodes } from './episodes.js';
import { wallClock } from './wall-clock.js';

/** Counting helpers the "how many" answers share. Pure. */

/**
 * "web-1 3, db-1 2, and 4 more": counts by key, largest first, ten (or `max`) at most. Undefined keys
 * are skipped. `countFirst`: "2 critical, 1 warning".
 */
export function tally<T>(
  items: readonly T[],
  key: (item: T) => string | undefined,
  o: { max?: number; countFirst?: boolean } = {},
): string {
  const max = o.max ?? 10;
  const m = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
  }
  const rows = [...m].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  return `${rows
    .slice(0, max)
    .map(([k, n]) => (o.countFirst ? `${n} ${k}` : `${k} ${n}`))
    .join(', ')}${rows.length > max ? `, and ${rows.length - max} more` : ''}`;
}

/** Nearest rank over ascending values (q in 0..1): a value that was seen, never one between two. */
export const nearestRank = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

/** The median time from one episode's start to the next's; undefined with fewer than two. Pure. */
export function medianGap(eps: readonly { startTs: number }[]): number | undefined {
  const starts = eps.map((e) => e.startTs).sort((x, z) => x - z);
  const gaps = starts
    .slice(1)
    .map((t, k) => t - starts[k]!)
    .sort((x, z) => x - z);
  return gaps.length ? nearestRank(gaps, 0.5) : undefined;
}

/**
 * Episodes: anomalies on the same target and metric whose times overlap (the threshold rule and the
 * robust detector both opening on one disk fill) count once. Open ones run to `now`.
 */
export const countEpisodes = (
  list: readonly { target: string; metric: string; startTs: number; endTs: number | null }[],
  now: number,
): number => groupEpisodes(list, now).length;

export type RankBy = 'target' | 'metric' | 'detector' | 'hour' | 'day' | 'weekday' | 'series' | 'severity';

type Counted = { target: string; metric: string; detector: string; severity: string; startTs: number };

/**
 * What an anomaly is counted under when ranked `by` that: the hour of the day or the day it began in,
 * for those, on the asker's clock (UTC without a zone), as "the busiest hour" and "today" are. Pure.
 */
export function rankKey(
  by: RankBy,
  label: (metric: string) => string,
  group?: { of: (target: string) => string },
  zone?: string,
): (a: Counted) => string {
  const local = wallClock(zone);
  return (a) =>
    by === 'target'
      ? (group?.of(a.target) ?? a.target)
      : by === 'metric'
        ? label(a.metric)
        : by === 'hour'
          ? `${String(new Date(local(a.startTs)).getUTCHours()).padStart(2, '0')}:00`
          : by === 'day'
            ? new Date(local(a.startTs)).toISOString().slice(0, 10)
            : by === 'weekday'
              ? WEEKDAY_NAMES[new Date(local(a.startTs)).getUTCDay()]!
              : by === 'series'
                ? `${a.target} ${label(a.metric)}`
                : by === 'severity'
                  ? a.severity
                  : a.detector;
}

/**
 * "Which host has the most alerts?": the leaders by target, metric, detector or hour of the day, most first. Targets
 * and metrics are ranked by episode (one target and metric at overlapping times: a disk filling up
 * that three detectors see is one problem), with their anomalies beside; detectors by anomaly, as an
 * episode can hold several. Ties are said as ties. Pure.
 */
export function rankLine(
  list: readonly (Counted & { endTs: number | null })[],
  by: RankBy,
  top: number,
  label: (metric: string) => string,
  now: number,
  /** "Which tier has the most alerts?": targets counted by their group (role, region or a label), named by `groupName`. */
  group?: { of: (target: string) => string; name: string },
  zone?: string,
): string {
  const keyOf = rankKey(by, label, group, zone);
  const anomalies = new Map<string, number>();
  for (const a of list) anomalies.set(keyOf(a), (anomalies.get(keyOf(a)) ?? 0) + 1);
  const units = by === 'detector' ? anomalies : new Map<string, number>();
  if (by !== 'detector')
    for (const e of groupEpisodes(list, now)) units.set(keyOf(e.members[0]!), (units.get(keyOf(e.members[0]!)) ?? 0) + 1);
  const rows = [...units].sort((x, y) => y[1] - x[1] || anomalies.get(y[0])! - anomalies.get(x[0])! || x[0].localeCompare(y[0]));
  if (rows.length === 0) return '';
  const unit = by === 'detector' ? 'anomalies' : 'episodes';
  const what =
    group && by === 'target'
      ? group.name
      : by === 'hour'
        ? `hour of the day (${zone ?? 'UTC'}, by start)`
        : by === 'day'
          ? `day (${zone ?? 'UTC'}, by start)`
          : by === 'weekday'
            ? `day of the week (${zone ?? 'UTC'}, by start)`
            : by === 'series'
              ? 'target and metric'
              : by;
  const beside = (k: string, n: number) => (by === 'detector' || anomalies.get(k) === n ? '' : ` (${anomalies.get(k)} anomalies)`);
  const tied = rows.filter(([, n]) => n === rows[0]![1]);
  const shown = Math.max(top, tied.length);
  const lead =
    tied.length > 1
      ? `${andList(tied.map(([k]) => `${k}${beside(k, rows[0]![1])}`))} tie for the most ${unit} by ${what}, ${rows[0]![1]} each`
      : `Most ${unit} by ${what}: ${rows[0]![0]} ${rows[0]![1]}${beside(rows[0]![0], rows[0]![1])}`;
  const rest = rows.slice(tied.length, shown).map(([k, n]) => `${k} ${n}${beside(k, n)}`);
  // Under two weeks, each weekday was seen once at most: a count, not a weekly pattern.
  const first = Math.min(...list.map((a) => a.startTs));
  const young =
    by === 'weekday' && now - first < 14 * 86_400_000
      ? ` Only ${formatDuration(now - first)} of alerts kept, so each weekday was seen at most twice: no weekly pattern yet.`
      : '';
  return `${lead}${rest.length ? `; then ${rest.join(', ')}` : ''}${rows.length > shown ? `; ${rows.length - shown} more below` : ''}.${young}`;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const andList = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)!}`);
