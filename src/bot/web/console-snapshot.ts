import type { Store } from '../../core/ports.js';
import type { Target } from '../../core/target.js';
import { buildStatus } from '../../status/build-status.js';
import { listWatches } from '../watches.js';
import { changesBetween } from '../change-log.js';
import { describeIncident, openIncidents } from '../incidents.js';

/**
 * What the console page renders: /status, the open incidents, silences, watches and reminders, the
 * day's changes, and 2 h of CPU per target (≤ 60 points).
 */
export function consoleSnapshot(store: Store, targets: Target[], now: number, staleAfterMs: number) {
  const status = buildStatus(store, targets, now, staleAfterMs);
  const series: Record<string, number[]> = {};
  for (const t of status.targets) {
    const pts = store.series(t.name, 'cpu', now - 2 * 3_600_000).map((x) => x.value);
    const step = Math.max(1, Math.ceil(pts.length / 60));
    series[t.name] = pts.filter((_, i) => i % step === 0);
  }
  // Silences scheduled ahead are listed with them, with their start.
  const silences = [...store.chat.silences(now), ...store.chat.scheduledSilences(now)];
  // The changes people recorded in the last day, latest first: what the alerts below may follow.
  const changes = changesBetween(store, now - 86_400_000, now)
    .reverse()
    .slice(0, 10);
  const incidents = openIncidents(store, now).map((i) => ({ id: i.id, text: describeIncident(i, now) }));
  return { status, incidents, silences, watches: listWatches(store, now), changes, series };
}
