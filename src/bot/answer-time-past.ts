import type { AnswerContext } from './answer-intent.js';
import { answerTimeBoth } from './answer-time-both.js';
import { metricsOf, spanBounds, windowSpan } from './answer-metric-span.js';
import { clock, formatValue, METRIC_LABEL, stamp, table } from './format-reply.js';
import type { MetricKey } from './intent.js';
import { lineOf, type Bound, type BoundAsk } from './parse-bound.js';
import { MAX_SPAN, type TimeSpan } from './parse-time-span.js';
import { stretchesPast, type Stretch, type StretchesPast } from './stretches-past.js';
import { formatDuration, plural } from './text-tools.js';

export interface TimePastQuestion {
  metric: MetricKey;
  target?: string;
  group?: string[];
  /** No span: every stored sample. */
  span?: TimeSpan;
  bound: Bound;
  ask: BoundAsk;
  /** The free share; the store given must read it (withFreeFigures). */
  free?: boolean;
  /** "… and memory above 50%": a second condition, the time both held at once (answer-time-both.ts). */
  also?: { metric: MetricKey; bound: Bound } | undefined;
}

/** Stretches listed under a one-series answer, latest first. */
const SHOWN = 5;

interface Row {
  n: string;
  m: string;
  s: StretchesPast;
  firstTs: number;
  lastTs: number;
}

const total = (s: StretchesPast) => s.stretches.reduce((a, x) => a + (x.endTs - x.startTs), 0);

/**
 * "When did web-1 cpu last exceed 80%?", "how long was db-1 above 50% disk today?", "how many times
 * did api-1 go over 90%?", "which hosts had cpu above 90% today?": the stretches of stored readings
 * past the bound, with the time spent past it and the readings that back it. Only stored samples are
 * read, so the reply says where they begin when that is later than the time asked about.
 */
export function answerTimePast(q: TimePastQuestion, c: AnswerContext): string {
  if (q.also) return answerTimeBoth({ ...q, also: q.also }, c);
  const b = spanBounds(windowSpan(q.span, MAX_SPAN), c);
  if (b.ahead) return b.ahead;
  const t = (ts: number) => (b.until - b.from > 20 * 3_600_000 ? stamp(ts) : clock(ts));
  const metrics = metricsOf(q.metric, q.free) ?? [];
  const names = q.target ? [q.target] : (q.group ?? c.targets.map((x) => x.name));
  const o = { now: c.now, freshMs: c.staleAfterMs, breakAfterMs: c.staleAfterMs };
  const rows: Row[] = names.flatMap((n) =>
    metrics.flatMap((m) => {
      const points = c.store.series(n, m, b.from, b.until);
      return points.length
        ? [{ n, m, s: stretchesPast(points, q.bound, o), firstTs: points[0]!.ts, lastTs: points[points.length - 1]!.ts }]
        : [];
    }),
  );
  const label = metrics.length === 1 ? (METRIC_LABEL[metrics[0]!] ?? metrics[0]!) : q.metric;
  const side = lineOf(q.bound, (v) => formatValue(metrics[0] ?? '', v));
  if (!rows.length)
    return `No ${label} samples${q.target ? ` for ${q.target}` : ''} ${b.label}. Samples older than retention.samplesHours (config) are pruned.`;
  // "Ever" on a store that keeps a day: say what "ever" covers.
  const first = Math.min(...rows.map((r) => r.firstTs));
  const late = first - b.from > Math.max(3_600_000, (b.until - b.from) / 10);
  const covers = !late ? '' : b.until - b.from >= MAX_SPAN ? ` (since ${stamp(first)})` : ` (stored samples begin ${stamp(first)})`;
  const when = `${b.label}${covers}`;
  if (rows.length === 1) return oneSeries(rows[0]!, q, { label: METRIC_LABEL[rows[0]!.m] ?? rows[0]!.m, side, when, t, now: c.now });
  return fleet(rows, q, { label, side, when, t, several: metrics.length > 1 });
}

interface Words {
  label: string;
  side: string;
  when: string;
  t: (ts: number) => string;
}

/** "1.3%": the share of readings past the line, what "what percent of the time" asks. */
const share = (past: number, samples: number) => `${((100 * past) / samples).toFixed(past * 1000 < samples ? 2 : 1)}%`;
const peakWord = (q: TimePastQuestion) => (q.bound.above ? 'peak' : 'lowest');
const sameDay = (a: number, z: number) => Math.floor(a / 86_400_000) === Math.floor(z / 86_400_000);

