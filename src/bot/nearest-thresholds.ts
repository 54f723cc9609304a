import type { Sample } from '../core/sample.js';
import type { ThresholdRule } from '../config/schema.js';
import { globMatch } from '../pipeline/remediate/plan-remediation.js';
import { formatValue, METRIC_LABEL } from './format-reply.js';

const SHOWN = 3;

/**
 * "How close is web-1 to alerting?" when no rule is partly met: the latest readings nearest their
 * threshold lines, as the share of the line they stand at, so CPU in % and latency in ms rank
 * together. Undefined when no reading has a rule. Pure.
 */
export function nearestThresholds(
  names: readonly string[],
  rules: readonly ThresholdRule[],
  latest: Map<string, Map<string, Sample>>,
  metrics?: readonly string[],
): string | undefined {
  const rows = thresholdShares(names, rules, latest, metrics);
  if (!rows.length) return undefined;
  // A reading already past its line is alerting (or about to), not near: said apart, so "closest" is of the rest.
  const past = rows.filter((x) => x.share >= 1);
  const near = rows.filter((x) => x.share < 1);
  return [
    near.length ? `Nearest to a threshold now: ${near.slice(0, SHOWN).map(sayShare).join('; ')}.` : '',
    past.length
      ? `Past its line already: ${past.slice(0, SHOWN).map(sayShare).join('; ')}${past.length > SHOWN ? `; and ${past.length - SHOWN} more` : ''}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export interface ThresholdShare {
  s: Sample;
  r: ThresholdRule;
  line: number;
  above: boolean;
  /** How far along to the line the reading is: 1 at the line, less before it, more past it. */
  share: number;
}

/** "db-1 memory 72.0%, 18.0 points below its warning line (above 90.0%)". */
export function sayShare(x: ThresholdShare): string {
  const gap = Math.abs(x.line - x.s.value);
  const unit = /%$/.test(formatValue(x.s.metric, 0)) ? `${gap.toFixed(1)} points` : formatValue(x.s.metric, gap);
  const side = x.share >= 1 === x.above ? 'above' : 'below';
  return `${x.s.target} ${METRIC_LABEL[x.s.metric] ?? x.s.metric} ${formatValue(x.s.metric, x.s.value)}, ${unit} ${side} its ${x.r.severity} line (${x.above ? 'above' : 'below'} ${formatValue(x.s.metric, x.line)})`;
}

/** Each latest reading with a threshold rule, as the share of its line it stands at, nearest first. Pure. */
export function thresholdShares(
  names: readonly string[],
  rules: readonly ThresholdRule[],
  latest: Map<string, Map<string, Sample>>,
  metrics?: readonly string[],
): ThresholdShare[] {
  const rows = names.flatMap((target) =>
    [...(latest.get(target) ?? new Map<string, Sample>()).values()].flatMap((s) =>
      rules
        .filter((r) => r.metric === s.metric && (!metrics || metrics.includes(r.metric)) && (!r.target || globMatch(r.target, target)))
        .flatMap((r) => {
          const line = r.above ?? r.below!;
          const above = r.above !== undefined;
          // How far along to the line the reading is: 1 at the line, less before it.
          const share = above ? (line === 0 ? 0 : s.value / line) : s.value === 0 ? 1 : line / s.value;
          return Number.isFinite(share) ? [{ s, r, line, above, share }] : [];
        }),
    ),
  );
  return rows.sort((a, z) => z.share - a.share || a.s.target.localeCompare(z.s.target));
}
