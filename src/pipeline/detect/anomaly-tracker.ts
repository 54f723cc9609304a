import type { Anomaly, Finding, Severity } from '../../core/anomaly.js';
import { hashString } from '../../core/random.js';

export interface TrackerChanges {
  opened: Anomaly[];
  updated: Anomaly[];
  resolved: Anomaly[];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

export function anomalyKey(f: Pick<Finding, 'target' | 'metric' | 'detector'>): string {
  return `${f.target}|${f.metric}|${f.detector}`;
}

export function anomalyId(key: string, startTs: number): string {
  return `an_${hashString(`${key}@${startTs}`, 1).toString(36)}${hashString(`${key}@${startTs}`, 2).toString(36).slice(0, 3)}`;
}

// A host-level episode keeps one metric's figures: a finding that blames another metric (or none)
// must not put megabytes into a range of percents.
const sameFigures = (a: Anomaly, f: Finding) => (f.feature || undefined) === a.feature;

/**
 * Turns per-sample findings into episodes: an ongoing anomaly is one record, updated in place,
 * resolved after `resolveAfter` consecutive normal findings for the same key.
 */
export class AnomalyTracker {
  private open = new Map<string, Anomaly>();
  private calm = new Map<string, number>();

  constructor(
    open: Anomaly[],
    private readonly resolveAfter: number,
  ) {
    for (const a of open) this.open.set(a.key, a);
  }

  get openCount(): number {
    return this.open.size;
  }

  apply(findings: Finding[]): TrackerChanges {
    const changes: TrackerChanges = { opened: [], updated: [], resolved: [] };
    for (const f of findings) {
      const key = anomalyKey(f);
      const cur = this.open.get(key);
      if (f.anomalous) {
        this.calm.delete(key);
        if (!cur) {
          const a: Anomaly = {
            id: anomalyId(key, f.ts),
            key,
            target: f.target,
            metric: f.metric,
            detector: f.detector,
            status: 'open',
            severity: f.severity,
            score: f.score,
            observed: f.observed,
            expectedLow: f.expectedLow,
            expectedHigh: f.expectedHigh,
            startTs: f.ts,
            endTs: null,
            updatedTs: f.ts,
            peak: f.observed,
            summary: f.summary,
            ...(f.feature ? { feature: f.feature } : {}),
          };
          this.open.set(key, a);
          changes.opened.push(a);
        } else {
          const beyond = (v: number) => Math.max(v - cur.expectedHigh, cur.expectedLow - v);
          const stronger = f.score >= cur.score;
          const next: Anomaly = {
            ...cur,
            severity: RANK[f.severity] > RANK[cur.severity] ? f.severity : cur.severity,
            score: Math.max(cur.score, f.score),
            updatedTs: f.ts,
            ...(sameFigures(cur, f)
              ? {
                  observed: f.observed,
                  peak: beyond(f.observed) > beyond(cur.peak) ? f.observed : cur.peak,
                  // The summary describes the episode's strongest moment, not a weaker tail of it.
                  summary: f.summary && stronger ? f.summary : cur.summary,
                }
              : // A stronger moment that blames another metric becomes the episode's figures, all of them.
                stronger && f.feature
                ? {
                    feature: f.feature,
                    observed: f.observed,
                    peak: f.observed,
                    expectedLow: f.expectedLow,
                    expectedHigh: f.expectedHigh,
                    summary: f.summary || cur.summary,
                  }
                : {}),
          };
          this.open.set(key, next);
          changes.updated.push(next);
        }
      } else if (cur) {
        const n = (this.calm.get(key) ?? 0) + 1;
        if (n >= this.resolveAfter) {
          const done: Anomaly = {
            ...cur,
            status: 'resolved',
            endTs: f.ts,
            updatedTs: f.ts,
            observed: sameFigures(cur, f) ? f.observed : cur.observed,
          };
          this.open.delete(key);
          this.calm.delete(key);
          changes.resolved.push(done);
        } else this.calm.set(key, n);
      }
    }
    return changes;
  }
}
