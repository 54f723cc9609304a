import type { DetectorName, Finding, Severity } from '../../core/anomaly.js';
import { formatExact, METRIC_LABEL } from '../../core/metrics.js';
import type { Store } from '../../core/ports.js';
import { hashString } from '../../core/random.js';
import type { Sample } from '../../core/sample.js';
import type { FileConfig } from '../../config/schema.js';
import type { BuildingAlert, DetectorInspector, ForestStatus, ForestView, RobustView, SeriesInspection } from '../../core/inspection.js';
import { HostForest, HOST_FEATURES, type HostForestParams } from './host-forest.js';
import { SeriesDetector, type SeriesDetectorParams, type SeriesScore } from './series-detector.js';
import { ForecastDetector } from './forecast-detector.js';
import { ThresholdDetector } from './threshold-detector.js';

export type DetectorsConfig = FileConfig['detectors'];

/** The series detector's parameters for one metric: minChange is in the metric's unit; none for a series of unknown unit. */
export function seriesParams(c: DetectorsConfig['robust'], metric?: string): SeriesDetectorParams {
  const { ref, short, volWindow, range, ratio, halfLife, cooldown, escalate, seasonAlpha, minHistory, minDeviation, quietSamples } = c;
  // Own keys only: a source's metric named "constructor" must not read Object's.
  const minChange = metric !== undefined && Object.hasOwn(c.minChange, metric) ? (c.minChange[metric] ?? 0) : 0;
  return {
    ref,
    short,
    volWindow,
    range,
    ratio,
    halfLife,
    cooldown,
    escalate,
    seasonAlpha,
    minHistory,
    minDeviation,
    quietSamples,
    minChange,
  };
}

export function forestParams(c: DetectorsConfig['iforest']): HostForestParams {
  return {
    trees: c.trees,
    sampleSize: c.sampleSize,
    seed: c.seed,
    window: c.window,
    stride: c.stride,
    refitEvery: c.refitEvery,
    minHistory: c.minHistory,
    warmup: c.warmup,
  };
}

/** What each robust statistic means, as alert summaries and chat put it. */
export const ROBUST_WHAT: Record<SeriesScore['kind'], string> = {
  spike: 'a spike',
  range: 'outside its recent range',
  shift: 'a level shift',
  variance: 'a change in variability',
  seasonal: 'unusual for this time of day',
  drift: 'a gradual drift',
};

/** A robust anomaly this many robust deviations out is critical; nearer, a warning. */
export const ROBUST_CRITICAL_DEVIATIONS = 12;

/**
 * Runs every detector over a tick's samples. Holds the per-series and per-host model state, which
 * it can save to and load from the store so a restart does not start blind.
 */
export class DetectionEngine implements DetectorInspector {
  private robust = new Map<string, SeriesDetector>();
  /** Each series' latest robust score and each host's latest forest score, for inspect(). */
  private lastRobust = new Map<string, { ts: number; prevTs: number | undefined; value: number; r: SeriesScore; open: boolean }>();
  private lastForest = new Map<string, ForestView>();
  /** Series whose robust episode is open: it stays open while the statistic holds (holdRatio). */
  /** Robust episodes being held open, with the kind of statistic that opened each. */
  private holding = new Map<string, SeriesScore['kind']>();
  /** Host forests whose episode is open. */
  private holdingHosts = new Set<string>();
  private forests = new Map<string, HostForest>();
  private readonly threshold: ThresholdDetector;
  private readonly forecast: ForecastDetector;
  private dirty = new Set<string>();
  private persistCalls = 0;

