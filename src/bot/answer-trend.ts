import type { Anomaly } from '../core/anomaly.js';
import { figureMetric, unitOf } from '../core/metrics.js';
import { METRIC_KEY } from './alert-thread.js';
import type { Sample } from '../core/sample.js';
import { ruleFor } from '../pipeline/detect/threshold-detector.js';
import { untilTs, type ClockTime } from './parse-clock.js';
import type { AnswerContext } from './answer-intent.js';
import { ALL_METRICS, METRICS_OF, spanBounds, windowSpan } from './answer-metric-span.js';
import { departure, estimateTrend, MIN_TREND_MS, MIN_TREND_SAMPLES, type Departure, type Trend } from './estimate-trend.js';
import { clock, formatValue, METRIC_LABEL, stamp, table } from './format-reply.js';
import type { MetricKey } from './parse-intent.js';
import type { TimeSpan } from './parse-time-span.js';
import { formatDuration } from './text-tools.js';
import { fine, formatRate, type RatePer } from './trend-rate.js';
import { answerLeak } from './leak-verdict.js';
import { longerLook } from './trend-longer-look.js';
import { awayFrom, describeProjections, FILLS, HORIZON, horizonOf, project, towards } from './trend-projection.js';

export interface TrendQuestion {
  metric?: MetricKey;
  target?: string;
  group?: string[];
  span?: TimeSpan;
  /** "Is it getting worse?": of the worst open anomaly's series, or of `anomalyId`'s when the conversation named one. */
  open?: boolean;
  anomalyId?: string;
  /** "What will disk be in 6 hours?": the line read that far ahead of now. */
  aheadMs?: number;
  /** "What will cpu be at 18:00?": the line read at the next such time. */
  aheadAt?: ClockTime;
  /** "When will web-1 disk reach 90%?": the time to this level instead of the threshold rule's and full. */
  level?: number;
  /** "How fast is disk growing per day?": rates in that unit, fitted over at least that long. */
  per?: RatePer;
  leak?: boolean;
}

/** "Is it getting worse?" with nothing named: the series of the worst open anomaly (critical, then the newest), over the last hour. */
function followOpen(q: TrendQuestion, c: AnswerContext): string {
  const rank = (a: Anomaly) => (a.severity === 'critical' ? 1 : 0);
  const named = q.anomalyId ? c.store.getAnomaly(q.anomalyId) : undefined;
  if (named && METRIC_KEY[figureMetric(named)]) {
    const metric = METRIC_KEY[figureMetric(named)]!;
    const trend = answerTrend({ target: named.target, metric, span: q.span ?? { kind: 'last', ms: 3_600_000 } }, c);
    return `${named.id} (${named.severity}, ${named.target} ${METRIC_LABEL[figureMetric(named)] ?? metric}, ${named.status}); its series:\n${trend}`;
  }
  const worst = c.store
    .openAnomalies()
    .filter((a) => METRIC_KEY[figureMetric(a)])
    .sort((x, z) => rank(z) - rank(x) || z.startTs - x.startTs)[0];
  if (!worst) return 'Nothing is open, so there is no "it" to follow: name it ("is web-1 cpu getting worse?"), or ask "any trends?".';
  const metric = METRIC_KEY[figureMetric(worst)]!;
  const trend = answerTrend({ target: worst.target, metric, span: q.span ?? { kind: 'last', ms: 3_600_000 } }, c);
  return `The worst open anomaly is ${worst.id} (${worst.severity}, ${worst.target} ${METRIC_LABEL[figureMetric(worst)] ?? metric}); its series:\n${trend}`;
}

/** Six hours: long enough to see past a few minutes of noise, short enough to follow a leak. */
export const DEFAULT_TREND_MS = 6 * 3_600_000;
const HOUR = 3_600_000;
const FLEET = ['cpu', 'memory', 'disk'];

interface Fit {
  m: string;
  t: Trend | undefined;
  count: number;
  last?: Sample;
  /** Time between the window's first and last sample. */
  span: number;
  /** The stretch at the window's end that its line does not describe (a disk that filled in the last minutes). */
  left?: Departure;
  /** The window reaches back before the first sample kept: a longer one would fit the same line. */
  allKept?: boolean;
  per: RatePer;
}

