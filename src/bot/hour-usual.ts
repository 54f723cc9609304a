import { formatValue, METRIC_LABEL } from '../core/metrics.js';
import type { Sample } from '../core/sample.js';
import { nearestRank } from './tally.js';

const DAY = 86_400_000;
// Half an hour either side of the time now, on each earlier day: wide enough to hold a few dozen
// samples at a 30 s interval, narrow enough that a morning ramp is not averaged with the night.
const HALF = 30 * 60_000;
const DAYS_BACK = 7;
// Fewer than this in a day's window is a gap in the data, not that hour's level.
const MIN_SAMPLES = 3;

/**
 * "Is cpu on web-1 normal for this time of day?": the samples from the same hour (±30 min) on each
 * of the last 7 days, their 5th to 95th percentile and mean, and where the value now sits against
 * them. The detectors' ranges are of the recent past whatever the hour; this is what the series did
 * at this hour before. Says plainly when fewer than three days are there to agree. `read` gives a
 * series' samples between two times. Pure over it; undefined when no earlier day has that hour,
 * unless a short retention (`keptMs`) is why, which is then said.
 */
export function hourUsualLine(
  target: string,
  metric: string,
  now: number,
  read: (from: number, until: number) => readonly Sample[],
  /** How long samples are kept (retention.samplesHours), to say why few days are there. */
  keptMs?: number,
): string | undefined {
  // Kept for less than a week and a day, the retention is why fewer days are there: said, with what keeps a week.
  const short = keptMs !== undefined && keptMs < (DAYS_BACK + 1) * DAY;
  const kept = short
    ? ` Samples are kept ${Math.round(keptMs / 3_600_000)} h (retention.samplesHours); ${(DAYS_BACK + 1) * 24} h keeps a week of this hour.`
    : '';
  const days: Sample[][] = [];
  for (let d = 1; d <= DAYS_BACK; d++) {
    const xs = read(now - d * DAY - HALF, now - d * DAY + HALF);
    if (xs.length >= MIN_SAMPLES) days.push([...xs]);
  }
  if (days.length === 0) return short ? `No earlier day has samples at this time of day.${kept}` : undefined;
  const values = days.flat().map((s) => s.value);
  const sorted = [...values].sort((x, z) => x - z);
  const lo = nearestRank(sorted, 0.05);
  const hi = nearestRank(sorted, 0.95);
  const mean = values.reduce((n, x) => n + x, 0) / values.length;
  const f = (v: number) => formatValue(metric, v);
  const hhmm = (ts: number) => new Date(ts).toISOString().slice(11, 16);
  const latest = read(now - 10 * 60_000, now + 1).at(-1);
  const verdict = !latest
    ? ''
    : latest.value > hi
      ? ` Now ${f(latest.value)}: above what this hour usually is.`
      : latest.value < lo
        ? ` Now ${f(latest.value)}: below what this hour usually is.`
        : ` Now ${f(latest.value)}: within it.`;
  const few =
    days.length < 3
      ? ` Only ${days.length === 1 ? 'one earlier day has' : `${days.length} earlier days have`} this hour: a daily rhythm shows once several days agree.${kept}`
      : '';
  return (
    `At this time of day (${hhmm(now - HALF)}–${hhmm(now + HALF)} UTC) on ${days.length === 1 ? 'the one earlier day' : `${days.length} earlier days`} with samples: ` +
    `${target} ${METRIC_LABEL[metric] ?? metric} ${f(lo)}–${f(hi)} (5th–95th percentile of ${values.length} samples), mean ${f(mean)}.${verdict}${few}`
  );
}
