import type { Finding } from '../../core/anomaly.js';
import { formatExact, METRIC_LABEL } from '../../core/metrics.js';
import type { BuildingAlert, ThresholdView } from '../../core/inspection.js';
import type { Sample } from '../../core/sample.js';
import type { ThresholdRule } from '../../config/schema.js';

/** The rule for a sample: a target-specific rule wins over the default for the same metric. */
export function ruleFor<R extends { metric: string; target?: string }>(rules: readonly R[], target: string, metric: string): R | undefined {
  let fallback: R | undefined;
  for (const r of rules) {
    if (r.metric !== metric) continue;
    if (r.target === target) return r;
    if (r.target === undefined && !fallback) fallback = r;
  }
  return fallback;
}

export function breaches(rule: ThresholdRule, value: number): boolean {
  return (rule.above !== undefined && value > rule.above) || (rule.below !== undefined && value < rule.below);
}

/**
 * "Above X for N consecutive samples". Keeps one counter per series; emits a finding for every
 * sample that has a rule, so the tracker can also see when the series is back to normal.
 */
export class ThresholdDetector {
  private streak = new Map<string, number>();
  /** When each current streak began and the latest sample seen, for "fires at about…" answers. */
  private since = new Map<string, number>();
  private lastTs = new Map<string, number>();

  constructor(private readonly rules: ThresholdRule[]) {}

  observe(s: Sample): Finding | undefined {
    const rule = ruleFor(this.rules, s.target, s.metric);
    if (!rule) return undefined;
    const key = `${s.target}|${s.metric}`;
    const n = breaches(rule, s.value) ? (this.streak.get(key) ?? 0) + 1 : 0;
    this.streak.set(key, n);
    this.lastTs.set(key, s.ts);
    if (n === 1) this.since.set(key, s.ts);
    else if (n === 0) this.since.delete(key);
    const anomalous = n >= rule.forSamples;
    const limit = rule.above !== undefined && s.value > rule.above ? rule.above : rule.below;
    return {
      target: s.target,
      metric: s.metric,
      detector: 'threshold',
      ts: s.ts,
      anomalous,
      score: anomalous ? 1 : Math.min(0.99, n / rule.forSamples),
      observed: s.value,
      expectedLow: rule.below ?? 0,
      expectedHigh: rule.above ?? Number.MAX_VALUE,
      severity: rule.severity,
      summary: anomalous
        ? `${METRIC_LABEL[s.metric] ?? s.metric} ${formatExact(s.metric, s.value)} ${rule.above !== undefined && s.value > rule.above ? 'above' : 'below'} ${formatExact(s.metric, limit!)} for ${n} sample${n === 1 ? '' : 's'}`
        : '',
    };
  }

  /** The rule for a series and how far into it the series is; undefined when no rule applies. */
  inspect(target: string, metric: string): ThresholdView | undefined {
    const rule = ruleFor(this.rules, target, metric);
    if (!rule) return undefined;
    const key = `${target}|${metric}`;
    return view(rule, this.streak.get(key) ?? 0, this.since.get(key), this.lastTs.get(key));
  }

  /** Series breaching their rule for fewer samples than it asks: what opens next if it holds. */
  building(): BuildingAlert[] {
    const out: BuildingAlert[] = [];
    for (const [key, n] of this.streak) {
      if (n <= 0) continue;
      const cut = key.lastIndexOf('|');
      const target = key.slice(0, cut);
      const metric = key.slice(cut + 1);
      const rule = ruleFor(this.rules, target, metric);
      if (rule && n < rule.forSamples) out.push({ target, metric, view: view(rule, n, this.since.get(key), this.lastTs.get(key)) });
    }
    return out;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.streak);
  }

  restore(streaks: Record<string, number>): void {
    for (const [k, v] of Object.entries(streaks)) if (Number.isInteger(v)) this.streak.set(k, v);
  }
}

function view(rule: ThresholdRule, streak: number, sinceTs?: number, lastTs?: number): ThresholdView {
  return {
    ...(rule.above !== undefined ? { above: rule.above } : {}),
    ...(rule.below !== undefined ? { below: rule.below } : {}),
    forSamples: rule.forSamples,
    severity: rule.severity,
    streak,
    ...(sinceTs !== undefined && streak > 0 ? { sinceTs } : {}),
    ...(lastTs !== undefined ? { lastTs } : {}),
  };
}
