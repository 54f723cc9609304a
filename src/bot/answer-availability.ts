import type { Anomaly } from '../core/anomaly.js';
import type { AnswerContext } from './answer-intent.js';
import { ALL_METRICS, spanBounds } from './answer-metric-span.js';
import { METRIC_LABEL, seriesLabel, stamp, table, unknownTargetReply } from './format-reply.js';
import type { TimeSpan } from './parse-time-span.js';
import { formatDuration } from './text-tools.js';
import { downtimes } from '../observability/record-start.js';
import { overlapMs } from '../core/overlap.js';

const WEEK = 7 * 86_400_000;

export interface AvailabilityQuestion {
  target?: string;
  group?: string[];
  unknownTarget?: string;
  span?: TimeSpan;
  /** "SLA", "SLO": the reply says what this figure is not. */
  sla?: boolean;
  /** "Which host had the longest outage?": the longest silent stretch leads, or the longest alert where none was. */
  longest?: true;
}

interface Reporting {
  target: string;
  watchedFrom: number;
  watchedMs: number;
  downMs: number;
  stretches: { from: number; until: number | null }[];
  /** Time in the window I was not running (from the last tick before a start to the start). */
  offMs: number;
}

/**
 * The stretches a silent-host anomaly covers: from the last sample before it (its peak is how long
 * the host had been silent) to when data came back, or now.
 */
function silentStretch(a: Anomaly, now: number): { from: number; until: number | null } {
  const end = a.endTs ?? now;
  return { from: Math.min(a.startTs, end - a.peak * 1000), until: a.endTs };
}

/** How much of a window a target reported data: the time watched less its silent stretches (merged). Pure over the store. */
export function reportingOf(target: string, from: number, until: number, c: AnswerContext): Reporting {
  const silent = c.store
    .recentAnomalies(10_000, from - WEEK, until)
    .filter((a) => a.target === target && a.detector === 'silence')
    .map((a) => silentStretch(a, c.now))
    .filter((s) => (s.until ?? c.now) > from && s.from < until)
    .sort((x, z) => x.from - z.from);
  // Read in the hour before the window began: watched from its start. Else from its first sample in the window.
  const first = (m: string) =>
    c.store.series(target, m, from - 3_600_000, from).length ? from : c.store.series(target, m, from, until)[0]?.ts;
  const firstSample = first('memory') ?? first('cpu');
  const watchedFrom = Math.max(from, Math.min(firstSample ?? Infinity, silent[0]?.from ?? Infinity));
  const end = Math.min(until, c.now);
  // While I was not running nothing was watched: that time counts neither as reported nor as silent.
  const off = Number.isFinite(watchedFrom) ? downtimes(c.store, watchedFrom, end) : [];
  let down = 0;
  let reach = watchedFrom;
  for (const s of silent) {
    const a = Math.max(s.from, reach);
    const b = Math.min(s.until ?? c.now, end);
    if (b > a) down += b - a - overlapMs(a, b, off);
    reach = Math.max(reach, b);
  }
  const offMs = overlapMs(watchedFrom, end, off);
  return {
    target,
    watchedFrom,
    watchedMs: Number.isFinite(watchedFrom) ? Math.max(0, end - watchedFrom - offMs) : 0,
    downMs: down,
    stretches: silent,
    offMs,
  };
}

const pct = (r: Reporting) => (r.watchedMs > 0 ? `${(100 * (1 - r.downMs / r.watchedMs)).toFixed(r.downMs === 0 ? 0 : 2)}%` : '-');

/**
 * "Availability of api-2 this week", "uptime % of the fleet", "SLA for db-1": the share of the time
 * watched each target sent data, from the silent-host anomalies. It is whether data arrived, not
 * whether a service answered, and the reply says so.
 */
