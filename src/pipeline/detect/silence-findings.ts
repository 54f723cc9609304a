import type { Finding } from '../../core/anomaly.js';

/**
 * A target that has sent nothing for `afterMs` is an anomaly of its own ("host going silent");
 * a target seen this tick clears it.
 */
export function silenceFindings(
  lastSeen: Map<string, number | null>,
  seenNow: Set<string>,
  now: number,
  afterMs: number,
  bootTs: number,
): Finding[] {
  const out: Finding[] = [];
  for (const [target, ts] of lastSeen) {
    if (seenNow.has(target)) {
      out.push(base(target, now, false, 0, ''));
      continue;
    }
    // A target never seen since boot is judged from boot, so a fresh start does not page for all.
    const since = ts ?? bootTs;
    const silentFor = now - since;
    if (silentFor > afterMs) {
      out.push(base(target, now, true, silentFor / 1000, `no samples from ${target} for ${Math.round(silentFor / 1000)} s`));
    }
  }
  return out;
}

function base(target: string, ts: number, anomalous: boolean, silentSeconds: number, summary: string): Finding {
  return {
    target,
    metric: 'heartbeat',
    detector: 'silence',
    ts,
    anomalous,
    score: anomalous ? 1 : 0,
    observed: silentSeconds,
    expectedLow: 0,
    expectedHigh: 0,
    severity: 'critical',
    summary,
  };
}
