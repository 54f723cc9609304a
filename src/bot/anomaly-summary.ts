import type { Anomaly } from '../core/anomaly.js';
import { anomalyLabel } from '../core/metrics.js';
import { clock, stamp } from './format-reply.js';
import { nearestRank, tally } from './tally.js';
import { formatDuration } from './text-tools.js';

/**
 * "Summarise the last 3 anomalies": one line over those listed, what they have in common and how
 * they stand, before the list itself. Only figures the anomalies hold. Pure.
 */
export function summariseAnomalies(list: readonly Anomaly[], now: number): string {
  const series = list.map((a) => `${a.target} ${anomalyLabel(a)}`);
  const one = (keys: string[]) => new Set(keys).size === 1;
  const where = one(series)
    ? `all on ${series[0]}`
    : one(list.map((a) => a.target))
      ? `all on ${list[0]!.target} (${tally(list, anomalyLabel, { max: 3 })})`
      : `on ${tally(series, (k) => k, { max: 3 })}`;
  const severities = list.map((a) => a.severity);
  const severity = one(severities) ? `all ${severities[0]}` : tally(severities, (k) => k, { countFirst: true });
  const detectors = list.map((a) => a.detector);
  const by = one(detectors) ? `found by ${detectors[0]}` : `found by ${tally(detectors, (k) => k)}`;
  const first = Math.min(...list.map((a) => a.startTs));
  const open = list.filter((a) => a.endTs === null || a.status === 'open');
  const last = open.length ? now : Math.max(...list.map((a) => a.endTs ?? a.startTs));
  const sameDay = new Date(first).toISOString().slice(0, 10) === new Date(last).toISOString().slice(0, 10);
  const span = `from ${stamp(first)} to ${open.length ? 'now' : sameDay ? clock(last) : stamp(last)}`;
  const ended = list
    .filter((a) => !open.includes(a))
    .map((a) => a.endTs! - a.startTs)
    .sort((a, z) => a - z);
  const outcome = [
    ended.length
      ? `${ended.length === list.length ? 'all' : ended.length} resolved after ${ended.length === 1 ? '' : 'a median '}${formatDuration(nearestRank(ended, 0.5))}`
      : '',
    open.length
      ? `${open.length === list.length ? 'all' : open.length} still open${open.length === 1 ? '' : ', the oldest'} for ${formatDuration(now - Math.min(...open.map((a) => a.startTs)))}`
      : '',
  ].filter(Boolean);
  return `In short: ${list.length} anomalies, ${where}; ${severity}, ${by}; ${span}; ${outcome.join(', ')}.`;
}
