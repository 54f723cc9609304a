import type { Anomaly } from '../core/anomaly.js';
import type { Store } from '../core/ports.js';
import { METRIC_LABEL, stamp } from './format-reply.js';
import { openAndRecent } from './open-and-recent.js';
import { formatDuration } from './text-tools.js';

const MARGIN_MS = 15 * 60_000;
const SHOWN = 5;
/** An episode that began this long before another and is still open during it is read too. */
const LOOK_BACK_MS = 86_400_000;

/**
 * "What else happened around an_…?": the other anomalies open within 15 min of this one, on its own
 * target first and then by how close their start was. A cause often shows on another metric or host
 * (the database's disk before the web tier's latency), which one alert alone does not say.
 */
export function anomaliesAround(a: Anomaly, store: Pick<Store, 'recentAnomalies' | 'openAnomalies'>, now: number): string[] {
  const from = a.startTs - MARGIN_MS;
  const until = (a.endTs ?? now) + MARGIN_MS;
  const near = openAndRecent(store, 2_000, from - LOOK_BACK_MS, until)
    .filter((x) => x.id !== a.id)
    .filter((x) => x.startTs < until && (x.endTs ?? now) > from);
  if (!near.length) return [`Nothing else was anomalous within ${formatDuration(MARGIN_MS)} of it.`];
  near.sort(
    (x, z) =>
      Number(z.target === a.target) - Number(x.target === a.target) || Math.abs(x.startTs - a.startTs) - Math.abs(z.startTs - a.startTs),
  );
  const rel = (x: Anomaly) => {
    const d = x.startTs - a.startTs;
    return d === 0 ? 'started with it' : `started ${formatDuration(Math.abs(d))} ${d < 0 ? 'before' : 'after'} it`;
  };
  const line = (x: Anomaly) =>
    `• ${x.id} [${x.severity}] ${x.target} ${METRIC_LABEL[x.metric] ?? x.metric} (${x.detector}) ${stamp(x.startTs).slice(11, 19)}–${x.endTs === null ? 'still open' : stamp(x.endTs).slice(11, 19)}: ${rel(x)}`;
  const targets = new Set(near.map((x) => x.target));
  const rest = near.length - SHOWN;
  const sameDay = Math.floor(from / 86_400_000) === Math.floor(until / 86_400_000);
  const hint = sameDay
    ? `; "anomalies between ${stamp(from).slice(11, 16)} and ${stamp(until).slice(11, 16)}" lists those that started then`
    : '';
  return [
    `Around it (open within ${formatDuration(MARGIN_MS)} of it): ${near.length} other anomal${near.length === 1 ? 'y' : 'ies'} on ${targets.size} target${targets.size === 1 ? '' : 's'}:`,
    ...near.slice(0, SHOWN).map(line),
    ...(rest > 0 ? [`…and ${rest} more${hint}.`] : []),
  ];
}
