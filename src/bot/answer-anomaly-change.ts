import { dayDate, dayStart, namedDayBack } from './day-start.js';
import type { Anomaly } from '../core/anomaly.js';
import { figureMetric } from '../core/metrics.js';
import { watchingSince } from '../core/watching-since.js';
import { overlapMs } from '../core/overlap.js';
import { downtimes, STARTED } from '../observability/record-start.js';
import type { AnswerContext } from './answer-intent.js';
import { METRICS_OF } from './answer-metric-span.js';
import { METRIC_LABEL, stamp, table, unknownTargetReply } from './format-reply.js';
import type { Intent } from './intent.js';
import { groupEpisodes } from './episodes.js';
import { countEpisodes, nearestRank } from './tally.js';
import { formatDuration, plural } from './text-tools.js';

type ChangeQuestion = Extract<Intent, { kind: 'anomaly_change' }>;

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** How many periods back "usual" reads: a week of days, a month of weeks, a quarter of longer ones. */
const backFor = (ms: number) => (ms <= DAY ? 7 : ms <= 7 * DAY ? 4 : 3);
const READ_CAP = 100_000;

interface Window {
  from: number;
  until: number;
  label: string;
}

interface Figures {
  w: Window;
  list: Anomaly[];
  episodes: number;
  /** The part of the window I was watching: after I began, less the time I was not running. */
  watchedMs: number;
}

// Days to a tenth: "7 d" would hide the 6 h I was not running.
const watchedLabel = (ms: number) => (ms >= 2 * DAY ? `${(ms / DAY).toFixed(1)} d` : formatDuration(ms));
const hhmm = (ts: number) => stamp(ts).slice(11, 16);

/** This period and the ones before it, of equal length; "today" is today so far against the same hours before. */
function windowsOf(i: ChangeQuestion, now: number, zone?: string): { current: Window; before: Window[] } {
  const len = i.ms;
  const start = dayStart(now, zone);
  // "Today vs friday": that day alone, else yesterday or, for "usual", the week before.
  const named = i.against && namedDayBack(i.against, start, zone);
  const back = named ? [named.days] : Array.from({ length: i.usual ? backFor(len) : 1 }, (_, k) => k + 1);
  // "Yesterday vs the day before": two whole days.
  if (i.period === 'yesterday')
    return {
      current: { from: start - DAY, until: start, label: `yesterday (${dayDate(start - DAY, zone).slice(5, 10)})` },
      before: [{ from: start - 2 * DAY, until: start - DAY, label: `the day before (${dayDate(start - 2 * DAY, zone).slice(5, 10)})` }],
    };
  if (i.period === 'day') {
    // The asker's day when they have a display zone; each earlier day the same hours before.
    return {
      current: { from: start, until: now, label: `today so far (to ${hhmm(now)} UTC)` },
      before: back.map((k) => ({
        from: start - k * DAY,
        until: now - k * DAY,
        label:
          k === 1
            ? `yesterday to ${hhmm(now)} UTC`
            : named
              ? `${named.label} to ${hhmm(now)} UTC`
              : `${dayDate(start - k * DAY, zone).slice(5, 10)} to ${hhmm(now)} UTC`,
      })),
    };
  }
  return {
    current: { from: now - len, until: now, label: `the last ${formatDuration(len)}` },
    before: back.map((k) => ({
      from: now - (k + 1) * len,
      until: now - k * len,
      label: k === 1 ? `the ${formatDuration(len)} before` : `${formatDuration(k * len)} before`,
    })),
  };
}

/** Since when anomalies can be counted: when I began watching (or the oldest trace of it), and not past retention. */
function countableSince(c: AnswerContext, all: readonly Anomaly[]): number {
  const kept = c.about ? c.now - c.about().anomaliesDays * DAY : -Infinity;
  const marked = watchingSince(c.store);
  if (marked !== undefined) return Math.max(kept, marked);
  // A data dir from before the mark: the oldest anomaly or start kept is the most that can be claimed.
  const starts = c.store.recordsBetween(0, c.now, [STARTED], 10_000).map((r) => r.ts);
  return Math.max(kept, Math.min(c.now, ...all.map((a) => a.startTs), ...starts));
}

function figuresOf(asked: readonly Anomaly[], w: Window, since: number, off: { from: number; until: number }[], now: number): Figures {
  const list = asked.filter((a) => a.startTs >= w.from && a.startTs < w.until);
  const from = Math.max(w.from, since);
  const watchedMs = Math.max(0, w.until - from - overlapMs(from, w.until, off));
  return { w, list, episodes: countEpisodes(list, now), watchedMs };
}

/**
 * "Alerts this week vs last week", "more alerts than yesterday?", "more incidents than usual?": how
 * many started in this period against the one before (or the mean of those before), counted only
 * over time I was watching. Pure over the store.
 */