/** "db-1 disk 65.5% now: 24.5 points below 90.0%." Points for a share, the unit otherwise. */
function gapLine(target: string, metric: string, value: number, level: number): string {
  const d = Math.abs(level - value);
  const by = unitOf(metric) === '%' ? `${d.toFixed(1)} points` : formatValue(metric, d);
  const side =
    value === level ? `at ${formatValue(metric, level)}` : `${by} ${value < level ? 'below' : 'above'} ${formatValue(metric, level)}`;
  return `${target} ${METRIC_LABEL[metric] ?? metric} ${formatValue(metric, value)} now: ${side}.`;
}

function oneLine(target: string, g: Fit, c: AnswerContext, level?: number, said: 'ask' | 'below' = 'ask'): string {
  const hint = said === 'ask' && g.allKept ? 'kept' : said;
  const { m, t } = g;
  const label = METRIC_LABEL[m] ?? m;
  // Clock times for the last day, dates beyond it ("yesterday", "the last 3 days").
  const at = (ts: number) => (c.now - ts > 20 * 3_600_000 || (t && t.until - t.from > 20 * 3_600_000) ? stamp(ts) : clock(ts));
  const latest = g.last ? ` ${formatValue(m, g.last.value)} at ${at(g.last.ts)}` : '';
  if (!t)
    return `${target} ${label}${latest}: too little history for a trend (${g.count} sample${g.count === 1 ? '' : 's'} over ${formatDuration(g.span)}; a trend needs at least ${MIN_TREND_SAMPLES} spanning ${formatDuration(MIN_TREND_MS)}).`;
  const fitted = `line ${formatValue(m, t.start)} at ${at(t.from)} → ${formatValue(m, t.level)} at ${at(t.until)}`;
  const scatter = `scatter ±${fine(m, t.scatter)}`;
  const move = `${t.perHour > 0 ? 'rising' : 'falling'} ${formatRate(m, t.perHour, g.per)}`;
  const window = t.clear
    ? `${move} (${fitted}; ${t.n} samples, ${scatter})`
    : `no clear trend (${formatRate(m, t.perHour, g.per)}, within the ${scatter}; ${fitted}; ${t.n} samples)`;
  // A series that just broke away ("memory 97% now, jumped since 23:21") leads with the break: the window's
  // line ("falling 0.4 %/h") said first would read as where it is heading.
  if (g.left) return `${target} ${label}${latest}: ${leftLine(target, g, c, at).replace(/^ But since/, 'since')} Before that, ${window}.`;
  if (!t.clear) return `${target} ${label}${latest}: ${window}.`;
  return `${target} ${label}${latest}, ${window}.${describeProjections(project(target, m, t, c, level), t, level === undefined ? awayFrom(target, m, t, c) : towards(m, t, level), hint)}`;
}

/**
 * "But since 09:05 it has left that line": a window's line says little about now when the latest
 * samples are far off it. The stretch gets its own line when it is long enough, else its change.
 */
function leftLine(target: string, g: Fit, c: AnswerContext, at: (ts: number) => string): string {
  const d = g.left;
  if (!d) return '';
  const { m } = g;
  const head = ` But since ${at(d.from.ts)} it has left its line over the window: ${formatValue(m, d.from.value)} then, ${formatValue(m, d.last.value)} at ${at(d.last.ts)}`;
  const r = d.trend;
  if (r?.clear)
    return `${head}, ${r.perHour > 0 ? 'rising' : 'falling'} ${formatRate(m, r.perHour, g.per)} (${r.n} samples).${describeProjections(project(target, m, r, c), r, awayFrom(target, m, r, c))}`;
  const ms = d.last.ts - d.from.ts;
  const change = d.last.value - d.from.value;
  const by = unitOf(m) === '%' ? `${Math.abs(change).toFixed(1)} points` : formatValue(m, Math.abs(change));
  return ms > 0 ? `${head} (${change >= 0 ? '+' : '-'}${by} in ${formatDuration(ms)}, too short a stretch to project).` : `${head}.`;
}

/**
 * "api-1 disk in 6 h (09:00 UTC): about 37.8% if this line holds": the line read ahead of now, never
 * past four times the window it was fitted over; without a clear trend, the level now. A series that
 * left its line is read along its new stretch, or not at all when that is too short.
 */
