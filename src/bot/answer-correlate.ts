import type { Sample } from '../core/sample.js';
import { METRIC_LABEL } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { metricsOf, spanBounds } from './answer-metric-span.js';
import { table, unknownTargetReply } from './format-reply.js';
import type { Intent, MetricKey } from './intent.js';
import { formatDuration } from './text-tools.js';

type Correlate = Extract<Intent, { kind: 'correlate' }>;

const DEFAULT_MS = 6 * 3_600_000;
export const MIN_PAIRS = 20;
const MAX_LAG = 3;

/** Pearson's r; undefined when either side does not vary. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | undefined {
  const n = Math.min(xs.length, ys.length);
  if (n < 3) return undefined;
  let mx = 0;
  let my = 0;
  for (let k = 0; k < n; k++) {
    mx += xs[k]!;
    my += ys[k]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < n; k++) {
    const dx = xs[k]! - mx;
    const dy = ys[k]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : undefined;
}

/** The two series on shared time slots (each slot the median spacing of the first), oldest first, with that spacing. */
export function pairUp(a: readonly Sample[], b: readonly Sample[]): { pairs: { slot: number; x: number; y: number }[]; stepMs: number } {
  if (a.length < 2 || b.length < 2) return { pairs: [], stepMs: 0 };
  const gaps = a
    .slice(1)
    .map((s, k) => s.ts - a[k]!.ts)
    .sort((p, q) => p - q);
  const stepMs = Math.max(1000, gaps[Math.floor(gaps.length / 2)]!);
  const byB = new Map<number, number>();
  for (const s of b) byB.set(Math.round(s.ts / stepMs), s.value);
  const pairs = a.flatMap((s) => {
    const slot = Math.round(s.ts / stepMs);
    const y = byB.get(slot);
    return y === undefined ? [] : [{ slot, x: s.value, y }];
  });
  return { pairs, stepMs };
}

/** Changes from one slot to the next, only across adjacent slots, with the second series shifted by `lag` slots. */
function changes(pairs: readonly { slot: number; x: number; y: number }[], lag: number): { dx: number[]; dy: number[] } {
  const at = new Map(pairs.map((p) => [p.slot, p]));
  const dx: number[] = [];
  const dy: number[] = [];
  for (const p of pairs) {
    const prev = at.get(p.slot - 1);
    const q = at.get(p.slot + lag);
    const qPrev = at.get(p.slot + lag - 1);
    if (!prev || !q || !qPrev) continue;
    dx.push(p.x - prev.x);
    dy.push(q.y - qPrev.y);
  }
  return { dx, dy };
}

const strength = (r: number) => (Math.abs(r) >= 0.7 ? 'strong' : Math.abs(r) >= 0.3 ? 'moderate' : 'weak');
/** "0.82", never "-0.00". */
export const fixed = (r: number) => (Math.abs(r) < 0.005 ? '0.00' : r.toFixed(2));
const said = (r: number | undefined) => (r === undefined ? 'undefined (one side did not vary)' : `${fixed(r)} (${strength(r)})`);

export interface Measured {
  n: number;
  level?: number;
  change?: number;
  /** The lag (in slots, the second series after the first) whose changes agree best, when clearly better than none. */
  lag?: { slots: number; r: number };
  stepMs: number;
}

export function measure(a: Sample[], b: Sample[]): Measured {
  const { pairs, stepMs } = pairUp(a, b);
  const level = pearson(
    pairs.map((p) => p.x),
    pairs.map((p) => p.y),
  );
  const d0 = changes(pairs, 0);
  const change = d0.dx.length >= MIN_PAIRS ? pearson(d0.dx, d0.dy) : undefined;
  let lag: Measured['lag'];
  for (let k = -MAX_LAG; k <= MAX_LAG; k++) {
    if (k === 0) continue;
    const d = changes(pairs, k);
    const r = d.dx.length >= MIN_PAIRS ? pearson(d.dx, d.dy) : undefined;
    if (r !== undefined && Math.abs(r) >= 0.3 && Math.abs(r) > Math.abs(change ?? 0) + 0.1 && (!lag || Math.abs(r) > Math.abs(lag.r)))
      lag = { slots: k, r };
  }
  return {
    n: pairs.length,
    ...(level !== undefined ? { level } : {}),
    ...(change !== undefined ? { change } : {}),
    ...(lag ? { lag } : {}),
    stepMs,
  };
}

export const seriesOf = (metric: MetricKey) => metricsOf(metric)![0]!;
export const label = (metric: MetricKey) => METRIC_LABEL[seriesOf(metric)] ?? metric;

