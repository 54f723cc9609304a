import type { Anomaly } from '../core/anomaly.js';
import type { Store } from '../core/ports.js';
import { FLEET_ALERT_PREFIX } from './fleet-events.js';

/**
 * Alert message keys: `alert:<target>:<tick>` for one target's anomalies of a tick,
 * `fleet-alert:<metric|detector>:<tick>` for a fleet message. The tick is when it was posted.
 */
export const alertKey = (target: string, tick: number): string => `alert:${target}:${tick}`;

export const isAlertKey = (key: string): boolean => key.startsWith('alert:') || key.startsWith(FLEET_ALERT_PREFIX);

/** When an alert message was posted. */
export const postedAt = (key: string): number => Number(key.slice(key.lastIndexOf(':') + 1));

/** The anomalies an alert message carries, as stored now (pruned ones left out). */
export const alertMembers = (store: Pick<Store, 'chat' | 'getAnomaly'>, key: string): Anomaly[] =>
  store.chat.anomaliesForKey(key).flatMap((id) => store.getAnomaly(id) ?? []);

/**
 * The target's latest alert message posted within `withinMs` that still has an open anomaly: new
 * anomalies there join it (updated in place, a reply in its thread) instead of paging again, so a
 * disk fill is one alert, not one each for the forecast, the threshold rule and the robust detector.
 */
export function openAlertOf(
  store: Pick<Store, 'chat' | 'openAnomalies'>,
  target: string,
  now: number,
  withinMs: number,
): string | undefined {
  let best: string | undefined;
  for (const a of store.openAnomalies()) {
    if (a.target !== target) continue;
    const key = store.chat.alertKeyFor(a.id);
    if (key?.startsWith('alert:') && now - postedAt(key) <= withinMs && (!best || postedAt(key) > postedAt(best))) best = key;
  }
  return best;
}
