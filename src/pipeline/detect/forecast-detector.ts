import type { Finding } from '../../core/anomaly.js';
import type { ForecastView } from '../../core/inspection.js';
import { formatExact, METRIC_LABEL, unitOf } from '../../core/metrics.js';
import type { Sample } from '../../core/sample.js';
import type { ForecastRule } from '../../config/schema.js';
import { ruleFor } from './threshold-detector.js';

export interface LineFit {
  /** Units per millisecond, and the line's value at the latest sample's time. */
  slope: number;
  at: number;
  /** The slope over its standard error: how sure the rise is against the scatter. */
  t: number;
  n: number;
}

/** Least squares over (ts, value) pairs; undefined below 3 points or with no spread in time. */
export function fitLine(ts: readonly number[], vs: readonly number[]): LineFit | undefined {
  const n = ts.length;
  if (n < 3) return undefined;
  const t0 = ts[n - 1]!;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += ts[i]! - t0;
    sy += vs[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = ts[i]! - t0 - mx;
    sxx += dx * dx;
    sxy += dx * (vs[i]! - my);
  }
  if (sxx <= 0) return undefined;
  const slope = sxy / sxx;
  const at = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const r = vs[i]! - (at + slope * (ts[i]! - t0));
    sse += r * r;
  }
  const se = Math.sqrt(sse / (n - 2) / sxx);
  return { slope, at, t: se > 0 ? slope / se : slope > 0 ? Infinity : slope < 0 ? -Infinity : 0, n };
}

// A rise must stand out of the scatter this clearly (its slope over its standard error) before it
// is projected: noise fits a slope too.
const MIN_T = 4;

/**
 * "Disk full within 4 hours": a line fitted by least squares to the last `fitMinutes` of each series
 * with a forecast rule, projected to `reaches`. Anomalous while the value is at least `from`, the
 * rise is clear of the scatter and the line reaches the limit within `withinMinutes` — as
 * node_exporter's NodeFilesystemSpaceFillingUp alert does with predict_linear. Emits a finding for
 * every sample of such a series once half its window is filled, so the tracker sees the end too.
 */
export class ForecastDetector {
  private series = new Map<string, { ts: number[]; vs: number[] }>();

  constructor(private readonly rules: ForecastRule[]) {}

  observe(s: Sample): Finding | undefined {
    const rule = ruleFor(this.rules, s.target, s.metric);
    if (!rule) return undefined;
    const key = `${s.target}|${s.metric}`;
    const w = this.series.get(key) ?? this.series.set(key, { ts: [], vs: [] }).get(key)!;
    w.ts.push(s.ts);
    w.vs.push(s.value);
    const windowMs = rule.fitMinutes * 60_000;
    let drop = 0;
    while (drop < w.ts.length && w.ts[drop]! <= s.ts - windowMs) drop++;
    if (drop) {
      w.ts.splice(0, drop);
      w.vs.splice(0, drop);
    }
    if (s.ts - w.ts[0]! < windowMs / 2) return undefined;
    const fit = fitLine(w.ts, w.vs);
    if (!fit) return undefined;
    const etaMs = fit.slope > 0 ? (rule.reaches - fit.at) / fit.slope : Infinity;
    const anomalous = (rule.from === undefined || s.value >= rule.from) && fit.t >= MIN_T && etaMs <= rule.withinMinutes * 60_000;
    return {
      target: s.target,
      metric: s.metric,
      detector: 'forecast',
      ts: s.ts,
      anomalous,
      score: anomalous ? 1 : 0,
      observed: s.value,
      // Shown as the limit, not a range (expectedText). The low end is at most 0 so that the tracker's
      // peak ("furthest outside the range") is the highest value, not the one nearest `from`.
      expectedLow: Math.min(0, rule.from ?? 0),
      expectedHigh: rule.reaches,
      severity: rule.severity,
      // The alarm asks the line (as predict_linear does); the text gives the sooner of the line's time
      // and the value's own at that rate. On a fill of minutes the line lags far behind the value: it
      // said "in about 59 min" at 98 %, where the rate gives about 3.
      summary: anomalous ? forecastSummary(s, rule, fit.slope, Math.max(0, Math.min(etaMs, (rule.reaches - s.value) / fit.slope))) : '',
    };
  }

  /** The rule of a series and its projection at the latest sample; undefined when no rule applies. */
  inspect(target: string, metric: string): ForecastView | undefined {
    const rule = ruleFor(this.rules, target, metric);
    if (!rule) return undefined;
    const w = this.series.get(`${target}|${metric}`);
    const spanMinutes = w && w.ts.length ? (w.ts.at(-1)! - w.ts[0]!) / 60_000 : 0;
    const base = {
      reaches: rule.reaches,
      withinMinutes: rule.withinMinutes,
      fitMinutes: rule.fitMinutes,
      from: rule.from,
      spanMinutes,
      minT: MIN_T,
    };
    if (!w || !w.vs.length) return base;
    const fit = spanMinutes >= rule.fitMinutes / 2 ? fitLine(w.ts, w.vs) : undefined;
    if (!fit) return { ...base, value: w.vs.at(-1)! };
    const etaMinutes = fit.slope > 0 ? (rule.reaches - fit.at) / fit.slope / 60_000 : Infinity;
    return { ...base, value: w.vs.at(-1)!, perHour: fit.slope * 3_600_000, t: fit.t, etaMinutes };
  }

  /** The recent values of each series, for a restart (small: an hour at 30 s is 120 pairs). */
  snapshot(): Record<string, [number[], number[]]> {
    return Object.fromEntries([...this.series].map(([k, w]) => [k, [w.ts, w.vs]]));
  }

  restore(saved: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(saved)) {
      if (!Array.isArray(v) || v.length !== 2 || !Array.isArray(v[0]) || !Array.isArray(v[1]) || v[0].length !== v[1].length) continue;
      const ts = (v[0] as unknown[]).map(Number);
      const vs = (v[1] as unknown[]).map(Number);
      if (ts.every(Number.isFinite) && vs.every(Number.isFinite)) this.series.set(k, { ts, vs });
    }
  }
}

function forecastSummary(s: Sample, rule: ForecastRule, slopePerMs: number, etaMs: number): string {
  const label = METRIC_LABEL[s.metric] ?? s.metric;
  const perHour = slopePerMs * 3_600_000;
  const rate = unitOf(s.metric) === '%' ? `${perHour.toFixed(1)} points/h` : `${formatExact(s.metric, perHour)}/h`;
  const eta =
    etaMs < 90_000
      ? 'now'
      : etaMs < 5_400_000
        ? `in about ${Math.round(etaMs / 60_000)} min`
        : `in about ${(etaMs / 3_600_000).toFixed(1)} h`;
  return `${label} ${formatExact(s.metric, s.value)}, rising ${rate} over the last ${rule.fitMinutes} min: at that rate it reaches ${formatExact(s.metric, rule.reaches)} ${eta}`;
}
