import type { AboutFacts } from './answer-about.js';
import type { AnswerContext } from './answer-context.js';
import { stamp } from './format-reply.js';
import { formatDuration } from './text-tools.js';
import { watchingSince } from '../core/watching-since.js';

const HOUR = 3_600_000;
// Samples per stored block of one series (sqlite-store.ts CHUNK).
const BLOCK = 720;

/**
 * "How far back does your data go?", "how long do you keep data?": what is kept and for how long
 * (retention.*), and how far back it reaches now: the oldest sample, the oldest anomaly, and since
 * when this data dir has watched. Pure over the store and the config facts.
 */
export function answerRetention(a: AboutFacts, c: AnswerContext): string {
  // The oldest sample: read only the hour at the retention edge of each series, where it must be.
  const edge = c.now - Math.max(1, a.samplesHours - 1) * HOUR;
  let oldest = Infinity;
  for (const t of c.targets) {
    const first = c.store.series(t.name, 'cpu', 0, edge)[0] ?? c.store.series(t.name, 'cpu', 0, c.now)[0];
    if (first && first.ts < oldest) oldest = first.ts;
  }
  const firstAnomaly = c.store.recentAnomalies(1_000_000).at(-1);
  const since = watchingSince(c.store);
  const ago = (ts: number) => `${stamp(ts)} (${formatDuration(c.now - ts)} ago)`;
  // Older samples are stored in blocks per series (720 samples, 6 h at a 30 s tick) that go once their newest is past the limit.
  const over = (ts: number) =>
    Number.isFinite(ts) && c.now - ts > a.samplesHours * HOUR
      ? `, older than the limit because samples go in blocks of up to ${formatDuration(BLOCK * a.intervalMs)} at this tick, each once its newest sample is past it`
      : '';
  return [
    `Kept: samples ${formatDuration(a.samplesHours * HOUR)} (retention.samplesHours), anomalies and proposals ${a.anomaliesDays} d (retention.anomaliesDays)${a.recordsDays ? `, the records of who did what and the daily JSON record files on this host ${a.recordsDays} d (retention.recordsDays); what S3 keeps is up to the bucket's own rules` : ''}.`,
    `Now: the oldest sample is from ${Number.isFinite(oldest) ? ago(oldest) : 'nowhere yet (none stored)'}${over(oldest)}; the oldest anomaly from ${firstAnomaly ? ago(firstAnomaly.startTs) : 'none yet'}${since ? `; watching since ${stamp(since)}` : ''}.`,
    `At the first start, ${formatDuration(a.backfillHours * HOUR)} of history were read from the sources (sources.backfillHours), so the detectors started with a baseline.`,
  ].join('\n');
}