/** The span asked, or the last 6 h. */
export const correlateWindow = (i: Correlate, c: AnswerContext) =>
  i.span ? spanBounds(i.span, c) : { from: c.now - DEFAULT_MS, until: c.now, label: `over the last ${formatDuration(DEFAULT_MS)}` };

export const CAVEAT =
  'Levels that both drift over the span correlate with no link between them; the changes sample to sample are the stricter test. Neither says which drives which.';

/**
 * "Does cpu correlate with latency on api-1?", "correlation between web-1 and web-2 cpu": the two
 * series paired on their sample times over the span (6 h by default), with Pearson's r of their
 * levels and of their changes sample to sample, and a lag of up to three samples where the changes
 * agree clearly better shifted. Levels that both drift correlate with no link between them, so the
 * changes are the stricter test; neither says which drives which.
 */
export function answerCorrelate(i: Correlate, c: AnswerContext): string {
  if (i.unknownTarget && !i.target && !i.group) return unknownTargetReply(i.unknownTarget, c.targets);
  const b = correlateWindow(i, c);
  if ('ahead' in b && b.ahead) return b.ahead;
  const [m1, m2] = i.metrics;
  const read = (target: string, m: MetricKey) => c.store.series(target, seriesOf(m), b.from, b.until);
  // One metric on two targets.
  if (m1 && !m2 && i.group?.length === 2) {
    const [t1, t2] = i.group as [string, string];
    const r = measure(read(t1, m1), read(t2, m1));
    return [headline(`${t1} and ${t2} ${label(m1)}`, b.label, r, `${t2} after ${t1}`), ...(r.n >= MIN_PAIRS ? [CAVEAT] : [])].join('\n');
  }
  if (!m1 || !m2)
    return 'Correlate which two? Name two metrics of one target ("does cpu correlate with latency on api-1?") or one metric on two targets ("correlation between web-1 and web-2 cpu").';
  const one = i.target ?? (i.group?.length === 1 ? i.group[0] : undefined);
  if (one) {
    const r = measure(read(one, m1), read(one, m2));
    return [
      headline(`${one} ${label(m1)} and ${label(m2)}`, b.label, r, `${label(m2)} after ${label(m1)}`),
      ...(r.n >= MIN_PAIRS ? [CAVEAT] : []),
    ].join('\n');
  }
  // Each target that has both, strongest agreement of changes first.
  const names = i.group ?? c.targets.map((t) => t.name);
  const rows = names
    .map((t) => ({ t, r: measure(read(t, m1), read(t, m2)) }))
    .filter((x) => x.r.n >= MIN_PAIRS)
    .sort((x, z) => Math.abs(z.r.change ?? 0) - Math.abs(x.r.change ?? 0));
  if (!rows.length) return `No target has ${label(m1)} and ${label(m2)} both ${b.label} (${MIN_PAIRS} paired samples at least).`;
  return [
    `${label(m1)} against ${label(m2)} ${b.label}, per target (Pearson's r; strongest agreement of changes first):`,
    table(
      ['target', 'pairs', 'levels r', 'changes r'],
      rows.map((x) => [
        x.t,
        String(x.r.n),
        x.r.level === undefined ? '-' : fixed(x.r.level),
        x.r.change === undefined ? '-' : fixed(x.r.change),
      ]),
    ),
    CAVEAT,
  ].join('\n');
}

export function headline(what: string, when: string, r: Measured, after: string): string {
  if (r.n < MIN_PAIRS) return `Too few paired samples for ${what} ${when} (${r.n}; I need ${MIN_PAIRS}).`;
  const lines = [
    `${what} ${when} (${r.n} paired samples): levels r = ${said(r.level)}${r.level !== undefined && Math.abs(r.level) >= 0.3 ? `, ${r.level >= 0 ? 'rising and falling together' : 'one rising as the other falls'}` : ''}.`,
    `Their changes sample to sample: r = ${said(r.change)}.`,
  ];
  if (r.lag)
    lines.push(
      `Shifted: the changes agree best with ${after} by ${Math.abs(r.lag.slots)} sample${Math.abs(r.lag.slots) === 1 ? '' : 's'}${
        r.stepMs ? ` (about ${formatDuration(Math.abs(r.lag.slots) * r.stepMs)})` : ''
      }${r.lag.slots < 0 ? ', that is, the other way round' : ''}: r = ${fixed(r.lag.r)}.`,
    );
  return lines.join('\n');
}
