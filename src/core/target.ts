/** A host the pipeline watches, as described in config/aws_targets.json (or added by a source). */
export interface Target {
  name: string;
  instanceId?: string;
  address?: string;
  region?: string;
  role?: string;
  autoScalingGroup?: string;
  labels: Record<string, string>;
  /** Which source feeds this target. */
  source: string;
}
