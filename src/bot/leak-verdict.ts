import type { AnswerContext } from './answer-context.js';
import { estimateTrend, type Trend, type TrendPoint } from './estimate-trend.js';
import { formatValue, stamp } from './format-reply.js';
import { formatDuration } from './text-tools.js';
import { describeProjections, project } from './trend-projection.js';
import { formatRate } from './trend-rate.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Less than this of history cannot tell a leak from a busy afternoon. */
export const LEAK_MIN_MS = 6 * HOUR;
/** A fall of this many points within DROP_MS is a reset (a restart, a cache flush), not a wobble. */
const DROP_POINTS = 15;
const DROP_MS = 10 * 60_000;
const PARTS = 4;

export type LeakVerdict =
  | { kind: 'short'; keptMs: number }
  /** Climbing steadily for a day or more since the last reset. */
  | { kind: 'leak'; since: number; t: Trend; rising: number }
  /** Climbing steadily for less than a day: a daily cycle rises like that too; `yesterday` is the same hours a day before. */
  | { kind: 'young'; since: number; t: Trend; rising: number; yesterday?: Trend }
  /** Climbs ended by resets, two or more. */
  | { kind: 'sawtooth'; drops: TrendPoint[]; t: Trend }
  | { kind: 'none'; t: Trend; rising: number; drops: number; cycle?: { t: Trend; yesterday: Trend } };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, z) => a - z);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * Where the series resets: the sample after a fall of DROP_POINTS or more within DROP_MS from a
 * top it reached slowly (an hour before it was within half that of the top). The end of a spike
 * falls as far, but from a top it reached in minutes: that is no reset.
 */
function resetsIn(pts: TrendPoint[]): number[] {
  const at: number[] = [];
  let k = 0;
  let h = 0;
  for (let i = 1; i < pts.length; i++) {
    while (pts[i]!.ts - pts[k]!.ts > DROP_MS) k++;
    let top = -Infinity;
    for (let j = k; j < i; j++) top = Math.max(top, pts[j]!.value);
    if (top - pts[i]!.value < DROP_POINTS || (at.length && pts[i]!.ts - pts[at.at(-1)!]!.ts <= DROP_MS)) continue;
    while (pts[h]!.ts < pts[i]!.ts - 70 * 60_000) h++;
    const hourBefore = pts.slice(h).filter((p) => p.ts <= pts[i]!.ts - 50 * 60_000);
    if (hourBefore.length && median(hourBefore.map((p) => p.value)) >= top - DROP_POINTS / 2) at.push(i);
  }
  return at;
}

/** How many of PARTS equal stretches of time rise: a leak climbs in each, a daily cycle in about half. */
function risingParts(pts: TrendPoint[]): number {
  const from = pts[0]!.ts;
  const len = (pts.at(-1)!.ts - from) / PARTS;
  let n = 0;
  for (let p = 0; p < PARTS; p++) {
    const t = estimateTrend(pts.filter((x) => x.ts >= from + p * len && x.ts <= from + (p + 1) * len));
    // Clear of its own scatter: a flat stretch tilts up about half the time by chance.
    if (t && t.clear && t.perHour > 0) n++;
  }
  return n;
}

/** A steady climb: the fitted rise is clear of the scatter and three of four quarters rise. */
function climb(pts: TrendPoint[], least: number): { t: Trend; rising: number } | undefined {
  const t = estimateTrend(pts);
  if (!t || !t.clear || t.perHour <= 0 || pts.at(-1)!.ts - pts[0]!.ts < least) return undefined;
  const rising = risingParts(pts);
  return rising >= PARTS - 1 ? { t, rising } : undefined;
}

/**
 * Whether memory looks like a leak, from everything kept (a week at most): a steady climb for a day
 * or more since the last reset (a daily cycle cannot rise for a whole day); or a saw-tooth, two or
 * more resets each after a steady climb, as restarts clear a leak. A climb shorter than a day is
 * set beside the same hours a day before: if those rose too, it is the daily cycle. Pure.
 */
export function judgeLeak(points: TrendPoint[]): LeakVerdict {
  const pts = points.filter((p) => Number.isFinite(p.value)).sort((a, z) => a.ts - z.ts);
  const keptMs = pts.length ? pts.at(-1)!.ts - pts[0]!.ts : 0;
  const whole = estimateTrend(pts);
  if (!whole || keptMs < LEAK_MIN_MS) return { kind: 'short', keptMs };
  const resets = resetsIn(pts);
  const cuts = [0, ...resets, pts.length];
  const stretches = cuts.slice(1).map((end, k) => pts.slice(cuts[k], end));
  // The longest trailing climb since the last reset: a leak that began after a quiet spell counts too.
  const last = stretches.at(-1)!;
  const end = last.at(-1)!.ts;
  let latest = last;
  let now: ReturnType<typeof climb>;
  for (const w of [6, 12, 24, 48, 96, 168]
    .map((h) => h * HOUR)
    .filter((w) => w < end - last[0]!.ts)
    .concat(end - last[0]!.ts)) {
    const tail = last.filter((p) => p.ts >= end - w);
    const got = climb(tail, LEAK_MIN_MS);
    if (got) [latest, now] = [tail, got];
  }
  const since = latest[0]!.ts;
  if (now && now.t.until - since >= DAY) return { kind: 'leak', since, ...now };
  if (resets.length >= 2 && stretches.slice(1, -1).every((s) => climb(s, HOUR)))
    return { kind: 'sawtooth', drops: resets.map((i) => pts[i]!), t: whole };
  const none = { kind: 'none' as const, t: whole, rising: risingParts(pts), drops: resets.length };
  if (!now) return none;
  const before = pts.filter((p) => p.ts >= since - DAY && p.ts <= now.t.until - DAY);
  const yesterday = before.length && before.at(-1)!.ts - before[0]!.ts >= 0.8 * (now.t.until - since) ? estimateTrend(before) : undefined;
  if (yesterday?.clear && yesterday.perHour >= now.t.perHour / 2) return { ...none, cycle: { t: now.t, yesterday } };
  return { kind: 'young', since, ...now, ...(yesterday ? { yesterday } : {}) };
}

