import { METRIC_LABEL, formatValue, unitOf } from '../core/metrics.js';
import type { Sample } from '../core/sample.js';
import type { AnswerContext } from './answer-intent.js';
import { ALL_METRICS, metricsOf, summarise, type Summary } from './answer-metric-span.js';
import { clock, stamp, table } from './format-reply.js';
import { clockTs } from './parse-clock.js';
import { dayDate, dayStart, namedDayBack } from './day-start.js';
import type { Intent } from './intent.js';
import { formatDuration } from './text-tools.js';

const DAY = 86_400_000;
const FLEET_ROWS = 20;
// A first sample this long after a window opens means the window is only partly covered.
const LATE = 15 * 60_000;

/** The compare intent: `ranked` puts the largest change in the average first, `direction` one way only. */
export type CompareQuestion = Omit<Extract<Intent, { kind: 'compare' }>, 'kind'>;

// Lower is better for these; network traffic is neither, so a direction never ranks it.
const LOWER_IS_BETTER = ['cpu', 'memory', 'disk', 'latency_ms'];

/** The change in the average: points for a share, a relative change for anything else. */
export function changeInAverage(metric: string, now: Summary | undefined, then: Summary | undefined): string {
  if (!now || !then) return '—';
  const d = now.avg - then.avg;
  // Signed as shown: a change that rounds to nothing is "±0.0 pts", not "−0.0 pts".
  const signed = (shown: string) => `${Number(shown) === 0 ? '±' : d > 0 ? '+' : '−'}${shown}`;
  if (unitOf(metric) === '%') return `${signed(Math.abs(d).toFixed(1))} pts`;
  if (then.avg === 0) return now.avg === 0 ? '±0%' : 'new';
  return `${signed(Math.abs((d / then.avg) * 100).toFixed(0))}%`;
}

/** How far the average moved, comparable across shares: points for a share, percent of the old average otherwise. */
export function size(metric: string, now: Summary | undefined, then: Summary | undefined): number {
  if (!now || !then) return -1;
  const d = Math.abs(now.avg - then.avg);
  return unitOf(metric) === '%' ? d : then.avg === 0 ? (now.avg === 0 ? 0 : Infinity) : (d / Math.abs(then.avg)) * 100;
}

const cell = (metric: string, s: Summary | undefined, pick: (s: Summary) => number) => (s ? formatValue(metric, pick(s)) : 'no samples');

/**
 * "cpu on web-1 vs yesterday": today so far (UTC) against the same hours the day (or the week)
 * before, so a morning is never compared with a whole day. Averages and peaks side by side, the
 * change in the average, and a note when one side's samples start late (a gap or a new target), so
 * a partial window is not read as a calm one.
 */