export function answerAnomalyChange(i: ChangeQuestion, c: AnswerContext): string {
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  const { current, before } = windowsOf(i, c.now, c.zone);
  const earliest = before[before.length - 1]!.from;
  const all = c.store.recentAnomalies(READ_CAP, earliest, c.now);
  const since = countableSince(c, all);
  const off = downtimes(c.store, earliest, c.now);
  const metrics: readonly string[] | undefined = i.metric ? METRICS_OF[i.metric] : undefined;
  const asked = all.filter(
    (a) =>
      (!i.target || a.target === i.target) &&
      (!i.group || i.group.includes(a.target)) &&
      (!i.severity || a.severity === i.severity) &&
      (!metrics || metrics.includes(figureMetric(a))),
  );
  const figures = (w: Window) => figuresOf(asked, w, since, off, c.now);
  const cur = figures(current);
  const what = `${i.severity ? `${i.severity} ` : ''}${metrics ? `${METRIC_LABEL[metrics[0]!] ?? i.metric} ` : ''}anomalies${
    i.target ? ` on ${i.target}` : i.group ? ` on ${i.group.join(', ')}` : ''
  }`;
  const curLine = `${cap(current.label)}: ${plural(cur.episodes, 'episode')} (${plural(cur.list.length, 'anomaly', 'anomalies')}).`;
  // Only a period I watched all of says what was usual; "the one before" may be partly watched, said as a rate.
  const len = (w: Window) => w.until - w.from;
  // A rate over a few minutes says nothing of a day: half the period watched, at least.
  const prior = before.map(figures).filter((f) => f.watchedMs >= (i.usual ? 0.9 : 0.5) * len(f.w));
  if (!prior.length) {
    const whole = i.usual ? 'any earlier period of the same length' : before[0]!.label;
    return [
      `I have counted anomalies only since ${stamp(since)} (when I began watching, or as far back as they are kept), so I cannot compare ${what} with ${whole}: too little of it was watched.`,
      curLine,
    ].join('\n');
  }
  // The period asked about mostly unwatched (I was not running): its rate is no evidence either way.
  if (cur.watchedMs < 0.5 * len(current) && !i.usual) {
    const then = prior[0]!;
    return [
      `I watched only ${formatDuration(cur.watchedMs)} of the ${formatDuration(len(current))} of ${current.label}: I was not running for the rest, too little to compare ${what} with ${then.w.label}.`,
      curLine,
      `${cap(then.w.label)}: ${plural(then.episodes, 'episode')} (${plural(then.list.length, 'anomaly', 'anomalies')}) in ${formatDuration(then.watchedMs)} watched.`,
    ].join('\n');
  }
  const shown = [cur, ...prior.slice(0, i.usual ? 0 : 1)];
  const byRate = shown.some((f) => f.watchedMs < 0.9 * len(f.w));
  const perDay = (f: Figures, n: number) => (f.watchedMs > 0 ? (n * DAY) / f.watchedMs : 0);
  const rows = [
    ['episodes', ...shown.map((f) => String(f.episodes))],
    ['anomalies', ...shown.map((f) => String(f.list.length))],
    ...(['critical', 'warning'] as const)
      .filter(() => !i.severity)
      .map((sev) => [sev, ...shown.map((f) => String(f.list.filter((a) => a.severity === sev).length))]),
    ['median to resolve', ...shown.map((f) => medianToResolve(f.list))],
    ['watched', ...shown.map((f) => watchedLabel(f.watchedMs))],
    ...(byRate ? [['episodes a day', ...shown.map((f) => perDay(f, f.episodes).toFixed(1))]] : []),
  ];
  const lines = [
    `${cap(what)}, ${current.label} against ${
      i.usual
        ? i.period === 'day'
          ? `the same hours of the ${plural(prior.length, 'day')} before that I watched whole`
          : `the ${plural(prior.length, 'period')} of ${formatDuration(i.ms)} before it that I watched whole`
        : prior[0]!.w.label
    }:`,
  ];
  if (i.usual) lines.push(usualLine(cur, prior), curLine);
  else {
    lines.push(table(['', ...shown.map((f) => f.w.label)], rows), changeLine(cur, prior[0]!, byRate));
    // Counts by target only mean something over equal watched time.
    if (!i.target && !byRate) lines.push(...movers(cur, prior[0]!, (a) => a.target, 'target'));
    if (!metrics && !byRate) lines.push(...movers(cur, prior[0]!, (a) => METRIC_LABEL[figureMetric(a)] ?? figureMetric(a), 'metric'));
  }
  const notes = [
    ...(since > earliest && !i.usual && prior[0]!.watchedMs < 0.9 * len(prior[0]!.w)
      ? [
          `I began counting at ${stamp(since)}, so ${prior[0]!.w.label} is ${formatDuration(prior[0]!.watchedMs)} of ${formatDuration(len(prior[0]!.w))}: compare the rates.`,
        ]
      : []),
    ...(overlapMs(earliest, c.now, off) > 0
      ? [
          `I was not running for ${formatDuration(overlapMs(earliest, c.now, off))} of these periods, which counts in neither ("when were you last restarted?").`,
        ]
      : []),
    'Episodes count the anomalies on one target and metric at overlapping times once.',
  ];
  return [...lines, ...notes].join('\n');
}

