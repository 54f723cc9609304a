import { countInto, noCounts, sloTargets, type Slo, type SloCounts } from '../core/slo-report.js';
import type { AnswerContext } from './answer-context.js';
import { spanBounds } from './answer-metric-span.js';
import { dayDate, dayStart, dayZone } from './day-start.js';
import { stamp } from './format-reply.js';
import type { TimeSpan } from './parse-time-span.js';
import { ninesLine } from './slo-nines.js';

const HOUR = 3_600_000;
// Up to a week and a bit, every day is listed; longer, only the days below the objective.
const LIST_DAYS = 8;
const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number) => `${x >= 0.99995 && x < 1 ? '99.99' : Number((x * 100).toFixed(2))}%`;

/**
 * "Did we meet the SLO last week?", "error budget yesterday", "SLO in November": one SLO over the
 * span asked rather than its rolling window. The good share against the objective, the bad samples
 * those samples allowed and how many there were, and with two days or more each day's share (only
 * the days below the objective when there are many). Days are the asker's when they have a display
 * zone. Reads the span afresh; pure over the store.
 */
export function sloOverSpan(slo: Slo, span: TimeSpan, on: readonly string[], c: AnswerContext, nines = false): string[] {
  const b = spanBounds(span, c);
  const covered = sloTargets(slo, c.targets);
  const scope = on.length < covered.length ? ` on ${on.join(', ')}` : '';
  const label = `${b.label.replace(/^at /, 'around ')}${scope}`;
  if (b.ahead) return [`${slo.name} ${label}: that has not begun yet (${b.ahead}), so there is nothing to judge.`];
  // A day or a month ends where the next begins; a span up to now takes the sample at now.
  const until = b.until >= c.now ? c.now + 1 : b.until;
  const byDay = new Map<number, SloCounts>();
  const series = new Map(on.map((t) => [t, c.store.series(t, slo.metric, b.from, until)]));
  countInto(slo, series, b.from, until, (ts) => {
    const d = dayStart(ts, c.zone);
    let k = byDay.get(d);
    if (!k) byDay.set(d, (k = noCounts()));
    return k;
  });
  const all = noCounts();
  for (const k of byDay.values()) {
    all.good += k.good;
    all.bad += k.bad;
    if (k.firstTs !== undefined) all.firstTs = Math.min(all.firstTs ?? Infinity, k.firstTs);
    for (const [t, x] of k.badBy) all.badBy.set(t, (all.badBy.get(t) ?? 0) + x);
  }
  const total = all.good + all.bad;
  if (total === 0)
    return [
      `${slo.name} ${label}: no samples of ${on.join(', ') || 'its targets'} are held for then, so there is nothing to judge.`,
      '  How far back samples are kept is retention.samplesHours (and nothing was kept before I began watching).',
    ];
  const share = all.good / total;
  const met = share * 100 >= slo.objective;
  const allowed = ((100 - slo.objective) / 100) * total;
  const by = [...all.badBy].sort((x, z) => z[1] - x[1] || x[0].localeCompare(z[0]));
  // One host of several: said, since "which host?" is the next question; a host asked about alone needs no name.
  const byText =
    by.length > 1 ? `: ${by.map(([t, x]) => `${t} ${n(x)}`).join(', ')}` : by.length === 1 && on.length > 1 ? `, all on ${by[0]![0]}` : '';
  const lines = [
    ...(nines ? [`${slo.name} ${label}: ${ninesLine(all.good, all.bad)}`] : []),
    `${nines ? (met ? 'Met' : 'Missed') : `${slo.name} ${label}: ${met ? 'met' : 'missed'}`}, ${pct(share)} good against the ${slo.objective}% objective (${n(all.good)} of ${n(total)} samples good; ${n(all.bad)} bad${byText}).`,
    `Error budget for those samples: ${n(Math.floor(allowed))} bad allowed, ${n(all.bad)} spent (${Math.round((all.bad / Math.max(allowed, 1e-9)) * 100)}%)${all.bad > allowed ? ': overspent' : ''}.`,
    ...windowShare(slo, all.bad / Math.max(allowed, 1e-9), Math.min(b.until, c.now) - Math.max(b.from, all.firstTs!)),
  ];
  if (all.firstTs! > b.from + HOUR)
    lines.push(
      `The samples held start at ${stamp(all.firstTs!)}: the time before (past retention.samplesHours, or before I watched) is not judged.`,
    );
  lines.push(...dayLines(slo, byDay, c.zone));
  lines.push(`The SLO itself is judged over a rolling ${slo.windowDays} d: "error budget" says where it stands now, with the burn rates.`);
  return lines.map((l, k) => (k ? `  ${l}` : l));
}

/**
 * "A 2.2× burn over it: 7.4% of a 30 d budget": how the span's bad samples weigh against the rolling
 * window the SLO is judged over, at the rate they came (1× spends the window's budget exactly over it).
 */
function windowShare(slo: Slo, burn: number, coveredMs: number): string[] {
  const windowMs = slo.windowDays * 86_400_000;
  if (burn <= 0 || coveredMs <= 0 || coveredMs >= windowMs) return [];
  const share = burn * (coveredMs / windowMs) * 100;
  const said = share < 1 ? share.toFixed(2) : share < 10 ? share.toFixed(1) : String(Math.round(share));
  return [
    `Burn over it: ${burn < 10 ? burn.toFixed(1) : Math.round(burn)}×, ${said}% of a ${slo.windowDays} d budget (1× spends the budget exactly over ${slo.windowDays} d).`,
  ];
}

/** Each day's good share, or only the days below the objective when there are many; nothing for a single day. */
function dayLines(slo: Slo, byDay: Map<number, SloCounts>, zone: string | undefined): string[] {
  if (byDay.size < 2) return [];
  const days = [...byDay].sort((x, z) => x[0] - z[0]).map(([d, k]) => ({ d, share: k.good / (k.good + k.bad) }));
  const below = days.filter((x) => x.share * 100 < slo.objective);
  const say = (x: { d: number; share: number }) => `${dayDate(x.d, zone).slice(5)} ${pct(x.share)}`;
  const head = `(${dayZone(zone)}, good share)`;
  if (days.length <= LIST_DAYS)
    return [`By day ${head}: ${days.map((x) => say(x) + (x.share * 100 < slo.objective ? ' (below)' : '')).join(', ')}.`];
  if (below.length === 0) return [`Every one of the ${days.length} days with samples was at or above ${slo.objective}%.`];
  const worst = [...below].sort((x, z) => x.share - z.share || x.d - z.d).slice(0, 6);
  const more = below.length > worst.length ? `, and ${below.length - worst.length} more` : '';
  return [
    `Days below ${slo.objective}% ${head}: ${below.length} of ${days.length} with samples, the worst ${worst.map(say).join(', ')}${more}.`,
  ];
}