function aheadLine(target: string, g: Fit, aheadMs: number, c: AnswerContext): string {
  const label = METRIC_LABEL[g.m] ?? g.m;
  const when = `${target} ${label} in ${formatDuration(aheadMs)} (${stamp(c.now + aheadMs)})`;
  const t = g.left ? g.left.trend : g.t;
  if (!t)
    return g.left
      ? `${when}: not projected, since it left its line at ${clock(g.left.from.ts)} and the stretch since is too short for a line of its own.`
      : `${when}: not projected, too little history for a line.`;
  if (aheadMs > horizonOf(t))
    return `${when}: too far ahead for a line fitted over ${formatDuration(t.until - t.from)} (at most ${formatDuration(horizonOf(t))}); ${
      g.allKept
        ? `that is every sample kept (since ${stamp(t.from)}: retention.samplesHours, or since the target was first read), so a longer window would not help`
        : 'ask over a longer window ("… over the last 3 days")'
    }.`;
  const v = readAhead(g.m, t, c.now + aheadMs);
  const spread = t.scatter > 0 ? `, give or take ${fine(g.m, 2 * t.scatter)} (twice the scatter around the line)` : '';
  return `${when}: about ${formatValue(g.m, v)}${t.clear ? ' if this line holds' : ', where it is now: no clear trend to carry forward'}${spread}. A line knows nothing of spikes or daily cycles.`;
}

/** The line read at `at`: carried forward when clear, else the level now; a share stays within 0–100%. */
function readAhead(m: string, t: Trend, at: number): number {
  const raw = t.clear ? t.level + (t.perHour * (at - t.until)) / HOUR : t.level;
  return unitOf(m) === '%' ? Math.min(100, Math.max(0, raw)) : Math.max(0, raw);
}

/** "What will cpu be at 18:00?" for each of a fleet: the value its line reads then, or "-" where it cannot be read so far ahead. */
function aheadCell(g: Fit, aheadMs: number, now: number): string {
  const t = g.left ? g.left.trend : g.t;
  return t && aheadMs <= horizonOf(t) ? `~${formatValue(g.m, readAhead(g.m, t, now + aheadMs))}` : '-';
}

/**
 * "What's trending up?", "is anything getting worse?": before the table, which series rise clearly (the
 * soonest to a limit first, then the fastest), how many fall, and any that left their line.
 */
