import type { Anomaly } from '../core/anomaly.js';

/** The same kind of anomaly (metric and detector) on many targets at once. */
export interface FleetEvent {
  metric: string;
  detector: Anomaly['detector'];
  startTs: number;
  targets: number;
  /** Oldest first. */
  members: Anomaly[];
}

export interface FleetGrouping {
  minTargets: number;
  windowMs: number;
}

export const DEFAULT_FLEET_GROUPING: FleetGrouping = { minTargets: 5, windowMs: 10 * 60_000 };

/** chat.fleetGroup from config, in milliseconds. */
export const fleetGroupingOf = (c: { minTargets: number; windowMinutes: number }): FleetGrouping => ({
  minTargets: c.minTargets,
  windowMs: c.windowMinutes * 60_000,
});

/** Message keys of fleet alerts; outside 'alert:<target>:', where a target called "fleet" would collide. */
export const FLEET_ALERT_PREFIX = 'fleet-alert:';

/** What makes anomalies "the same kind" across targets: metric and detector. */
export const fleetKind = (a: Pick<Anomaly, 'metric' | 'detector'>): string => `${a.metric}|${a.detector}`;

/**
 * Finds fleet-wide events in a list of anomalies: those of one kind starting on at least
 * `minTargets` targets within `windowMs` of the first, close to how the notifier announces them as
 * one message. Returns the events (newest first) and the anomalies in none, in their input order. Pure.
 */
export function groupFleetEvents(list: Anomaly[], g: FleetGrouping = DEFAULT_FLEET_GROUPING): { events: FleetEvent[]; singles: Anomaly[] } {
  const byKind = new Map<string, Anomaly[]>();
  for (const a of list) {
    const kind = fleetKind(a);
    (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(a);
  }
  const grouped = new Set<string>();
  const events: FleetEvent[] = [];
  for (const same of byKind.values()) {
    const sorted = [...same].sort((a, z) => a.startTs - z.startTs);
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j < sorted.length && sorted[j]!.startTs - sorted[i]!.startTs <= g.windowMs) j++;
      const members = sorted.slice(i, j);
      const targets = new Set(members.map((a) => a.target)).size;
      if (targets < g.minTargets) {
        i++;
        continue;
      }
      for (const a of members) grouped.add(a.id);
      events.push({ metric: members[0]!.metric, detector: members[0]!.detector, startTs: members[0]!.startTs, targets, members });
      i = j;
    }
  }
  return { events: events.sort((a, z) => z.startTs - a.startTs), singles: list.filter((a) => !grouped.has(a.id)) };
}
