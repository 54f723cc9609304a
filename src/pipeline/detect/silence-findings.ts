import type { Finding } from '../../core/anomaly.js';

/**
 * A target that has sent nothing for `afterMs` while this process ran is an anomaly of its own
 * ("host going silent"); a target seen this tick clears it. Silence is counted from this start at
 * the earliest: after the bot was down, a host gets `afterMs` to report before it is called silent,
 * as a host first seen does, and the summary says how much of the gap the bot was not running.
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
    const last = ts ?? bootTs;
    const watched = now - Math.max(last, bootTs);
    if (watched > afterMs) {
      const gap = now - last;
      const down = Math.max(0, bootTs - last);
      const notRunning = down > 0 ? ` (I was not running for ${Math.round(down / 1000)} s of it)` : '';
      out.push(base(target, now, true, gap / 1000, `no samples from ${target} for ${Math.round(gap / 1000)} s${notRunning}`));
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
