import type { Anomaly } from '../core/anomaly.js';
import { figureMetric, formatValue } from '../core/metrics.js';
import { stamp } from '../core/stamp.js';
import type { AnswerContext } from './answer-intent.js';
import { METRICS_OF } from './answer-metric-span.js';
import { groupEpisodes } from './episodes.js';
import { clock, METRIC_LABEL } from './format-reply.js';
import type { MetricKey } from './intent.js';
import { formatDuration } from './text-tools.js';

export interface CaughtFirstQuestion {
  id?: string | undefined;
  target?: string | undefined;
  metric?: MetricKey | undefined;
  /** "Did the forecast predict it?": the answer leads with that detector's part. */
  detector?: string | undefined;
}

// How far back an episode's members are looked for before the anomaly asked about.
const BEFORE_MS = 6 * 3_600_000;

const NAME: Record<string, string> = { iforest: 'the Isolation Forest', threshold: 'the threshold rule' };
const nameOf = (d: string) => NAME[d] ?? `the ${d} detector`;
const after = (ms: number) => (ms === 0 ? 'at the same time' : `${formatDuration(Math.abs(ms))} ${ms > 0 ? 'later' : 'earlier'}`);

/** The anomaly asked about: the one named, else the latest on the target and metric named (heartbeats left out unless named). */
function anomalyAsked(q: CaughtFirstQuestion, c: AnswerContext): Anomaly | string {
  if (q.id) return c.store.getAnomaly(q.id) ?? `No anomaly ${q.id} is kept, so I cannot say which detector caught it.`;
  const metrics = q.metric ? METRICS_OF[q.metric] : undefined;
  const latest = c.store
    .recentAnomalies(2_000)
    .find((a) => (!q.target || a.target === q.target) && (metrics ? metrics.includes(figureMetric(a)) : a.detector !== 'silence'));
  const what = [q.target, q.metric && (METRIC_LABEL[metrics![0]!] ?? q.metric)].filter(Boolean).join(' ');
  return latest ?? `No anomaly${what ? ` on ${what}` : ''} is kept, so there is nothing to say which detector caught first.`;
}

/**
 * "Which detector caught the db-1 memory issue first?", "how early did we catch it?", "did the
 * forecast predict the disk alert?": the episode the anomaly belongs to (every detector's anomaly on
 * the same target and metric at overlapping times, the Isolation Forest's by the metric it blamed),
 * its detectors in the order they opened, how far the first led the threshold rule, and where the
 * peak fell. Nothing is inferred beyond the stored anomalies and samples.
 */
export function answerCaughtFirst(q: CaughtFirstQuestion, c: AnswerContext): string {
  const a = anomalyAsked(q, c);
  if (typeof a === 'string') return a;
  const metric = figureMetric(a);
  const until = a.endTs ?? c.now;
  const pool = c.store
    .recentAnomalies(5_000, a.startTs - BEFORE_MS, until + 1)
    .filter((x) => x.target === a.target && figureMetric(x) === metric)
    .map((x) => ({ ...x, metric }));
  const episode = groupEpisodes(pool, c.now).find((e) => e.members.some((m) => m.id === a.id));
  const members = episode?.members ?? [{ ...a, metric }];
  const first = members[0]!;
  const end = episode?.endTs === undefined ? a.endTs : episode.endTs;
  const label = `${a.target} ${METRIC_LABEL[metric] ?? metric}`;
  const head = `${label}, from ${stamp(first.startTs)}${end === null ? ', still open' : ` for ${formatDuration(end - first.startTs)}`}: ${
    members.length === 1 ? `only ${nameOf(first.detector)} opened on it` : `${members.length} detectors opened on it, in this order`
  }:`;
  const rows = members.map(
    (m, k) =>
      `• ${nameOf(m.detector)} at ${clock(m.startTs)} (${m.id})${k === 0 ? ', first' : `, ${after(m.startTs - first.startTs)}`}${m.summary ? ` — ${m.summary}` : ''}`,
  );
  const rule = members.find((m) => m.detector === 'threshold');
  const lead = !rule
    ? 'The threshold rule did not open on it.'
    : rule === first
      ? 'The threshold rule was first: no detector opened before it.'
      : `${capital(nameOf(first.detector))} opened ${formatDuration(rule.startTs - first.startTs)} before the threshold rule.`;
  // The peak from the stored samples of the episode: how early the first detector was, against the worst of it.
  const low = a.peak < a.expectedLow;
  const pts = c.store.series(a.target, metric, first.startTs - 60_000, (end ?? c.now) + 1);
  const peak = pts.reduce<(typeof pts)[number] | undefined>(
    (p, s) => (!p || (low ? s.value < p.value : s.value > p.value) ? s : p),
    undefined,
  );
  const peakLine = peak
    ? `The peak, ${formatValue(metric, peak.value)} at ${clock(peak.ts)}, came ${peak.ts >= first.startTs ? `${formatDuration(peak.ts - first.startTs)} after the first opened` : 'before any detector opened'}.`
    : 'No samples of it are kept, so I cannot place its peak.';
  const asked = q.detector ? askedLine(q.detector, members, first, rule) : [];
  // "Did the forecast predict it?" answered by a first forecast already says how far it led the rule.
  const saidAlready = q.detector !== undefined && q.detector === first.detector;
  return [...asked, head, ...rows, ...(saidAlready ? [] : [lead]), peakLine].join('\n');
}

/** "Did the forecast predict it?": yes with how far ahead of the rule, or no. */
function askedLine(detector: string, members: Anomaly[], first: Anomaly, rule: Anomaly | undefined): string[] {
  const m = members.find((x) => x.detector === detector);
  if (!m) return [`No: ${nameOf(detector)} did not open on this one.`];
  const vsRule =
    rule && rule !== m
      ? `, ${formatDuration(Math.abs(rule.startTs - m.startTs))} ${m.startTs <= rule.startTs ? 'before' : 'after'} the threshold rule`
      : '';
  return [
    `${m === first ? 'Yes' : m.startTs <= (rule?.startTs ?? Infinity) ? 'Yes, though not first' : 'Not ahead'}: ${nameOf(detector)} opened at ${clock(m.startTs)}${vsRule}.`,
  ];
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
