import type { FileConfig } from '../../config/schema.js';
import { robustParams } from './detection-engine.js';
import { RobustScorer } from './robust-scorer.js';
import { breaches, ruleFor } from './threshold-detector.js';

/**
 * The detectors that apply to a lone series, as `smartcloudops detect` runs them: the robust
 * scorer, plus the threshold rule when the series is a known metric. Online: each call scores one
 * new value using only the values before it. Returns a score in [0, 1].
 */
export function createSeriesScorer(cfg: FileConfig, metric?: string): (value: number) => number {
  const robust = cfg.detectors.robust.enabled ? new RobustScorer(robustParams(cfg.detectors.robust)) : undefined;
  const rule = metric ? ruleFor(cfg.thresholds, '*', metric) : undefined;
  let streak = 0;
  return (value: number) => {
    let score = robust ? robust.update(value).score : 0;
    if (rule) {
      streak = breaches(rule, value) ? streak + 1 : 0;
      if (streak >= rule.forSamples) score = 1;
    }
    return Math.min(1, Math.max(0, score));
  };
}
