import { unitOf } from '../core/metrics.js';
import type { AnswerContext } from './answer-context.js';
import { METRICS_OF, spanBounds } from './answer-metric-span.js';
import { formatValue, METRIC_LABEL } from './format-reply.js';
import { wallClock } from './wall-clock.js';
import type { ValueCheckIntent } from './parse-value-check.js';
import type { TimeSpan } from './parse-time-span.js';
import { plural } from './text-tools.js';
import { nearestRank } from './tally.js';

const WEEK: TimeSpan = { kind: 'last', ms: 7 * 86_400_000 };
// Past these shares of its own readings a value is out of the ordinary for the series.
const RARE = 0.05;
// Days of samples at this hour before the hour's own range is given.
const MIN_DAYS = 3;
const DAY = 86_400_000;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The local day and minute of the day of an instant on `zone`'s clock (UTC without one). */
function dayAndMinute(zone: string | undefined): (ts: number) => { day: number; minute: number } {
  const wall = wallClock(zone);
  return (ts) => {
    const w = wall(ts);
    return { day: Math.floor(w / DAY), minute: Math.floor((((w % DAY) + DAY) % DAY) / 60_000) };
  };
}

/** Whether a minute of the day is in [from, until), a window that may run past midnight. */
const within = (m: number, from: number, until: number) => (from <= until ? m >= from && m < until : m >= from || m < until);

/**
 * "Is 40% cpu normal for web-1?", "is 300 ms latency high for api-1?": where a value sits among the
 * series' own stored readings (the share below it, with the median and the middle 90%), what the
 * robust detector takes as usual now, and the threshold rule's line. Pure over the store and the
 * detectors. One target, or the fleet's readings pooled when none is named.
 */
export function answerValueCheck(i: ValueCheckIntent, c: AnswerContext): string {
  const metric = METRICS_OF[i.metric][0]!;
  const label = METRIC_LABEL[metric] ?? metric;
  const b = spanBounds(i.span ?? WEEK, c);
  if (b.ahead) return b.ahead;
  const names = i.target ? [i.target] : (i.group ?? c.targets.map((t) => t.name));
  const who = i.target ?? (i.group ? i.group.join(', ') : 'the fleet');
  const stored = names.flatMap((n) => c.store.series(n, metric, b.from, b.until));
  // "Normal at 3am?": that part of each day kept, on the clock it was typed on.
  const part = i.ofDay;
  const clockOf = dayAndMinute(part ? part.from.zone : c.zone);
  const samples = part ? stored.filter((s) => within(clockOf(s.ts).minute, part.from.minute, part.until.minute)) : stored;
  const partDays = part ? new Set(samples.map((s) => clockOf(s.ts).day)).size : 0;
  const when = part
    ? `${b.label} between ${hhmm(part.from.minute)} and ${hhmm(part.until.minute)} ${part.from.zone ?? 'UTC'} (${plural(partDays, 'day')})`
    : b.label;
  const values = samples.map((s) => s.value).sort((x, y) => x - y);
  const v = formatValue(metric, i.value);
  if (!values.length) return `No ${label} readings for ${who} ${when}, so I cannot say whether ${v} is usual there.`;
  const at = (q: number) => nearestRank(values, q);
  const below = values.filter((x) => x < i.value).length / values.length;
  const equal = values.filter((x) => x === i.value).length / values.length;
  // Ties count with the value: one that every reading equals is as usual as it gets, not "above 0%".
  const [reached, undercut] = [1 - below, below + equal];
  const n = values.length;
  // "all", "all but 3", or a share: 1 in 2,901 is not "100%".
  const share = (others: number) => (others === 0 ? 'all' : others / n < 0.01 ? `all but ${others}` : pct(1 - others / n));
  const verdict =
    reached < RARE
      ? `unusually high for ${who}: above ${share(values.filter((x) => x >= i.value).length)} of its ${plural(n, 'reading')} ${when}`
      : undercut < RARE
        ? `unusually low for ${who}: below ${share(values.filter((x) => x <= i.value).length)} of its ${plural(n, 'reading')} ${when}`
        : `within what ${who} usually shows: ${pct(below)} of its ${plural(n, 'reading')} ${when} were lower${equal >= 0.25 ? `, ${pct(equal)} the same` : ''}`;
  const lines = [
    `${v} ${label} is ${verdict} (median ${formatValue(metric, at(0.5))}; the middle 90% ${formatValue(metric, at(0.05))}–${formatValue(metric, at(0.95))}; highest ${formatValue(metric, values.at(-1)!)}).`,
  ];
  // A series with a daily cycle: the same hour of the day over several days says more than the week.
  const hour = Math.floor(clockOf(c.now).minute / 60);
  const same = part ? [] : samples.filter((s) => Math.floor(clockOf(s.ts).minute / 60) === hour);
  const days = new Set(same.map((s) => clockOf(s.ts).day)).size;
  if (days >= MIN_DAYS && same.length >= 20) {
    const h = same.map((s) => s.value).sort((x, y) => x - y);
    const [lo, mid, hi] = [nearestRank(h, 0.05), nearestRank(h, 0.5), nearestRank(h, 0.95)];
    const where = i.value > hi ? 'above' : i.value < lo ? 'below' : 'within';
    lines.push(
      `At this hour of the day (${hhmm(hour * 60)}–${hhmm(((hour + 1) % 24) * 60)} ${c.zone ?? 'UTC'}, over ${days} days) it runs a median ${formatValue(metric, mid)}, the middle 90% ${formatValue(metric, lo)}–${formatValue(metric, hi)}: ${v} is ${where} that.`,
    );
  }
  if (i.target && c.detectors) {
    const seen = c.detectors.inspect(i.target, metric);
    const r = seen.robust;
    // Its usual range is of now: beside a question about 3am it would answer another question.
    if (r && r.samples >= r.warmUp && !part)
      lines.push(
        `The robust detector takes ${formatValue(metric, r.expectedLow)}–${formatValue(metric, r.expectedHigh)} as usual now; it alarms on a spike or shift of ${r.minDeviation} robust deviations, not on a value just outside that.`,
      );
    const t = seen.threshold;
    if (t && (t.above !== undefined || t.below !== undefined))
      lines.push(
        `The threshold rule fires ${t.above !== undefined ? `above ${formatValue(metric, t.above)}` : `below ${formatValue(metric, t.below!)}`} for ${plural(t.forSamples, 'sample')} (${t.severity}), so ${v} ${(t.above !== undefined && i.value > t.above) || (t.below !== undefined && i.value < t.below) ? 'would fire it if it held' : 'would not fire it'}.`,
      );
  }
  if (unitOf(metric) === '%' && (i.value < 0 || i.value > 100)) lines.push(`(${v} is outside 0–100%: no reading can be that.)`);
  return lines.join('\n');
}

const pct = (share: number) => `${Math.round(100 * share)}%`;