export function answerAvailability(i: AvailabilityQuestion, c: AnswerContext): string {
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  const b = spanBounds(i.span ?? { kind: 'last', ms: WEEK }, c);
  if (b.ahead) return b.ahead;
  const names = i.target ? [i.target] : (i.group ?? c.targets.map((t) => t.name));
  const rows = names.map((n) => reportingOf(n, b.from, b.until, c));
  const offMs = Math.max(0, ...rows.map((r) => r.offMs));
  const off = offMs
    ? `I was not running for ${formatDuration(offMs)} of it (from my last tick before a restart to the restart: "when were you last restarted?"), which counts neither way.`
    : 'I was running throughout.';
  const note = `This is whether data arrived (silent-host anomalies), not whether a service answered${!i.sla ? '' : c.slos?.length ? ': "error budget" reads the SLOs set (slos)' : ': no SLO is set ("error budget" says how)'}. ${off}`;
  if (rows.length === 1) {
    const r = rows[0]!;
    if (r.watchedMs === 0) return `No samples from ${r.target} ${b.label}, so there is no share to give.`;
    const since = r.watchedFrom > b.from ? ` (watched since ${stamp(r.watchedFrom)})` : '';
    const down = r.stretches.length
      ? `silent ${formatDuration(r.downMs)} in ${r.stretches.length} stretch${r.stretches.length === 1 ? '' : 'es'}: ${r.stretches
          .slice(-5)
          .map((s) => `${stamp(s.from)} for ${formatDuration((s.until ?? c.now) - s.from)}${s.until === null ? ' (still silent)' : ''}`)
          .join('; ')}`
      : 'no silent stretch';
    // "How many samples do you have for web-1?": what is held of each series, beside whether data arrived.
    const held = ALL_METRICS.filter((m) => c.store.latestSamples().some((s) => s.target === r.target && s.metric === m))
      .map((m) => `${METRIC_LABEL[m] ?? m} ${c.store.series(r.target, m, b.from, b.until).length.toLocaleString('en-US')}`)
      .join(', ');
    return [
      ...(i.longest ? longestLine(rows, b, c) : []),
      `${r.target} reported data ${pct(r)} of the time ${b.label}${since}: ${down}.`,
      ...(held ? [`Samples held ${b.label}: ${held}.`] : []),
      note,
    ].join('\n');
  }
  // The least available first.
  const share = (r: Reporting) => r.downMs / (r.watchedMs || 1);
  const lead = i.longest ? longestLine(rows, b, c) : [];
  const sorted = [...rows].sort((x, z) => share(z) - share(x) || x.target.localeCompare(z.target));
  const silentOnes = rows.filter((r) => r.downMs > 0).length;
  return [
    ...lead,
    `Data arrival ${b.label}: ${silentOnes ? `${silentOnes} of ${rows.length} targets had silent stretches` : `every one of ${rows.length} targets reported throughout`}.`,
    table(
      ['target', 'reported', 'silent', 'stretches', 'watched since'],
      sorted.map((r) => [
        r.target,
        pct(r),
        r.downMs ? formatDuration(r.downMs) : '-',
        String(r.stretches.length),
        r.watchedMs ? stamp(r.watchedFrom) : '-',
      ]),
    ),
    ...newerLine(rows, c.now),
    note,
  ].join('\n');
}

/** "Any new hosts?": targets whose first sample came an hour or more after the earliest one's, the newest first. */
function newerLine(rows: readonly Reporting[], now: number): string[] {
  const seen = rows.filter((r) => r.watchedMs > 0 && Number.isFinite(r.watchedFrom));
  const first = Math.min(...seen.map((r) => r.watchedFrom));
  const newer = seen.filter((r) => r.watchedFrom - first >= 3_600_000).sort((x, z) => z.watchedFrom - x.watchedFrom);
  if (!newer.length) return [];
  const shown = newer
    .slice(0, 5)
    .map((r) => `${r.target} (first sample ${stamp(r.watchedFrom)}, ${formatDuration(now - r.watchedFrom)} ago)`);
  return [`Newer than the rest: ${shown.join(', ')}${newer.length > 5 ? ` and ${newer.length - 5} more` : ''}.`];
}

/**
 * "Which host had the longest outage?": the longest silent stretch in the window. With none, the longest alert on those
 * targets, since some mean an alert by an outage: said as what it is, with where the list of them is.
 */
function longestLine(rows: readonly Reporting[], b: { from: number; until: number; label: string }, c: AnswerContext): string[] {
  const all = rows.flatMap((r) =>
    r.stretches.map((s) => ({ target: r.target, from: s.from, ms: (s.until ?? c.now) - s.from, open: s.until === null })),
  );
  const top = all.sort((x, z) => z.ms - x.ms)[0];
  if (top)
    return [
      `Longest silent stretch ${b.label}: ${top.target}, from ${stamp(top.from)} for ${formatDuration(top.ms)}${top.open ? ' (still silent)' : ''}.`,
    ];
  const names = new Set(rows.map((r) => r.target));
  const alerts = c.store
    .recentAnomalies(5000, b.from)
    .filter((a) => names.has(a.target) && a.startTs < b.until)
    .map((a) => ({ a, ms: (a.endTs ?? c.now) - a.startTs }))
    .sort((x, z) => z.ms - x.ms);
  const one = alerts[0];
  return [
    `No target went silent ${b.label}${one ? `; the longest alert was ${one.a.id} (${seriesLabel(one.a.target, one.a.metric)}, ${one.a.severity}) from ${stamp(one.a.startTs)} for ${formatDuration(one.ms)}${one.a.endTs === null ? ', still open' : ''} ("longest alerts this week" lists them)` : ''}.`,
  ];
}
