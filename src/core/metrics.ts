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
};

export function unitOf(metric: string): string {
  return METRIC_UNITS[metric] ?? '';
}
