import type { Anomaly } from '../core/anomaly.js';
import type { Store } from '../core/ports.js';

/**
 * The anomalies still open (however old) and those recorded in a window, each once: an open one
 * started inside the window is in both lists, and was listed twice ("2 anomalies: threshold
 * an_x, threshold an_x").
 */
export function openAndRecent(
  store: Pick<Store, 'openAnomalies' | 'recentAnomalies'>,
  limit: number,
  from: number,
  until: number,
): Anomaly[] {
  const seen = new Set<string>();
  return [...store.openAnomalies(), ...store.recentAnomalies(limit, from, until)].filter((a) => !seen.has(a.id) && Boolean(seen.add(a.id)));
}