  constructor(
    private readonly cfg: DetectorsConfig,
    thresholds: FileConfig['thresholds'],
    private readonly store?: Pick<Store, 'loadDetectorState' | 'saveDetectorStates' | 'getKv' | 'setKv'>,
    forecasts: FileConfig['forecasts'] = [],
  ) {
    this.threshold = new ThresholdDetector(thresholds);
    this.forecast = new ForecastDetector(forecasts);
    // Saved state that does not parse (a torn write, a hand edit) is started over, not a failed boot.
    const saved = (key: string): Record<string, unknown> | undefined => {
      try {
        const v: unknown = JSON.parse(store?.getKv(key) ?? 'null');
        return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    };
    const streaks = saved('detector:threshold');
    if (streaks) this.threshold.restore(streaks as Record<string, number>);
    const recent = saved('detector:forecast');
    if (recent) this.forecast.restore(recent);
  }

  /** Samples must be in time order per series. Returns one finding per detector that had a say. */
  process(samples: Sample[]): Finding[] {
    const findings: Finding[] = [];
    const hosts = new Map<string, { ts: number; values: Record<string, number> }>();
    for (const s of samples) {
      if (!Number.isFinite(s.value)) continue;
      const t = this.threshold.observe(s);
      if (t) findings.push(t);
      const f = this.forecast.observe(s);
      if (f) findings.push(f);
      if (this.cfg.robust.enabled) findings.push(this.scoreRobust(s));
      if (this.cfg.iforest.enabled && (HOST_FEATURES as readonly string[]).includes(s.metric)) {
        const h = hosts.get(`${s.target}@${s.ts}`) ?? { ts: s.ts, values: {} };
        h.values[s.metric] = s.value;
        hosts.set(`${s.target}@${s.ts}`, h);
      }
    }
    for (const [key, h] of hosts) {
      const target = key.slice(0, key.lastIndexOf('@'));
      const f = this.scoreHost(target, h.ts, h.values);
      if (f) findings.push(f);
    }
    return findings;
  }

  private scoreRobust(s: Sample): Finding {
    const key = `robust:${s.target}|${s.metric}`;
    let scorer = this.robust.get(key);
    if (!scorer) {
      const saved = this.store?.loadDetectorState(key);
      const p = seriesParams(this.cfg.robust, s.metric);
      scorer = saved ? SeriesDetector.restore(saved, p) : new SeriesDetector(p);
      this.robust.set(key, scorer);
    }
    const r = scorer.update(s.value, s.ts);
    this.dirty.add(key);
    // The alarm is the benchmarked one (onset, at the NAB-optimised threshold); holding only keeps
    // that episode open.
    const onset = r.alarm >= this.cfg.robust.alarmThreshold;
    const opened = onset ? r.kind : this.holding.get(key);
    const anomalous = onset || (opened !== undefined && this.holds(s.value, r, opened));
    if (anomalous) this.holding.set(key, opened!);
    else this.holding.delete(key);
    // The score object is kept as it is (no copy per sample); inspect() reads the rest from the scorer.
    const before = this.lastRobust.get(key);
    if (before) {
      before.prevTs = before.ts;
      before.ts = s.ts;
      before.value = s.value;
      before.r = r;
      before.open = anomalous;
    } else this.lastRobust.set(key, { ts: s.ts, prevTs: undefined, value: s.value, r, open: anomalous });
    const what = ROBUST_WHAT[r.kind];
    return finding(
      s,
      'robust',
      anomalous,
      r.ratio / (1 + r.ratio),
      r.expectedLow,
      r.expectedHigh,
      r.deviations >= ROBUST_CRITICAL_DEVIATIONS ? 'critical' : 'warning',
      anomalous ? robustSummary(s, r, what) : '',
    );
  }

  /**
   * An open episode lasts while the ratio holds and the value (or its recent level) is still outside
   * its usual range: the windows keep a finished incident in view for a while (a disk back at 34 %
   * still has the fill and the drop in its last 32 values), and on the synthetic fleet that kept
   * episodes open a median 7.5 min after the incident ended (0.6 min now, npm run bench:fleet). A
   * change in variability is the exception: its values are mostly inside the range.
   */
  private holds(value: number, r: SeriesScore, opened: SeriesScore['kind']): boolean {
    if (r.ratio < this.cfg.robust.holdRatio) return false;
    if (opened === 'variance') return true;
    const outside = (v: number) => v > r.expectedHigh || v < r.expectedLow;
    return outside(value) || outside(r.level);
  }

  private scoreHost(target: string, ts: number, values: Record<string, number>): Finding | undefined {
    const key = `iforest:${target}`;
    let forest = this.forests.get(key);
    if (!forest) {
      const saved = this.store?.loadDetectorState(key);
      const p = forestParams(this.cfg.iforest);
      const phase = hashString(target) % p.refitEvery;
      forest = saved ? HostForest.restore(saved, p, phase) : new HostForest(p, phase);
      this.forests.set(key, forest);
    }
    // An open host episode holds down to holdThreshold, so a score that hovers about the threshold
    // is one episode rather than several.
    const held = this.holdingHosts.has(key);
    const bar = held ? Math.min(this.cfg.iforest.holdThreshold, this.cfg.iforest.threshold) : this.cfg.iforest.threshold;
    const r = forest.update(values, bar);
    this.dirty.add(key);
    if (!r) return undefined;
    const anomalous = r.warm && r.score >= bar;
    if (anomalous) this.holdingHosts.add(key);
    else this.holdingHosts.delete(key);
    this.lastForest.set(key, { ts, score: r.score, threshold: bar, warm: r.warm, feature: r.feature, open: anomalous });
    return {
      target,
      metric: 'host',
      detector: 'iforest',
      ts,
      anomalous,
      score: r.score,
      observed: r.observed,
      expectedLow: r.expectedLow,
      expectedHigh: r.expectedHigh,
      severity: 'warning',
      ...(r.feature ? { feature: r.feature } : {}),
      summary: anomalous
        ? `unusual metric mix on ${target}, mostly ${METRIC_LABEL[r.feature] ?? r.feature} at ${formatExact(r.feature, r.observed)} (isolation score ${r.score.toFixed(2)})`
        : '',
    };
  }

  forestStatus(): ForestStatus[] {
    return [...this.forests.entries()].map(([key, f]) => {
      const last = this.lastForest.get(key);
      return { target: key.slice('iforest:'.length), ...f.progress(), ...(last ? { last } : {}) };
    });
  }

  inspect(target: string, metric: string): SeriesInspection {
    const threshold = this.threshold.inspect(target, metric);
    const forecast = this.forecast.inspect(target, metric);
    const robust = this.robustView(`robust:${target}|${metric}`);
    const forest = (HOST_FEATURES as readonly string[]).includes(metric) ? this.lastForest.get(`iforest:${target}`) : undefined;
    return {
      target,
      metric,
      ...(threshold ? { threshold } : {}),
      ...(forecast ? { forecast } : {}),
      ...(robust ? { robust } : {}),
      ...(forest ? { forest } : {}),
    };
  }

  private robustView(key: string): RobustView | undefined {
    const last = this.lastRobust.get(key);
    const scorer = this.robust.get(key);
    if (!last || !scorer) return undefined;
    const { r, ts, prevTs } = last;
    return {
      ts,
      ...(prevTs !== undefined && ts > prevTs ? { intervalMs: ts - prevTs } : {}),
      value: last.value,
      samples: scorer.seen,
      warmUp: Math.max(32, scorer.p.minHistory),
      deviations: r.deviations,
      minDeviation: scorer.p.minDeviation,
      minChange: scorer.p.minChange,
      ratio: r.ratio,
      kind: r.kind,
      alarm: r.alarm,
      alarmThreshold: this.cfg.robust.alarmThreshold,
      sinceAlarm: scorer.sinceLastAlarm,
      cooldown: scorer.p.cooldown,
      halfLife: scorer.p.halfLife,
      expectedLow: r.expectedLow,
      expectedHigh: r.expectedHigh,
      open: last.open,
    };
  }

  building(): BuildingAlert[] {
    return this.threshold.building();
  }

  get modelCount(): number {
    return this.robust.size + this.forests.size;
  }

  /**
   * Writes changed model state, at most `limit` models, longest-changed first. Called with a small
   * limit every tick the writes spread evenly instead of arriving as one burst; at shutdown with
   * no limit.
   */
  persist(now: number, limit = Infinity): number {
    if (!this.store) return 0;
    const entries: { key: string; state: Buffer }[] = [];
    for (const key of this.dirty) {
      if (entries.length >= limit) break;
      const m = this.robust.get(key) ?? this.forests.get(key);
      if (m) entries.push({ key, state: m.serialize() });
      this.dirty.delete(key);
    }
    this.store.saveDetectorStates(entries, now);
    // Streaks are small but change every tick; a full save (shutdown) or every 20th slice is enough.
    if (limit === Infinity || ++this.persistCalls % 20 === 0) {
      this.store.setKv('detector:threshold', JSON.stringify(this.threshold.snapshot()));
      this.store.setKv('detector:forecast', JSON.stringify(this.forecast.snapshot()));
    }
    return entries.length;
  }

  stateBytes(): number {
    let n = 0;
    for (const m of [...this.robust.values(), ...this.forests.values()]) n += m.serialize().length;
    return n;
  }
}

function finding(
  s: Sample,
  detector: DetectorName,
  anomalous: boolean,
  score: number,
  expectedLow: number,
  expectedHigh: number,
  severity: Severity,
  summary: string,
): Finding {
  return {
    target: s.target,
    metric: s.metric,
    detector,
    ts: s.ts,
    anomalous,
    score,
    observed: s.value,
    expectedLow,
    expectedHigh,
    severity,
    summary,
  };
}

/**
 * One sentence per robust finding whose figures all describe the statistic that fired: a shift or
 * a drift is about the recent level, not the latest value (which may already be back in range), and
 * a change in variability or a time-of-day residual has no distance in deviations to quote.
 */
export function robustSummary(s: Sample, r: SeriesScore, what: string): string {
  const f = (v: number) => formatExact(s.metric, v);
  const label = METRIC_LABEL[s.metric] ?? s.metric;
  const usual = `its usual ${f(r.expectedLow)}–${f(r.expectedHigh)}`;
  if (r.kind === 'variance') return `${label} ${f(s.value)}: ${what} around ${usual}`;
  if (r.kind === 'shift' || r.kind === 'drift') return `${label} recent level ${f(r.level)} (latest ${f(s.value)}): ${what} from ${usual}`;
  // The time-of-day residual is measured in its own size, and the value may sit inside the usual
  // range (a leak's reset at an hour that has only seen it high): no count of deviations from that
  // range would be true of it.
  if (r.kind === 'seasonal') return `${label} ${f(s.value)} (recent level ${f(r.level)}): ${what}; ${usual} overall`;
  // On a near-flat series the spread is tiny and the count runs to millions: past 1,000 it says nothing more.
  const dev = r.deviations >= 1000 ? 'over 1,000' : r.deviations.toFixed(1);
  return `${label} ${f(s.value)}: ${what}, ${dev} robust deviations from ${usual}`;
}
