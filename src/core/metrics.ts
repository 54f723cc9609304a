/** Metric names the pipeline knows how to chart, threshold and remediate. Sources may add others. */
export const CORE_METRICS = ['cpu', 'memory', 'disk', 'net_in', 'net_out'] as const;
export type CoreMetric = (typeof CORE_METRICS)[number];

/** Units are carried as data so chat replies never have to guess. */
export const METRIC_UNITS: Record<string, string> = {
  cpu: '%',
  memory: '%',
  disk: '%',
  net_in: 'B/s',
  net_out: 'B/s',
  latency_ms: 'ms',
  // Derived in chat answers from the used share (src/bot/free-figures.ts), never stored.
  cpu_idle: '%',
  memory_free: '%',
  disk_free: '%',
  net_total: 'B/s',
};

export function unitOf(metric: string): string {
  return METRIC_UNITS[metric] ?? '';
}

export const METRIC_LABEL: Record<string, string> = {
  cpu: 'CPU',
  memory: 'memory',
  disk: 'disk',
  net_in: 'network in',
  net_out: 'network out',
  latency_ms: 'latency',
  heartbeat: 'heartbeat',
  host: 'host metrics',
  cpu_idle: 'idle CPU',
  memory_free: 'free memory',
  disk_free: 'free disk',
  net_total: 'network in + out',
};

/** "web-1 CPU": a target's series as replies name it. */
export const seriesLabel = (target: string, metric: string): string => `${target} ${METRIC_LABEL[metric] ?? metric}`;

/** The metric whose unit an anomaly's figures are in: the blamed one for a host-level anomaly. */
export const figureMetric = (a: { metric: string; feature?: string }): string => a.feature ?? a.metric;

/** "CPU"; "host metrics (disk)" for a host-level anomaly that blames disk. */
export const anomalyLabel = (a: { metric: string; feature?: string }): string =>
  (METRIC_LABEL[a.metric] ?? a.metric) + (a.feature ? ` (${METRIC_LABEL[a.feature] ?? a.feature})` : '');

/** A byte rate as the bit rate network people quote ("18.2 Mbit/s"), decimal units as formatValue's. */
export function formatBits(bytesPerSecond: number): string {
  const b = bytesPerSecond * 8;
  if (b >= 1e9) return `${(b / 1e9).toFixed(2)} Gbit/s`;
  if (b >= 1e6) return `${(b / 1e6).toFixed(1)} Mbit/s`;
  if (b >= 1e3) return `${(b / 1e3).toFixed(1)} kbit/s`;
  return `${Math.round(b)} bit/s`;
}

export function formatValue(metric: string, v: number): string {
  const unit = unitOf(metric);
  if (unit === 'B/s') {
    if (v >= 1e9) return `${(v / 1e9).toFixed(2)} GB/s`;
    if (v >= 1e6) return `${(v / 1e6).toFixed(2)} MB/s`;
    if (v >= 1e3) return `${(v / 1e3).toFixed(1)} kB/s`;
    return `${Math.round(v)} B/s`;
  }
  if (unit === '%') return `${v.toFixed(1)}%`;
  if (unit === 'ms') return `${Math.round(v)} ms`;
  return Math.abs(v) >= 100 ? String(Math.round(v)) : String(Math.round(v * 100) / 100);
}

/**
 * A figure for an anomaly summary: like formatValue, but percentages and milliseconds keep two
 * decimals, so that a value just past its usual range does not round back into it.
 */
export function formatExact(metric: string, v: number): string {
  const unit = unitOf(metric);
  if (unit === 'B/s') return formatValue(metric, v);
  const n = Math.abs(v) >= 1000 ? Math.round(v).toString() : (Math.round(v * 100) / 100).toString();
  return unit === 'ms' ? `${n} ms` : `${n}${unit}`;
}

/** An anomaly's expected figures in words: its usual range, or the limit a forecast projects it to reach. */
export function expectedText(a: { detector: string; metric: string; feature?: string; expectedLow: number; expectedHigh: number }): string {
  const u = figureMetric(a);
  return a.detector === 'forecast'
    ? `projected to reach ${formatValue(u, a.expectedHigh)}`
    : `expected ${formatValue(u, a.expectedLow)}–${formatValue(u, a.expectedHigh)}`;
}