/** "05:02:00–05:09:00 UTC (7 min)", "2026-12-04 22:27:00–22:30:00 UTC (3 min)", "…–now": one day's date once. */
function range(x: Stretch, w: Words): string {
  const from = w.t(x.startTs).replace(/ UTC$/, '');
  const until = x.ongoing ? 'now' : sameDay(x.startTs, x.endTs) ? clock(x.endTs) : stamp(x.endTs);
  const gap = x.gap ? `, then no readings for ${formatDuration(x.gap.until - x.gap.from)}` : '';
  return `${from}–${until} (${formatDuration(x.endTs - x.startTs)}${gap})`;
}

/**
 * Readings that stopped and came back still past the line end a stretch (nothing says what happened
 * meanwhile), but "how long has it been above?" should hear that it was above before the gap too.
 */
function acrossGaps(stretches: Stretch[], w: Words): string {
  let i = stretches.length - 1;
  while (i > 0 && stretches[i - 1]!.gap?.until === stretches[i]!.startTs) i--;
  const gaps = stretches.length - 1 - i;
  if (!gaps) return '';
  const gap = stretches[stretches.length - 2]!.gap!;
  const earlier = gaps > 1 ? ` (and ${plural(gaps - 1, 'earlier gap')})` : '';
  return ` Before that, no readings for ${formatDuration(gap.until - gap.from)}${earlier}; every reading before was ${w.side} too, back to ${w.t(stretches[i]!.startTs)}.`;
}

function oneSeries(r: Row, q: TimePastQuestion, w: Words & { now: number }): string {
  const { stretches, past, samples } = r.s;
  const who = `${r.n} ${w.label}`;
  const read = `${past} of ${plural(samples, 'sample')}, ${share(past, samples)}`;
  const latest = r.s.latest!;
  const now = `${formatValue(r.m, latest.value)} at ${w.t(latest.ts)}`;
  if (!stretches.length) {
    const e = (q.bound.above ? r.s.highest : r.s.lowest)!;
    const within = `${plural(samples, 'sample')}, ${w.t(r.firstTs)}–${w.t(r.lastTs)}`;
    return `${q.ask === 'list' ? `No: ${who} was not` : `${who} was never`} ${w.side} ${w.when}; its ${peakWord(q)} was ${formatValue(r.m, e.value)} at ${w.t(e.ts)} (${within}).`;
  }
  const last = stretches[stretches.length - 1]!;
  const peak = (x: Stretch) =>
    `${peakWord(q)} ${formatValue(r.m, x.peak.value)} at ${sameDay(x.startTs, x.peak.ts) ? clock(x.peak.ts) : stamp(x.peak.ts)}`;
  const all = `${formatDuration(total(r.s))} in all, in ${plural(stretches.length, 'stretch', 'stretches')} (${read})`;
  const still = last.ongoing ? `; it still is (${now})` : '';
  const one = (x: Stretch) => `${range(x, w)}, ${peak(x)}`;
  const ago = `${formatDuration(w.now - last.endTs)} ago`;
  // "When was it last this high?": the latest reading is the line. Readings past it just before now make it nothing new;
  // else the answer is the stretch before the one the latest reading opened.
  const thisHigh = () => {
    const before = stretches.filter((x) => !x.ongoing && x.endTs <= latest.ts).at(-1);
    const earlier = before
      ? `it was last ${w.side} ${formatDuration(w.now - before.endTs)} ago: ${one(before)}`
      : `it was not ${w.side} before, ${w.when}`;
    if (last.ongoing && last.startTs < latest.ts)
      return `${who} is ${now}; it has been ${w.side} since ${w.t(last.startTs)} (${formatDuration(latest.ts - last.startTs)}). Before that, ${earlier}.`;
    return `${who} is ${now}; ${earlier}.`;
  };
  const lead: Record<BoundAsk, () => string> = {
    last: () =>
      q.bound.current
        ? thisHigh()
        : last.ongoing
          ? `${who} is ${w.side} now (${now}): ${one(last)}.`
          : `${who} was last ${w.side} ${ago}: ${one(last)}.`,
    since: () =>
      last.ongoing
        ? `${who} has been ${w.side} since ${w.t(last.startTs)}: ${formatDuration(w.now - last.startTs)} so far (${now}); ${peak(last)}.${acrossGaps(stretches, w)}`
        : `${who} is not ${w.side} now (${now}). It was last ${w.side} ${ago}: ${one(last)}.`,
    first: () => {
      const x = stretches[0]!;
      return `${who} was first ${w.side} at ${w.t(x.startTs)}, for ${formatDuration(x.endTs - x.startTs)}; ${peak(x)}.`;
    },
    count: () =>
      `${who} went ${w.side} ${stretches.length === 1 ? 'once' : `${stretches.length} times`} ${w.when}: ${formatDuration(total(r.s))} in all (${read})${still}.`,
    duration: () => `${who} was ${w.side} for ${all} ${w.when}${still}.`,
    list: () => `Yes: ${who} was ${w.side} for ${all} ${w.when}${still}.`,
  };
  // A time asked for gets that stretch and the totals around it; a count or a duration gets the stretches.
  if (q.ask === 'last' || q.ask === 'since' || q.ask === 'first') {
    const context = stretches.length > 1 ? [`${w.when[0]!.toUpperCase()}${w.when.slice(1)}: ${all}.`] : [];
    return [lead[q.ask](), ...context].join('\n');
  }
  const shown = stretches.slice(-SHOWN).reverse();
  const longest = stretches.reduce((a, x) => (x.endTs - x.startTs > a.endTs - a.startTs ? x : a));
  const more = stretches.length - shown.length;
  const rest = more ? [`…and ${more} earlier${shown.includes(longest) ? '' : `; the longest: ${one(longest)}`}.`] : [];
  return [lead[q.ask](), ...shown.map((x) => `• ${one(x)}`), ...rest].join('\n');
}

