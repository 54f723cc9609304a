import type { Anomaly } from '../core/anomaly.js';
import { anomalyLabel, figureMetric, formatValue } from '../core/metrics.js';
import { stamp } from '../core/stamp.js';
import { describeAnomaly } from './format-reply.js';
import { formatDuration } from './text-tools.js';

type Span = { target: string; metric: string; startTs: number; endTs: number | null };

/** Anomalies on one target and metric whose times overlap: the threshold rule, the robust detector and the forecast on one disk fill. */
export interface Episode<A extends Span = Anomaly> {
  target: string;
  metric: string;
  startTs: number;
  /** null while any member is open. */
  endTs: number | null;
  /** By start, earliest first. */
  members: A[];
}

/**
 * Episodes of a list, newest start first. Open anomalies run to `now`, so a late detector joining an
 * open episode is part of it. Pure.
 */
export function groupEpisodes<A extends Span>(list: readonly A[], now: number): Episode<A>[] {
  const bySeries = new Map<string, A[]>();
  for (const a of list) {
    const key = `${a.target}\u0000${a.metric}`;
    (bySeries.get(key) ?? bySeries.set(key, []).get(key)!).push(a);
  }
  const out: Episode<A>[] = [];
  for (const members of bySeries.values()) {
    members.sort((x, y) => x.startTs - y.startTs);
    let cur: (Episode<A> & { reach: number }) | undefined;
    for (const a of members) {
      const reach = a.endTs ?? Math.max(now, a.startTs);
      if (cur && a.startTs <= cur.reach) {
        cur.members.push(a);
        cur.reach = Math.max(cur.reach, reach);
        cur.endTs = cur.endTs === null || a.endTs === null ? null : Math.max(cur.endTs, a.endTs);
        continue;
      }
      if (cur) out.push(withoutReach(cur));
      cur = { target: a.target, metric: a.metric, startTs: a.startTs, endTs: a.endTs, members: [a], reach };
    }
    if (cur) out.push(withoutReach(cur));
  }
  return out.sort((x, y) => y.startTs - x.startTs);
}

const withoutReach = <A extends Span>({ reach: _, ...e }: Episode<A> & { reach: number }): Episode<A> => e;

const SEVERITY_RANK: Record<string, number> = { critical: 2, warning: 1 };

/**
 * "db-1 disk [critical]: peak 98.0%; 2026-12-04 23:09:00 UTC for 7 min, resolved; 3 detectors: forecast an_…,
 * threshold an_…, robust an_… — <what the first one found>". One member reads as the anomaly itself.
 */
export function describeEpisode(e: Episode, now: number): string {
  const first = e.members[0]!;
  if (e.members.length === 1) return `${describeAnomaly(first, now)}${first.summary ? ` — ${first.summary}` : ''}`;
  // The most severe member speaks for the episode: its severity and its peak (detectors can read one peak differently).
  const lead = [...e.members].sort((x, z) => (SEVERITY_RANK[z.severity] ?? 0) - (SEVERITY_RANK[x.severity] ?? 0) || z.score - x.score)[0]!;
  const figure = lead.detector === 'alertmanager' ? 'firing in Alertmanager' : `peak ${formatValue(figureMetric(lead), lead.peak)}`;
  const span =
    e.endTs === null
      ? `since ${stamp(e.startTs)} (${formatDuration(now - e.startTs)}, ongoing)`
      : `${stamp(e.startTs)} for ${formatDuration(e.endTs - e.startTs)}, resolved`;
  const open = e.members.filter((a) => a.status === 'open').length;
  const who = e.members.map((a) => `${a.detector} ${a.id}${e.endTs === null && a.status !== 'open' ? ' (resolved)' : ''}`).join(', ');
  const why = first.summary ? ` — ${first.summary}` : '';
  return (
    `${e.target} ${anomalyLabel(lead)} [${lead.severity}]: ${figure}; ${span}; ${e.members.length} anomalies` +
    `${open && open < e.members.length ? ` (${open} open)` : ''}: ${who}${why}`
  );
}