export function answerCompare(i: CompareQuestion, c: AnswerContext): string {
  // "What changed the most in the last hour?": that window against the one just before it.
  const previous = i.against === 'previous';
  // "Before and after 14:00": the time since then against as long before it (capped at a day either side).
  const since = i.from
    ? Math.min(DAY, Math.max(60_000, c.now - clockTs(i.from.zone || !c.zone ? i.from : { ...i.from, zone: c.zone }, c.now)))
    : undefined;
  const span = since ?? i.windowMs ?? 3_600_000;
  const start = previous ? c.now - span : i.week ? weekStart(c.now, c.zone) : dayStart(c.now, c.zone);
  const named = i.day && namedDayBack(i.day, start, c.zone);
  const back = previous ? span : named ? named.days * DAY : i.against === 'yesterday' ? DAY : 7 * DAY;
  const windows = { now: [start, c.now], then: [start - back, c.now - back] } as const;
  const at = stamp(c.now - span).slice(11, 16);
  const thenName = previous
    ? since
      ? `the ${formatDuration(span)} before ${at}`
      : `the ${formatDuration(span)} before`
    : named
      ? named.label
      : i.against === 'yesterday'
        ? 'yesterday'
        : i.week
          ? 'last week'
          : 'a week ago';
  const nowName = previous ? (since ? `since ${at}` : `the last ${formatDuration(span)}`) : i.week ? 'this week' : 'today';
  const names = i.target ? [i.target] : (i.group ?? c.targets.map((t) => t.name));
  // "Which host changed the most?" names no metric: every share is a candidate.
  const asked = metricsOf(i.metric) ?? (i.target ? ALL_METRICS : i.ranked ? ['cpu', 'memory', 'disk'] : ['cpu']);
  const metrics = i.direction ? asked.filter((m) => LOWER_IS_BETTER.includes(m)) : asked;
  if (!metrics.length)
    return `Network traffic is neither better nor worse when it rises; "network on web-1 vs ${i.against === 'yesterday' ? 'yesterday' : 'last week'}" compares it.`;
  const rows: { target: string; metric: string; now?: Summary; then?: Summary }[] = [];
  // "Average cpu across the fleet today vs yesterday": the pooled samples of the targets read on both sides.
  const pooled = { now: [] as Sample[], then: [] as Sample[], n: 0 };
  for (const target of names)
    for (const metric of metrics) {
      const read = (w: readonly [number, number]): Sample[] => c.store.series(target, metric, w[0], w[1]);
      const [a, b] = [read(windows.now), read(windows.then)];
      const now = summarise(a);
      const then = summarise(b);
      if (now || then) rows.push({ target, metric, now, then });
      if (now && then) [pooled.now, pooled.then, pooled.n] = [[...pooled.now, ...a], [...pooled.then, ...b], pooled.n + 1];
    }
  const fleet =
    !i.target && !i.ranked && metrics.length === 1 && pooled.n > 1
      ? { target: `fleet (${pooled.n} on both)`, metric: metrics[0]!, now: summarise(pooled.now), then: summarise(pooled.then) }
      : undefined;
  const hhmm = (ts: number) => clock(ts).slice(0, 5);
  // Both ends carry their zone, so a reply in the asker's zone rewrites both.
  const head = previous
    ? `${nowName} vs ${thenName} (${hhmm(windows.then[0])}${c.zone ? ' UTC' : ''}–${hhmm(windows.now[0])}${c.zone ? ' UTC' : ''}–${hhmm(windows.now[1])} UTC)`
    : i.week
      ? `this week so far (since ${stamp(windows.now[0])}) vs the same stretch last week (${stamp(windows.then[0])} to ${stamp(windows.then[1])})`
      : `today so far vs the same hours ${thenName} (${hhmm(windows.now[0])}${c.zone ? ' UTC' : ''}–${hhmm(windows.now[1])} UTC)`;
  const label = (m: string) => METRIC_LABEL[m] ?? m;
  const what = metrics.length > 2 ? 'metrics' : metrics.length === 2 ? 'network' : label(metrics[0]!);
  if (rows.length === 0) return `No ${what === 'metrics' ? '' : `${what} `}samples for ${names.join(', ')} ${nowName} or ${thenName}.`;
  const short = (name: string) => name.replace(/^the /, '');
  const cols = (first: string) => [
    first,
    `${short(nowName)} avg`,
    `${short(thenName)} avg`,
    'change',
    `${short(nowName)} peak`,
    `${short(thenName)} peak`,
  ];
  const line = (first: string, { metric: m, now, then }: (typeof rows)[number]) => [
    first,
    cell(m, now, (s) => s.avg),
    cell(m, then, (s) => s.avg),
    changeInAverage(m, now, then),
    cell(m, now, (s) => s.max.value),
    cell(m, then, (s) => s.max.value),
  ];
  const lines: string[] = [];
  if (i.ranked) {
    // "Improved": the largest fall first; "got worse": the largest rise; else the largest either way.
    const way = (r: (typeof rows)[number]) =>
      !r.now || !r.then ? 0 : Math.sign(r.now.avg - r.then.avg) * (i.direction === 'better' ? -1 : 1);
    const key = (r: (typeof rows)[number]) => (i.direction ? way(r) * size(r.metric, r.now, r.then) : size(r.metric, r.now, r.then));
    rows.sort((a, z) => key(z) - key(a));
    const top = rows[0]!;
    const name = i.direction === 'better' ? 'Most improved' : i.direction === 'worse' ? 'Most worsened' : 'Largest change';
    const moved = top.now && top.then && (!i.direction || (way(top) > 0 && changeInAverage(top.metric, top.now, top.then)[0] !== '±'));
    lines.push(
      !top.now || !top.then
        ? `Nothing to rank: no target has samples both ${nowName} and ${thenName}.`
        : moved
          ? `${name}: ${i.target ? '' : `${top.target} `}${label(top.metric)} ${changeInAverage(top.metric, top.now, top.then)} (average ${formatValue(top.metric, top.then.avg)} → ${formatValue(top.metric, top.now.avg)}${i.direction ? `; lower is better for ${metrics.map(label).join(', ')}` : ''}).`
          : `Nothing ${i.direction === 'better' ? 'improved' : 'got worse'}: no average ${i.direction === 'better' ? 'fell' : 'rose'} against ${thenName}.`,
    );
    if (new Set(rows.map((r) => unitOf(r.metric) === '%')).size > 1)
      lines.push('(Shares are ranked by the points they moved, other figures by the percent of their average.)');
  }
  if (i.target)
    lines.push(
      `${i.target}, ${head}:`,
      table(
        cols('metric'),
        rows.map((r) => line(label(r.metric), r)),
      ),
    );
  else {
    // Per metric (network has two), busiest today first; or as ranked by the change.
    const ranked = i.ranked
      ? rows
      : [...rows].sort(
          (a, z) => metrics.indexOf(a.metric) - metrics.indexOf(z.metric) || (z.now?.avg ?? -Infinity) - (a.now?.avg ?? -Infinity),
        );
    const first = (r: (typeof rows)[number]) => (metrics.length > 1 ? `${r.target} ${label(r.metric)}` : r.target);
    lines.push(
      `${what}, ${head}:`,
      table(cols('target'), [...(fleet ? [line(fleet.target, fleet)] : []), ...ranked.slice(0, FLEET_ROWS).map((r) => line(first(r), r))]),
    );
    if (ranked.length > FLEET_ROWS) lines.push(`…and ${ranked.length - FLEET_ROWS} more lines; name a target to compare it.`);
  }
  // A side whose samples start well after its window opens covers only part of it: say so, so a
  // short window is not read as a calm one.
  for (const [side, name, w] of [
    ['now', nowName[0]!.toUpperCase() + nowName.slice(1), windows.now],
    ['then', thenName[0]!.toUpperCase() + thenName.slice(1), windows.then],
  ] as const) {
    const late = rows.filter((r) => r[side] && r[side].first - w[0] > LATE);
    if (late.length === 0) continue;
    const starts = [...new Set(late.map((r) => hhmm(r[side]!.first)))].sort();
    const from = starts.length === 1 ? starts[0] : `${starts[0]}–${starts.at(-1)}`;
    const who = [...new Set(late.map((r) => (i.target ? label(r.metric) : r.target)))];
    const some =
      late.length < rows.length ? ` for ${who.slice(0, 3).join(', ')}${who.length > 3 ? ` and ${who.length - 3} more` : ''}` : '';
    lines.push(`${name}'s samples begin only at ${from} UTC${some}, after its window opens at ${hhmm(w[0])}; compare with care.`);
  }
  return lines.join('\n');
}

/** Monday 00:00 of the week `ts` is in, in the zone (UTC without one). */
function weekStart(ts: number, zone?: string): number {
  const today = dayStart(ts, zone);
  const weekday = new Date(`${dayDate(today, zone)}T00:00:00Z`).getUTCDay();
  return dayStart(today - ((weekday + 6) % 7) * DAY + DAY / 2, zone);
}