/** "Is web-1 leaking memory?", "any memory leaks?": a verdict per target from the memory kept, then the figures behind it. */
export function answerLeak(names: readonly string[], c: AnswerContext): string {
  const rows = names.map((n) => ({ n, v: judgeLeak(c.store.series(n, 'memory', c.now - WEEK, c.now)) }));
  if (names.length === 1) return leakLine(rows[0]!.n, rows[0]!.v, c);
  const suspects = rows.filter((r) => r.v.kind === 'leak' || r.v.kind === 'sawtooth').map((r) => r.n);
  const maybe = rows.filter((r) => r.v.kind === 'young').map((r) => r.n);
  const also = maybe.length ? `; maybe, climbing for less than a day: ${maybe.join(', ')}` : '';
  const head = suspects.length
    ? `Memory that looks like a leak: ${suspects.join(', ')} (of ${names.length} targets)${also}.`
    : `No target's memory looks like a leak (${names.length} read)${also}.`;
  // Most of the fleet climbing at once is load or a cycle across the fleet, not a leak in each process.
  const judged = rows.filter((r) => r.v.kind !== 'short').length;
  const together = suspects.length + maybe.length;
  const fleet =
    together >= 3 && together >= 0.75 * judged
      ? [`${together} of ${judged} targets climb at once: fleet-wide load or a daily cycle is likelier than a leak in each.`]
      : [];
  // Suspects first, then the maybes, then the rest, in the order asked.
  const order = { leak: 0, sawtooth: 0, young: 1, none: 2, short: 3 } as const;
  rows.sort((a, z) => order[a.v.kind] - order[z.v.kind]);
  return [head, ...fleet, ...rows.map(({ n, v }) => `• ${leakLine(n, v, c)}`)].join('\n');
}

function leakLine(n: string, v: LeakVerdict, c: AnswerContext): string {
  const rate = (t: Trend) => formatRate('memory', t.perHour, 'hour');
  if (v.kind === 'short')
    return `${n}: too little memory history to tell (${v.keptMs ? formatDuration(v.keptMs) : 'none'} kept; a leak shows as a climb that keeps going for a day or more).`;
  const over = formatDuration(v.t.until - v.t.from);
  if (v.kind === 'leak')
    return `${n}: looks like a leak: memory has climbed steadily for ${formatDuration(v.t.until - v.since)} (since ${stamp(v.since)}), ${rate(v.t)}, from about ${formatValue('memory', v.t.start)} to ${formatValue('memory', v.t.level)}, rising in ${v.rising} of ${PARTS} quarters.${describeProjections(project(n, 'memory', v.t, c), v.t, '', 'kept')}`;
  if (v.kind === 'sawtooth')
    return `${n}: a saw-tooth, as a leak cleared by restarts makes: memory climbed steadily and then fell sharply ${v.drops.length} times (${v.drops
      .slice(-3)
      .map((d) => `to ${formatValue('memory', d.value)} at ${stamp(d.ts)}`)
      .join('; ')}) over the ${over} kept. "When were you last restarted?" and "recent changes" may say what reset it.`;
  if (v.kind === 'young')
    return `${n}: maybe: memory has climbed steadily for ${formatDuration(v.t.until - v.since)} (since ${stamp(v.since)}), ${rate(v.t)}, but for less than a day, and a daily cycle climbs like that too${v.yesterday ? `; the same hours a day before did not (${rate(v.yesterday)})` : ''}. A leak keeps climbing past a day: ask again later.${describeProjections(project(n, 'memory', v.t, c), v.t, '', 'kept')}`;
  if (v.cycle)
    return `${n}: no sign of a leak: the climb of the last ${formatDuration(v.cycle.t.until - v.cycle.t.from)} (${rate(v.cycle.t)}) matches the same hours a day before (${rate(v.cycle.yesterday)}), a daily cycle; over the ${over} kept, ${rate(v.t)}.`;
  const shape = !v.t.clear ? 'no clear trend' : v.t.perHour > 0 ? 'a slow rise' : 'a fall';
  return `${n}: no sign of a leak: over the ${over} kept, ${shape} (${rate(v.t)}, scatter ±${formatValue('memory', v.t.scatter)}), rising in ${v.rising} of ${PARTS} quarters${v.drops ? `, with ${v.drops} sharp fall${v.drops === 1 ? '' : 's'} after climbs that were not steady` : ''}; a leak climbs in nearly all of them.`;
}
