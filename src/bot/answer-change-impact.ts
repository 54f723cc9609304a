import { METRIC_LABEL, formatValue, unitOf } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { changeInAverage } from './answer-compare.js';
import { ALL_METRICS, metricsOf, summarise, type Summary } from './answer-metric-span.js';
import { changesBetween, describeChange, latestChange, noChangeRecorded } from './change-log.js';
import { clock, table, unknownTargetReply } from './format-reply.js';
import type { Intent } from './intent.js';
import { nearestRank } from './tally.js';
import { formatDuration, plural, quoteUntrusted } from './text-tools.js';

const MIN = 60_000;
/** The most of either side read: an hour shows a deploy's effect without a day's cycle swamping it. */
const SIDE_MS = 60 * MIN;
/** Less than this since the change is too little to set against the time before it. */
const SOONEST_MS = 5 * MIN;
/** The time before is at least this long, so its range is a range and not a handful of samples. */
const BEFORE_MIN_MS = 30 * MIN;
/** Fewer samples than this on a side and the row says so instead of averaging them. */
const MIN_SAMPLES = 3;
/** With more targets than this, only the rows that moved are listed. */
const ALL_ROWS_UP_TO = 3;
const SHOWN = 20;

interface Row {
  target: string;
  metric: string;
  before?: Summary;
  after?: Summary;
  low?: number;
  high?: number;
  moved?: 'up' | 'down';
}

/**
 * Whether the average since left the time before's usual range (its 5th to 95th percentile), by
 * more than a floor that keeps noise out: 2 points for a share, 10% of the average otherwise.
 */
function movement(metric: string, before: Summary, after: Summary, low: number, high: number): 'up' | 'down' | undefined {
  const d = after.avg - before.avg;
  const floor = unitOf(metric) === '%' ? 2 : Math.abs(before.avg) * 0.1;
  if (Math.abs(d) < floor) return undefined;
  if (after.avg > high && d > 0) return 'up';
  if (after.avg < low && d < 0) return 'down';
  return undefined;
}

/**
 * "Did latency change after the deploy?", "compare api-1 before and after the release": each
 * metric's average in the time before the latest change recorded against the time since (up to an
 * hour each side), marked where the average since left the range before. A change is set beside
 * the figures, never proven by them: the reply says so. Pure over the store.
 */