function fleet(rows: Row[], q: TimePastQuestion, w: Words & { several: boolean }): string {
  const hit = rows.filter((r) => r.s.stretches.length);
  const targets = new Set(rows.map((r) => r.n)).size;
  const hitTargets = new Set(hit.map((r) => r.n)).size;
  if (!hit.length) {
    const best = rows.map((r) => ({ r, e: (q.bound.above ? r.s.highest : r.s.lowest)! }));
    const e = best.reduce((a, x) => ((q.bound.above ? x.e.value > a.e.value : x.e.value < a.e.value) ? x : a));
    const closest = `${q.bound.above ? 'highest' : 'lowest'}: ${e.r.n} ${formatValue(e.r.m, e.e.value)} at ${w.t(e.e.ts)}`;
    return `No: no target had ${w.label} ${w.side} ${w.when} (${plural(targets, 'target')} read; ${closest}).`;
  }
  const lastOf = (r: Row) => r.s.stretches[r.s.stretches.length - 1]!;
  const key = (r: Row) => (q.ask === 'last' ? lastOf(r).endTs : q.ask === 'first' ? -r.s.stretches[0]!.startTs : total(r.s));
  hit.sort((a, z) => key(z) - key(a));
  const peakOf = (r: Row) =>
    r.s.stretches.reduce(
      (a, x) => ((q.bound.above ? x.peak.value > a.value : x.peak.value < a.value) ? x.peak : a),
      r.s.stretches[0]!.peak,
    );
  const head = [
    'target',
    ...(w.several ? ['metric'] : []),
    `time ${w.side}`,
    'of readings',
    'stretches',
    'longest',
    q.ask === 'first' ? 'first' : 'last',
    peakWord(q),
  ];
  const body = hit.map((r) => {
    const at = q.ask === 'first' ? w.t(r.s.stretches[0]!.startTs) : lastOf(r).ongoing ? 'now' : w.t(lastOf(r).endTs);
    const p = peakOf(r);
    return [
      r.n,
      ...(w.several ? [METRIC_LABEL[r.m] ?? r.m] : []),
      formatDuration(total(r.s)),
      share(r.s.past, r.s.samples),
      String(r.s.stretches.length),
      formatDuration(Math.max(...r.s.stretches.map((x) => x.endTs - x.startTs))),
      at,
      formatValue(r.m, p.value),
    ];
  });
  const quiet = [...new Set(rows.map((r) => r.n))].filter((n) => !hit.some((r) => r.n === n));
  const times = hit.reduce((a, r) => a + r.s.stretches.length, 0);
  return [
    q.ask === 'count'
      ? `${w.label} went ${w.side} ${times === 1 ? 'once' : `${times} times`} ${w.when}, on ${hitTargets} of ${plural(targets, 'target')}:`
      : `${hitTargets} of ${plural(targets, 'target')} had ${w.label} ${w.side} ${w.when}:`,
    table(head, body),
    ...(quiet.length ? [`Not ${w.side}: ${quiet.join(', ')}.`] : []),
  ].join('\n');
}