/** The median time from start to the detector's all-clear of those resolved ("MTTR"), or "-". */
function medianToResolve(list: readonly Anomaly[]): string {
  const times = list.flatMap((a) => (a.endTs === null ? [] : [a.endTs - a.startTs])).sort((x, z) => x - z);
  return times.length ? formatDuration(nearestRank(times, 0.5)) : '-';
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function changeLine(cur: Figures, prev: Figures, byRate: boolean, per: 'day' | 'hour' = 'day'): string {
  const unit = per === 'day' ? DAY : HOUR;
  const [a, b] = byRate
    ? [(cur.episodes * unit) / (cur.watchedMs || 1), (prev.episodes * unit) / (prev.watchedMs || 1)]
    : [cur.episodes, prev.episodes];
  // "1 episode", "3 episodes", "0.7 episodes a day watched", "1.2 episodes an hour watched".
  const fig = (n: number) => (byRate ? `${n.toFixed(1)} episodes ${per === 'day' ? 'a day' : 'an hour'} watched` : plural(n, 'episode'));
  if (a === b) return a === 0 ? 'None in either.' : `The same: ${fig(a)} in each.`;
  if (b === 0) return `Up from none: ${fig(a)}.`;
  const pct = Math.round((100 * (a - b)) / b);
  return `${a > b ? 'Up' : 'Down'} ${Math.abs(pct)}%: ${fig(a)} against ${byRate ? b.toFixed(1) : b}.`;
}

function usualLine(cur: Figures, prior: Figures[]): string {
  const counts = prior.map((f) => f.episodes);
  const mean = counts.reduce((s, n) => s + n, 0) / counts.length;
  const [lo, hi] = [Math.min(...counts), Math.max(...counts)];
  const where = cur.episodes > hi ? 'More than usual' : cur.episodes < lo ? 'Fewer than usual' : 'Within the usual range';
  return `${where}: ${plural(cur.episodes, 'episode')} against ${mean.toFixed(1)} on average (between ${lo} and ${hi}).`;
}

/** "More on: api-2 +8 (17, from 9). Fewer on: db-1 −4 (2, from 6).": episodes by key, the three largest changes each way. */
function movers(cur: Figures, prev: Figures, key: (a: Anomaly) => string, noun: string): string[] {
  const count = (f: Figures) => {
    const m = new Map<string, number>();
    for (const e of groupEpisodes(f.list, f.w.until)) {
      const k = key(e.members[0]!);
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const [a, b] = [count(cur), count(prev)];
  const diffs = [...new Set([...a.keys(), ...b.keys()])]
    .map((k) => ({ k, now: a.get(k) ?? 0, then: b.get(k) ?? 0 }))
    .filter((d) => d.now !== d.then);
  const say = (list: typeof diffs) =>
    list
      .slice(0, 3)
      .map((d) => `${d.k} ${d.now > d.then ? '+' : '−'}${Math.abs(d.now - d.then)} (${d.now}, from ${d.then})`)
      .join(', ');
  const up = diffs.filter((d) => d.now > d.then).sort((x, z) => z.now - z.then - (x.now - x.then) || x.k.localeCompare(z.k));
  const down = diffs.filter((d) => d.now < d.then).sort((x, z) => x.now - x.then - (z.now - z.then) || x.k.localeCompare(z.k));
  if (!up.length && !down.length) return [];
  return [`By ${noun}: ${[up.length ? `more on ${say(up)}` : '', down.length ? `fewer on ${say(down)}` : ''].filter(Boolean).join('; ')}.`];
}

/**
 * A digest's line: its window against the one before of the same length ("today" so far against
 * yesterday to the same time), or nothing when less than half of that one was watched.
 */
export function againstBefore(w: { from: number; until: number; target?: string }, c: AnswerContext): string[] {
  const end = Math.min(w.until, c.now);
  const today = w.from === dayStart(c.now, c.zone) && !Number.isFinite(w.until);
  const len = Number.isFinite(w.until) ? w.until - w.from : today ? DAY : c.now - w.from;
  if (len <= 0 || end <= w.from) return [];
  const prev = {
    from: w.from - len,
    until: end - len,
    label: today ? `yesterday to ${hhmm(c.now)} UTC` : `the ${formatDuration(len)} before`,
  };
  const all = c.store.recentAnomalies(READ_CAP, prev.from, end);
  const since = countableSince(c, all);
  const off = downtimes(c.store, prev.from, c.now);
  const asked = all.filter((a) => !w.target || a.target === w.target);
  const [now, then] = [
    figuresOf(asked, { from: w.from, until: end, label: '' }, since, off, c.now),
    figuresOf(asked, prev, since, off, c.now),
  ];
  // Either side mostly unwatched (restarts), a rate from minutes says nothing: "1 in 2 min" is not 720 a day.
  if ([now, then].some((f) => f.watchedMs < 0.5 * (f.w.until - f.w.from))) return [];
  const byRate = [now, then].some((f) => f.watchedMs < 0.9 * (f.w.until - f.w.from));
  return [`Against ${prev.label}: ${changeLine(now, then, byRate, len < 2 * DAY ? 'hour' : 'day')}`];
}