export function answerChangeImpact(i: Extract<Intent, { kind: 'change_impact' }>, c: AnswerContext): string {
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  const asked = i.target ? [i.target] : i.group;
  // "Before and after ch_…": that one, wherever it was; else the latest on what is asked.
  const change = i.id
    ? changesBetween(c.store, c.now - 30 * 86_400_000, c.now + 1).find((e) => e.id === i.id)
    : latestChange(c.store, c.now, asked, i.deploy);
  if (!change)
    return i.id ? `No change ${quoteUntrusted(i.id)} in the last 30 days; "recent changes" lists them.` : noChangeRecorded(asked);
  const head = `${i.id ? 'The change' : i.deploy ? 'The latest deploy' : 'The latest change'}, ${describeChange(change)}, ${formatDuration(c.now - change.ts)} ago.`;
  const since = anomaliesSince(change.ts, asked ?? (change.targets.length ? change.targets : undefined), c);
  const afterMs = Math.min(c.now - change.ts, SIDE_MS);
  if (afterMs < SOONEST_MS)
    return [
      head,
      `Too soon to compare: ${formatDuration(SOONEST_MS)} of samples after it are needed; ask again after ${clock(change.ts + SOONEST_MS)}.`,
      since,
    ].join('\n');
  const beforeMs = Math.min(Math.max(afterMs, BEFORE_MIN_MS), SIDE_MS);
  const names = asked ?? (change.targets.length ? change.targets : c.targets.map((t) => t.name));
  const metrics = metricsOf(i.metric) ?? ALL_METRICS;
  const rows: Row[] = [];
  for (const target of names)
    for (const metric of metrics) {
      const before = summarise(c.store.series(target, metric, change.ts - beforeMs, change.ts - 1));
      const after = summarise(c.store.series(target, metric, change.ts, change.ts + afterMs));
      if (!before && !after) continue;
      const row: Row = { target, metric, ...(before ? { before } : {}), ...(after ? { after } : {}) };
      if (before && after && before.n >= MIN_SAMPLES && after.n >= MIN_SAMPLES) {
        const sorted = [...before.values].sort((x, z) => x - z);
        row.low = nearestRank(sorted, 0.05);
        row.high = nearestRank(sorted, 0.95);
        const moved = movement(metric, before, after, row.low, row.high);
        if (moved) row.moved = moved;
      }
      rows.push(row);
    }
  const label = (m: string) => METRIC_LABEL[m] ?? m;
  const sides = `the ${formatDuration(beforeMs)} before it against the ${formatDuration(afterMs)} since`;
  if (!rows.length)
    return [head, `No ${i.metric ? label(metrics[0]!) : 'metric'} samples on ${names.join(', ')} either side of it.`, since].join('\n');
  const moved = rows.filter((r) => r.moved);
  const name = (r: Row) => `${names.length > 1 ? `${r.target} ` : ''}${label(r.metric)}`;
  const lead = moved.length
    ? `Moved beyond their range before: ${moved
        .map(
          (r) =>
            `${name(r)} ${changeInAverage(r.metric, r.after, r.before)} (${formatValue(r.metric, r.before!.avg)} → ${formatValue(r.metric, r.after!.avg)})`,
        )
        .join('; ')}.`
    : `Nothing moved beyond its range before, comparing ${sides}.`;
  const listed = (names.length <= ALL_ROWS_UP_TO ? rows : moved).slice(0, SHOWN);
  const cell = (r: Row, s: Summary | undefined, pick: (s: Summary) => number) =>
    s ? (s.n < MIN_SAMPLES ? `${s.n} sample${s.n === 1 ? '' : 's'}` : formatValue(r.metric, pick(s))) : 'none';
  const body = listed.length
    ? [
        table(
          ['target', 'metric', 'before avg', 'since avg', 'change', 'since peak', 'range before', ''],
          listed.map((r) => [
            r.target,
            label(r.metric),
            cell(r, r.before, (s) => s.avg),
            cell(r, r.after, (s) => s.avg),
            r.low !== undefined ? changeInAverage(r.metric, r.after, r.before) : '—',
            cell(r, r.after, (s) => s.max.value),
            r.low !== undefined ? `${formatValue(r.metric, r.low)}–${formatValue(r.metric, r.high!)}` : '—',
            r.moved === 'up' ? '▲ above' : r.moved === 'down' ? '▼ below' : '',
          ]),
        ),
      ]
    : [];
  const more =
    names.length > ALL_ROWS_UP_TO
      ? [`${plural(rows.length - moved.length, 'other series', 'other series')} stayed within their range.`]
      : [];
  const earlier = changesBetween(c.store, change.ts - beforeMs, change.ts - 1, asked).filter((e) => e.id !== change.id);
  return [
    head,
    lead,
    ...body,
    ...more,
    `Compared: ${sides} (averages of the stored samples; the range before is its 5th to 95th percentile). A shift beside a change does not prove the change caused it: load and the time of day move figures too.`,
    ...(earlier.length
      ? [`${plural(earlier.length, 'other change')} fell in the time before: ${earlier.map((e) => e.id).join(', ')}.`]
      : []),
    since,
  ].join('\n');
}

/** "Anomalies since it: 2 (an_… api-1 latency, …)" on the targets compared. */
function anomaliesSince(ts: number, targets: readonly string[] | undefined, c: AnswerContext): string {
  const list = c.store.recentAnomalies(500, ts, c.now + 1).filter((a) => !targets || targets.includes(a.target));
  if (!list.length) return `No anomalies${targets ? ` on ${targets.join(', ')}` : ''} since it.`;
  const shown = list
    .slice(0, 3)
    .map((a) => `${a.id} ${a.target} ${METRIC_LABEL[a.metric] ?? a.metric} (${a.detector}, ${a.status})`)
    .join('; ');
  return `Anomalies since it: ${list.length}: ${shown}${list.length > 3 ? '; "what happened after the deploy?" lists them all' : ''}.`;
}
