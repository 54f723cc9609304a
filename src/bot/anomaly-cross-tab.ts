import { groupEpisodes } from './episodes.js';
import { table } from './format-reply.js';
import { rankKey, type RankBy } from './tally.js';

/** The second way of a cross-tab ("per host per day"): any ranking but the series, which is already two. */
export type CrossBy = Exclude<RankBy, 'series'>;

// Hours and days are on the asker's clock, and say whose.
const nameOf = (by: CrossBy, zone: string | undefined) => (by === 'hour' || by === 'day' ? `${by} (${zone ?? 'UTC'})` : by);
// Wider than this, a chat message wraps the table; the quietest columns are summed as "other".
const MAX_COLS = 7;
const MAX_ROWS = 24;

// Days and hours read in time order; the rest with the most first, as a ranking does.
const inOrder = (by: CrossBy) => by === 'day' || by === 'hour';

/**
 * "Alerts per host per day", "a heatmap of alerts by host and hour": episodes counted by two keys
 * at once, as a table, rows by `rows` and columns by `cols`, with the totals and the busiest cell.
 * Episodes, not anomalies: a disk filling up that three detectors see is one problem in one cell,
 * counted under its first anomaly; by detector, anomalies, as one episode may hold several detectors'.
 * Days and hours are by start, on the asker's clock (UTC without a zone), as the single rankings are.
 * Pure.
 */
export function crossTab(
  list: readonly { target: string; metric: string; detector: string; severity: string; startTs: number; endTs: number | null }[],
  rows: CrossBy,
  cols: CrossBy,
  label: (metric: string) => string,
  now: number,
  zone?: string,
): string {
  const rowOf = rankKey(rows, label, undefined, zone);
  const colOf = rankKey(cols, label, undefined, zone);
  const cells = new Map<string, Map<string, number>>();
  const colTotal = new Map<string, number>();
  // An episode may hold several detectors' anomalies: by detector, each anomaly counts, as the single ranking does.
  const byAnomaly = rows === 'detector' || cols === 'detector';
  const eps = byAnomaly ? list.map((a) => ({ members: [a] })) : groupEpisodes(list, now);
  const unit = byAnomaly ? 'anomalies' : 'episodes';
  for (const e of eps) {
    const first = e.members[0]!;
    const [r, k] = [rowOf(first), short(cols, colOf(first))];
    const row = cells.get(r) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + 1);
    cells.set(r, row);
    colTotal.set(k, (colTotal.get(k) ?? 0) + 1);
  }
  if (eps.length === 0) return '';
  const sum = (m: Map<string, number>) => [...m.values()].reduce((n, x) => n + x, 0);
  const order = (by: CrossBy, total: (k: string) => number) => (x: string, z: string) =>
    inOrder(by) ? x.localeCompare(z) : total(z) - total(x) || x.localeCompare(z);
  const allCols = [...colTotal.keys()].sort(order(cols, (k) => colTotal.get(k)!));
  // The quietest columns fold into one; days and hours keep the latest, as the question is usually about now.
  const kept = allCols.length <= MAX_COLS ? allCols : inOrder(cols) ? allCols.slice(-(MAX_COLS - 1)) : allCols.slice(0, MAX_COLS - 1);
  const folded = allCols.filter((k) => !kept.includes(k));
  const allRows = [...cells.keys()].sort(order(rows, (r) => sum(cells.get(r)!)));
  const shownRows = allRows.slice(0, MAX_ROWS);
  const cell = (n: number) => (n ? String(n) : '-');
  const body = shownRows.map((r) => {
    const m = cells.get(r)!;
    return [
      inOrder(rows) ? short(rows, r) : r,
      ...kept.map((k) => cell(m.get(k) ?? 0)),
      ...(folded.length ? [cell(folded.reduce((n, k) => n + (m.get(k) ?? 0), 0))] : []),
      String(sum(m)),
    ];
  });
  // Each column's leading row, ties named together: "which host had the most alerts each day?".
  const leaders = (k: string) => {
    const best = Math.max(...allRows.map((r) => cells.get(r)!.get(k) ?? 0));
    const who = allRows.filter((r) => (cells.get(r)!.get(k) ?? 0) === best).map((r) => (inOrder(rows) ? short(rows, r) : r));
    return `${who.length > 3 ? `${who.slice(0, 3).join(', ')} and ${who.length - 3} more` : who.join(', ')} (${best})`;
  };
  let top = { r: '', k: '', n: 0 };
  for (const [r, m] of cells) for (const [k, n] of m) if (n > top.n) top = { r, k, n };
  const ties = [...cells.values()].reduce((t, m) => t + [...m.values()].filter((n) => n === top.n).length, 0);
  const where = `${inOrder(rows) ? short(rows, top.r) : top.r}, ${top.k}`;
  return [
    byAnomaly
      ? `Anomalies by ${nameOf(rows, zone)} and ${nameOf(cols, zone)}, by start (${list.length}):`
      : `Episodes by ${nameOf(rows, zone)} and ${nameOf(cols, zone)}, by start (${eps.length} episodes of ${list.length} anomalies; anomalies on the same target and metric at overlapping times count once):`,
    table(
      [rows === 'hour' ? 'hour' : rows, ...kept, ...(folded.length ? [`${folded.length} other`] : []), 'total'],
      [
        ...body,
        [
          'total',
          ...kept.map((k) => String(colTotal.get(k))),
          ...(folded.length ? [String(folded.reduce((n, k) => n + colTotal.get(k)!, 0))] : []),
          String(eps.length),
        ],
      ],
    ),
    ...(allRows.length > shownRows.length ? [`${allRows.length - shownRows.length} more rows with fewer episodes not shown.`] : []),
    `Most in each ${cols}: ${kept.map((k) => `${k} ${leaders(k)}`).join('; ')}.`,
    ties > 1 ? `The most in one cell: ${top.n} ${unit}, in ${ties} cells.` : `The most in one cell: ${where}, ${top.n} ${unit}.`,
  ].join('\n');
}

// A day's column is its month and day: the year is the same across a week.
function short(by: CrossBy, key: string): string {
  return by === 'day' ? key.slice(5) : key;
}
