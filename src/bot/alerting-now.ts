import type { Anomaly } from '../core/anomaly.js';
import { anomalyLabel } from '../core/metrics.js';
import { stamp } from './format-reply.js';
import { formatDuration } from './text-tools.js';

/**
 * "How long has web-2 been alerting?": the stretch going on now, in alert without a break (its
 * anomalies overlapping back from the oldest open one), or when the last one ended. Pure.
 */
export function alertingNowLine(list: readonly Anomaly[], who: string, now: number): string {
  const open = list.filter((a) => a.endTs === null);
  if (!open.length) {
    const last = list.filter((a) => a.endTs !== null).sort((a, z) => z.endTs! - a.endTs!)[0];
    return last
      ? `${who} is not alerting now: the last alert (${last.target} ${anomalyLabel(last)}, ${last.id}) ended at ${stamp(last.endTs!)}, ${formatDuration(now - last.endTs!)} ago, after ${formatDuration(last.endTs! - last.startTs)}.`
      : `${who} is not alerting now.`;
  }
  // Back from the oldest open one while an earlier anomaly was still open when the stretch began: latest start
  // first, so one pass meets every anomaly that can move the start before any that starts earlier still.
  let from = Math.min(...open.map((a) => a.startTs));
  for (const a of [...list].sort((x, z) => z.startTs - x.startTs)) if (a.startTs < from && (a.endTs ?? now) >= from) from = a.startTs;
  const series = [...new Set(open.map((a) => `${a.target} ${anomalyLabel(a)}`))];
  return `${who} has been alerting for ${formatDuration(now - from)}, without a break since ${stamp(from)}: ${open.length} open now (${series.join(', ')}).`;
}
