export type Severity = 'info' | 'warning' | 'critical';
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'critical'];

export type DetectorName = 'threshold' | 'forecast' | 'robust' | 'iforest' | 'silence' | 'alertmanager';

/**
 * A finding from one detector on one target+metric. While it is open it is one record that is
 * updated in place: `key` identifies the episode across ticks and restarts.
 */
export interface Anomaly {
  id: string;
  key: string;
  target: string;
  metric: string;
  detector: DetectorName;
  status: 'open' | 'resolved';
  severity: Severity;
  score: number;
  observed: number;
  expectedLow: number;
  expectedHigh: number;
  startTs: number;
  endTs: number | null;
  updatedTs: number;
  /** Peak observed value during the episode (most extreme). */
  peak: number;
  summary: string;
  /**
   * Where `metric` stands for several (the Isolation Forest's `host`): the metric that observed,
   * peak and the expected range are figures of: the one blamed at the episode's strongest moment.
   */
  feature?: string;
  /** A runbook the alert's source named (Alertmanager's `runbook_url` annotation); http(s) only. */
  runbookUrl?: string;
}

/** What a detector reports for the current sample before episode tracking. */
export interface Finding {
  target: string;
  metric: string;
  detector: DetectorName;
  ts: number;
  anomalous: boolean;
  score: number;
  observed: number;
  expectedLow: number;
  expectedHigh: number;
  severity: Severity;
  summary: string;
  /** See Anomaly.feature. */
  feature?: string;
}
