import type { Anomaly } from '../core/anomaly.js';
import type { Store } from '../core/ports.js';
import { clock, METRIC_LABEL } from './format-reply.js';

const NEAR_MS = 15 * 60_000;
const SHOWN = 3;

/**
 * Pure: what else is open on other targets that began within 15 minutes of this alert's anomalies,
 * worst first, for the alert's "also open" field: the database's disk beside the web tier's CPU is
 * often the story. Undefined when this alert has nothing open or nothing else is near it.
 */
export function alsoOpen(members: readonly Anomaly[], open: readonly Anomaly[]): string | undefined {
  const mine = members.filter((a) => a.status === 'open');
  if (!mine.length) return undefined;
  const targets = new Set(members.map((a) => a.target));
  const from = Math.min(...mine.map((a) => a.startTs)) - NEAR_MS;
  const until = Math.max(...mine.map((a) => a.startTs)) + NEAR_MS;
  const near = open
    .filter((a) => !targets.has(a.target) && a.startTs >= from && a.startTs <= until)
    .sort((a, z) => Number(z.severity === 'critical') - Number(a.severity === 'critical') || a.startTs - z.startTs);
  if (!near.length) return undefined;
  const shown = near
    .slice(0, SHOWN)
    .map((a) => `${a.target} ${METRIC_LABEL[a.metric] ?? a.metric} (${a.severity}, since ${clock(a.startTs).slice(0, 5)})`);
  return `${shown.join(', ')}${near.length > SHOWN ? `, and ${near.length - SHOWN} more` : ''}`;
}

/**
 * alsoOpen over the store's open anomalies, read once per tick (`now`) however many alerts that tick
 * renders: a read per alert cost the 250-target tick bench about 5 MB of peak memory.
 */
export function alsoOpenOf(store: Pick<Store, 'openAnomalies'>) {
  let read: { now: number; open: Anomaly[] } | undefined;
  return (members: readonly Anomaly[], now: number): string | undefined => {
    if (!members.some((a) => a.status === 'open')) return undefined;
    if (read?.now !== now) read = { now, open: store.openAnomalies() };
    return alsoOpen(members, read.open);
  };
}
