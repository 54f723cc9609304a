import type { Anomaly } from '../core/anomaly.js';
import { formatExact, METRIC_LABEL } from '../core/metrics.js';
import type { Store } from '../core/ports.js';
import type { ThresholdRule } from '../config/schema.js';

const WEEK = 7 * 86_400_000;
const CHAT_METRICS = ['cpu', 'memory', 'disk', 'net_in', 'net_out', 'latency_ms'];

/** Where each detector's sensitivity is set, said so that someone can act on it. */
const FIX: Record<string, string> = {
  robust: 'raise detectors.robust.minChange for this metric (the smallest change that may open one)',
  iforest: 'lengthen chat.pendingFor for the iforest detector (how long it must be anomalous before it is posted)',
  forecast: 'narrow its forecast rule (forecasts: withinMinutes, from)',
  silence: 'raise detectors.silence.afterSeconds (how long a host may be quiet)',
};

/**
 * After "this alert is noise": when the same target, metric and detector have been marked noise at
 * least twice in the last 7 days and never useful, what would quiet them, now (a silence) and for
 * good (the config that sets how easily they open). Undefined otherwise. Marks stay advice: nothing
 * here changes detection, which the detectors' benchmarks measure.
 */
export function noiseAdvice(
  a: Pick<Anomaly, 'target' | 'metric' | 'detector'>,
  store: Pick<Store, 'recordsBetween'>,
  now: number,
  thresholds: readonly ThresholdRule[] = [],
): string | undefined {
  const latest = new Map<string, unknown>();
  for (const r of store.recordsBetween(now - WEEK, now + 1, ['alert_feedback'], 100_000))
    if (r.data.target === a.target && r.data.metric === a.metric && r.data.detector === a.detector && typeof r.data.anomaly === 'string')
      latest.set(r.data.anomaly, r.data.verdict);
  const verdicts = [...latest.values()];
  const noise = verdicts.filter((v) => v === 'noise').length;
  if (noise < 2 || verdicts.includes('useful')) return undefined;
  const label = METRIC_LABEL[a.metric] ?? a.metric;
  const rules = thresholds.filter((t) => t.metric === a.metric && (!t.target || t.target === a.target));
  const fix =
    a.detector === 'threshold' && rules.length
      ? `raise its threshold rule in config (${rules
          .map(
            (t) =>
              `${t.above !== undefined ? `above ${formatExact(a.metric, t.above)}` : `below ${formatExact(a.metric, t.below!)}`} for ${t.forSamples} samples`,
          )
          .join('; ')})`
      : (FIX[a.detector] ?? 'change its rule in config');
  // A metric chat names ("cpu", "network in"); a heartbeat or a host's forest is the whole host.
  const what = CHAT_METRICS.includes(a.metric) ? ` ${label.toLowerCase()}` : '';
  return `That is ${noise} noise marks on ${a.target} ${label} (${a.detector}) in 7 days, and none useful. To hear less of it: "snooze ${a.target}${what} for 1d" now; for good, ${fix}.`;
}
