import type { Severity } from './anomaly.js';

/**
 * What the detectors make of one series at its latest sample, read-only. "Why is there no alert
 * for web-1 CPU at 95 %?" is answered from this: each detector's own reason, not a guess.
 */
export interface SeriesInspection {
  target: string;
  metric: string;
  /** The threshold rule for the series and how far into it the series is; absent when no rule applies. */
  threshold?: ThresholdView;
  robust?: RobustView;
  /** The forecast rule for the series and its latest projection; absent when no rule applies. */
  forecast?: ForecastView;
  /** The host's Isolation Forest (over all of the host's metrics), when it scores this metric. */
  forest?: ForestView;
}

export interface ThresholdView {
  above?: number;
  below?: number;
  forSamples: number;
  severity: Severity;
  /** Consecutive breaching samples up to the latest one (0: the latest is within the rule). */
  streak: number;
  /** When the current streak began; unknown for a streak restored from before a restart. */
  sinceTs?: number;
  /** The latest sample the rule saw. */
  lastTs?: number;
}

export interface RobustView {
  ts: number;
  /** Time from the series' previous sample to this one, to put sample counts in time. */
  intervalMs?: number;
  value: number;
  /** Samples this series' model has learned, and how many it needs before it may alarm. */
  samples: number;
  warmUp: number;
  /** The strongest of spike and level shift, in robust deviations; the floor a statistic must clear. */
  deviations: number;
  minDeviation: number;
  /** The smallest move in the metric's unit that may alarm (detectors.robust.minChange); 0 for none. */
  minChange: number;
  /** The strongest statistic past its floors over its remembered peak: ≥ 1 is a new extreme. 0 when none cleared the floors. */
  ratio: number;
  kind: string;
  /** The onset alarm's strength at this sample (0 when none) and the strength that opens an anomaly. */
  alarm: number;
  alarmThreshold: number;
  /** Samples since this series last alarmed, after this one (Infinity if never). */
  sinceAlarm: number;
  cooldown: number;
  /** Samples in which a remembered peak halves. */
  halfLife: number;
  expectedLow: number;
  expectedHigh: number;
  /** A robust episode is open on the series. */
  open: boolean;
}

export interface ForecastView {
  reaches: number;
  withinMinutes: number;
  fitMinutes: number;
  from?: number;
  /** Minutes of values in the window, and the latest value. */
  spanMinutes: number;
  value?: number;
  /** Per hour, with the rise's slope over its standard error; absent until half the window is filled. */
  perHour?: number;
  t?: number;
  /** When the line reaches the limit, in minutes from the latest sample (Infinity when not rising). */
  etaMinutes?: number;
  minT: number;
}

export interface ForestView {
  ts: number;
  score: number;
  threshold: number;
  warm: boolean;
  /** The metric the forest blamed at this sample. */
  feature: string;
  open: boolean;
}

/** A threshold rule some series breaches without having held it long enough to open an anomaly. */
export interface BuildingAlert {
  target: string;
  metric: string;
  view: ThresholdView;
}

/** The live detection engine, as chat sees it. */
/** One host's Isolation Forest: how much it has seen, and its latest score once fitted. */
export interface ForestStatus {
  target: string;
  seen: number;
  /** Samples it must see before it may alert. */
  warmup: number;
  fitted: boolean;
  /** Samples since its forest was last fitted (about: rows are stored every `stride` samples). */
  sinceFit?: number;
  /** Samples between refits (detectors.iforest.refitEvery). */
  refitEvery?: number;
  last?: ForestView;
}

export interface DetectorInspector {
  inspect(target: string, metric: string): SeriesInspection;
  building(): BuildingAlert[];
  /** Each host's forest ("is the isolation forest trained?"); absent where the forest is off. */
  forestStatus?(): ForestStatus[];
}
