import type { Sample } from '../core/sample.js';

const PERCENT = new Set(['cpu', 'memory', 'disk']);
const NON_NEGATIVE = new Set(['net_in', 'net_out', 'latency_ms']);
// Beyond any host's NIC (8 Tb/s) or any request that ever answered (a day): a unit error, a counter
// wrap or garbage. One such value would become the series' remembered extreme, and the robust
// detector would then call nothing on that series a new extreme for months.
const CEILING: Record<string, number> = { net_in: 1e12, net_out: 1e12, latency_ms: 86_400_000 };

export interface Sanitized {
  accepted: Sample[];
  rejected: { sample: Sample; reason: string }[];
}

/**
 * Drops what no detector should see: non-numbers, impossible percentages, negative rates, rates and
 * latencies past anything physical, samples
 * from the future, and samples not newer than the last one seen for their series (duplicates and
 * late arrivals would break the detectors' time order). Updates `lastTs` for accepted samples.
 */
export function sanitizeSamples(samples: Sample[], now: number, lastTs: Map<string, number>): Sanitized {
  const accepted: Sample[] = [];
  const rejected: Sanitized['rejected'] = [];
  const sorted = [...samples].sort((a, b) => a.ts - b.ts);
  for (const s of sorted) {
    const reason = invalid(s, now);
    if (reason) {
      rejected.push({ sample: s, reason });
      continue;
    }
    const key = `${s.target}|${s.metric}`;
    const last = lastTs.get(key);
    if (last !== undefined && s.ts <= last) {
      rejected.push({ sample: s, reason: 'not_newer' });
      continue;
    }
    lastTs.set(key, s.ts);
    accepted.push(s);
  }
  return { accepted, rejected };
}

function invalid(s: Sample, now: number): string | undefined {
  if (typeof s.value !== 'number' || !Number.isFinite(s.value)) return 'not_finite';
  if (!Number.isFinite(s.ts) || s.ts <= 0) return 'bad_timestamp';
  if (s.ts > now + 5 * 60_000) return 'future';
  if (PERCENT.has(s.metric) && (s.value < 0 || s.value > 100.5)) return 'out_of_range';
  if (NON_NEGATIVE.has(s.metric) && s.value < 0) return 'negative';
  if (s.value > (CEILING[s.metric] ?? Infinity)) return 'implausible';
  return undefined;
}