function fleetLead(fits: { n: string; got: Fit[] }[], label: string, c: AnswerContext): string {
  const all = fits.flatMap((f) =>
    f.got.map((g) => ({ n: f.n, g, first: g.t ? project(f.n, g.m, g.t, c).find((p) => p.ms !== undefined) : undefined })),
  );
  const up = all
    .filter((r) => !r.g.left && r.g.t?.clear && r.g.t.perHour > 0)
    .sort((a, z) => (a.first?.ms ?? Infinity) - (z.first?.ms ?? Infinity) || z.g.t!.perHour - a.g.t!.perHour);
  const down = all.filter((r) => !r.g.left && r.g.t?.clear && r.g.t.perHour < 0).length;
  const name = (r: (typeof all)[number]) => `${r.n} ${METRIC_LABEL[r.g.m] ?? r.g.m}`;
  const shown = up
    .slice(0, 5)
    .map(
      (r) =>
        `${name(r)} ${formatRate(r.g.m, r.g.t!.perHour, r.g.per)}${r.first ? ` (${r.first.limit.name} in ~${formatDuration(r.first.ms!)})` : ''}`,
    );
  const left = all.filter((r) => r.g.left).map((r) => `${name(r)} (${formatValue(r.g.m, r.g.left!.last.value)} now)`);
  return (
    (up.length
      ? `Rising clearly ${label}: ${shown.join(', ')}${up.length > 5 ? `, and ${up.length - 5} more` : ''}.`
      : `Nothing rises clearly ${label}.`) +
    ` Falling clearly: ${down}.` +
    (left.length ? ` Left their line in the last minutes: ${left.join(', ')}.` : '') +
    (up.length && !up[0]!.first
      ? ` None${left.length ? ' of the others' : ''} reaches a threshold${up.some((r) => FILLS.has(r.g.m)) ? ' or 100%' : ''} within 4× the window at these rates.`
      : '') +
    '\n'
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const cell = ({ m, t, per }: Fit) => (!t ? '-' : t.clear ? formatRate(m, t.perHour, per) : 'flat');

/**
 * "Is disk filling up on db-1?", "memory trend", "when will db-1 run out of space?": a robust line
 * through the stored samples of the window (the last 6 h unless asked), its rate, and when it would
 * reach the metric's threshold rule or 100 % — only within four times the window, and only when
 * the change is larger than the scatter around the line.
 */
export function answerTrend(asked: TrendQuestion, c: AnswerContext): string {
  // "At 18:00" is read as the time until then (the next 18:00 in the asker's zone, if the time said none).
  const at = asked.aheadAt && (c.zone && !asked.aheadAt.zone ? { ...asked.aheadAt, zone: c.zone } : asked.aheadAt);
  const q = at ? { ...asked, aheadMs: untilTs(at, c.now) - c.now } : asked;
  if (q.open && !q.target && !q.group && !q.metric) return followOpen(q, c);
  if (q.leak) return answerLeak(q.target ? [q.target] : (q.group ?? c.targets.map((x) => x.name)), c);
  // Asked further ahead than 4× the default window ("by friday"), the line is fitted over a quarter of that, a month at most;
  // asked per day (week), over at least a day (week), so that the rate is one seen over that long.
  const least = q.per === 'week' ? 168 * HOUR : q.per === 'day' ? 24 * HOUR : DEFAULT_TREND_MS;
  const span = windowSpan(q.span, Math.max(least, Math.min(720 * HOUR, (q.aheadMs ?? 0) / HORIZON)));
  const b = spanBounds(span, c);
  if (b.ahead) return b.ahead;
  const metrics = q.metric ? METRICS_OF[q.metric] : q.target ? ALL_METRICS : FLEET;
  const names = q.target ? [q.target] : (q.group ?? c.targets.map((x) => x.name));
  const fits = names.map((n) => ({
    n,
    got: metrics.map((m): Fit => {
      const pts = c.store.series(n, m, b.from, b.until);
      const last = pts.at(-1);
      const t = estimateTrend(pts);
      const left = t ? departure(pts, t) : undefined;
      return {
        m,
        t,
        per: q.per ?? 'hour',
        count: pts.length,
        span: last ? last.ts - pts[0]!.ts : 0,
        ...(last ? { last } : {}),
        ...(pts.length && pts[0]!.ts - b.from > 2 * c.staleAfterMs ? { allKept: true } : {}),
        ...(left ? { left } : {}),
      };
    }),
  }));
  const what = q.metric ? (METRIC_LABEL[metrics[0]!] ?? q.metric) : 'metric';
  const none = `No ${what} samples${q.target ? ` for ${q.target}` : ''} ${b.label}, so no trend to give.`;
  if (q.target) {
    const got = fits[0]!.got.filter((g) => g.count > 0);
    if (got.length === 0) return none;
    // A forecast alert open on the series says the same from the last hour: it is named with the answer.
    const forecasts = c.store
      .openAnomalies()
      .filter((a) => a.target === q.target && a.detector === 'forecast' && got.some((g) => g.m === a.metric))
      .map((a) => `Open now: ${a.id} (forecast)${a.summary ? `: ${a.summary}` : ''}.`);
    const ahead = q.aheadMs ? got.map((g) => aheadLine(q.target!, g, q.aheadMs!, c)) : [];
    // "How far is db-1 disk from 90%?": the gap now leads, then when the line gets there.
    const gap = q.level === undefined ? [] : got.flatMap((g) => (g.last ? [gapLine(q.target!, g.m, g.last.value, q.level!)] : []));
    // Over the default window only: a window said is the one asked for.
    const longer = got.map((g) => (q.span || q.aheadMs || g.left ? undefined : longerLook(q.target!, g.m, g.t, c, q.level)));
    return [
      ...gap,
      ...ahead,
      `Trend ${b.label}:`,
      ...got.map((g, k) => oneLine(q.target!, g, c, q.level, longer[k] ? 'below' : 'ask')),
      ...longer.filter((l) => l !== undefined),
      ...forecasts,
    ].join('\n');
  }
  const any = fits.filter((f) => f.got.some((g) => g.count > 0));
  if (any.length === 0) return none;

  if (metrics.length === 1) {
    const m = metrics[0]!;
    const rows = any.map((f) => {
      const g = f.got[0]!;
      const p = g.t ? project(f.n, m, g.t, c, q.level) : [];
      const first = p.find((x) => x.ms !== undefined);
      return { f, g, first };
    });
    // Those that left their line in the last minutes first (the window's rate says nothing of them),
    // then the soonest to a limit, then the fastest clear risers, then the rest.
    const rank = (r: (typeof rows)[number]) =>
      r.g.left
        ? -2e15 - Math.abs(r.g.left.last.value - r.g.t!.level)
        : r.first
          ? -1e15 + r.first.ms!
          : r.g.t?.clear
            ? -r.g.t.perHour
            : Infinity;
    rows.sort((a, z) => rank(a) - rank(z) || a.f.n.localeCompare(z.f.n));
    const clear = rows.filter((r) => r.g.t?.clear);
    const rising = clear.filter((r) => r.g.t!.perHour > 0).length;
    const soon = rows.find((r) => !r.g.left && r.first);
    const departed = rows.filter((r) => r.g.left);
    // "Which host will run out of disk first?" with none on course: the one climbing fastest, as a rate, not a date.
    const fastest = rows.find((r) => !r.g.left && r.g.t?.clear && r.g.t.perHour > 0);
    // A series already past its rule's line (or the level asked): no rate says when it gets there.
    const past = rows.flatMap((r) => {
      const v = r.g.left?.last.value ?? r.g.last?.value;
      if (q.level !== undefined) return v !== undefined && v >= q.level ? [`${r.f.n} ${formatValue(m, v)}`] : [];
      const rule = ruleFor(c.thresholds ?? [], r.f.n, m);
      const line =
        v === undefined
          ? undefined
          : rule?.above !== undefined && v > rule.above
            ? rule.above
            : rule?.below !== undefined && v < rule.below
              ? rule.below
              : undefined;
      return line === undefined ? [] : [`${r.f.n} ${formatValue(m, v!)} (the ${formatValue(m, line)} ${rule!.severity} threshold)`];
    });
    const lead =
      `${capitalise(METRIC_LABEL[m] ?? m)} ${b.label}: ${rising} of ${rows.length} targets rising clearly, ${clear.length - rising} falling.` +
      (departed.length
        ? ` Left their line in the last minutes (its rate says nothing of them): ${departed.map((r) => r.f.n).join(', ')}.`
        : '') +
      (past.length ? ` Already past ${q.level !== undefined ? formatValue(m, q.level) : 'a threshold'}: ${past.join(', ')}.` : '') +
      (soon
        ? ` First to reach a limit: ${soon.f.n}, ${soon.first!.limit.name} in about ${formatDuration(soon.first!.ms!)}.`
        : rising > 0 && FILLS.has(m)
          ? ` None${past.length || departed.length ? ' of the others' : ''} reaches ${q.level !== undefined ? formatValue(m, q.level) : 'a threshold or 100%'} within ${HORIZON}× its window at these rates${fastest ? `; the fastest rising is ${fastest.f.n} (${formatRate(m, fastest.g.t!.perHour, q.per)})` : ''}.`
          : '');
    // The forecast detector reads the last hour: what it has open says the same sooner.
    const forecasts = c.store
      .openAnomalies()
      .filter((a) => a.detector === 'forecast' && a.metric === m && rows.some((r) => r.f.n === a.target))
      .map((a) => `Open now: ${a.id} (forecast) on ${a.target}${a.summary ? `: ${a.summary}` : ''}.`);
    // The column is headed by the time as said (the asker's clock); the lead gives the instant, which a zoned reply rewrites.
    const said = at && `${String(Math.floor(at.minute / 60) % 24).padStart(2, '0')}:${String(at.minute % 60).padStart(2, '0')}`;
    const head =
      said && q.aheadMs
        ? ` At ${said} (${stamp(c.now + q.aheadMs)}), if each line holds: the "at ${said}" column (a line knows nothing of spikes or daily cycles).`
        : '';
    return `${lead}${head}\n${table(
      ['target', 'trend', 'fitted end', ...(said ? [`at ${said}`] : []), 'scatter', 'samples', 'reaches'],
      rows.map(({ f, g, first }) => [
        f.n,
        cell(g),
        g.t ? formatValue(m, g.t.level) : '-',
        ...(said && q.aheadMs ? [aheadCell(g, q.aheadMs, c.now)] : []),
        g.t ? `±${fine(m, g.t.scatter)}` : '-',
        String(g.count),
        g.left
          ? `left its line at ${clock(g.left.from.ts)}: ${formatValue(m, g.left.last.value)} now`
          : first
            ? `${first.limit.name} in ~${formatDuration(first.ms!)}`
            : '-',
      ]),
    )}${forecasts.length ? `\n${forecasts.join('\n')}` : ''}`;
  }
  // "left at 09:03: 97%": the window's rate says nothing of a series that left its line in the last minutes.
  const shown = (g: Fit) => (g.left ? `left at ${clock(g.left.from.ts)}: ${formatValue(g.m, g.left.last.value)}` : cell(g));
  const left = any.some((f) => f.got.some((g) => g.left));
  return `${fleetLead(any, b.label, c)}Trends ${b.label} (per ${q.per ?? 'hour'}; "flat" = change within the scatter; "-" = too little history${left ? '; "left at" = off its line since then, and where it is now' : ''}):\n${table(
    ['target', ...metrics.map((m) => METRIC_LABEL[m] ?? m)],
    any.map((f) => [f.n, ...f.got.map(shown)]),
  )}`;
}
