import type { MetricKey } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';

/** "Which rule fires most?", "which rule never fires?", "is the forecast rule useful?", "how noisy is the disk rule?" (answer-rule-stats.ts). */
export interface RuleStatsIntent {
  kind: 'rule_stats';
  never?: boolean;
  detector?: 'threshold' | 'forecast' | 'robust' | 'isolation' | 'silent';
  spanMs?: number;
  metric?: MetricKey;
  /** "Which alerts are safe to ignore?": said first that none is called safe, and why the record is shown instead. */
  ignore?: boolean;
}

// "Which alerts are safe to ignore?", "what alerts can we ignore?": no alert is called safe; the rules' records (noise marks,
// acks, episodes) are what the team decides on.
const IGNORE =
  /\b(?:which|what) (?:alerts?|anomal\w*|pages) (?:(?:are|is) )?(?:safe to ignore|ignorable|not worth (?:it|looking at)|(?:don'?t|do not) matter)\b|\b(?:which|what) (?:alerts?|anomal\w*|pages) (?:can|could|should) (?:i|we) (?:safely )?ignore\b/;

// "Which rule fires most?", "which rules never fired?", "is the forecast rule useful?", "noisiest alert rule".
const RULE = String.raw`(?:alert(?:ing)? |threshold |forecast )?rules?|thresholds?`;
const RULE_STATS = new RegExp(
  [
    String.raw`\b(?:which|what) (?:${RULE})\b.*\b(?:fires?|fired|firing|triggers?|triggered|most|never|noisiest|loudest|useful|useless)\b(?!.*\b(?:would|should|could|avoid\w*)\b)`,
    String.raw`\b(?:noisiest|loudest|busiest|unused|dead|quietest) (?:alert(?:ing)? |threshold |forecast )?rules?\b`,
    String.raw`\brules? (?:that )?(?:never|haven'?t|have not|didn'?t|don'?t) (?:fire|fired|trigger|triggered|alert|alerted)\b`,
    String.raw`\b(?:is|are|was) (?:the |our )?(?:forecast|threshold|robust|isolation forest|silent[- ]host) (?:rules?|detector|check)\b.*\b(?:useful|worth it|worth keeping|helping|noisy|any good|doing anything|pulling its weight)\b`,
    String.raw`\bhow (?:useful|noisy|often) (?:is|are|does|do) (?:the |our )?(?:forecast|threshold|robust|isolation forest) (?:rules?|detector)\b`,
    String.raw`\brule (?:stats|statistics|effectiveness|hit rates?|usage)\b`,
    // "Which rule should I tune first?", "what should we fix next week?": the noisiest first, where tuning pays ("what should I fix
    // first?" is what needs attention now; "too many alerts" the flapping series).
    String.raw`\bwhich (?:${RULE}|detectors?) should (?:i|we) (?:tune|fix|change|look at)(?: first)?\b|^what should (?:i|we) (?:fix|tune|improve|work on) next (?:week|sprint|month)\s*[?.!]*$`,
    // "Which alert should I tune first?", "which alerts need tuning?", "what should I tune?": the same record.
    String.raw`\b(?:which|what) (?:alerts?|anomal\w*|pages|notifications) (?:should (?:i|we) tune|(?:need|needs|are worth|is worth) tuning)\b|^what should (?:i|we) tune(?: first)?\s*[?.!]*$`,
    IGNORE.source,
    // "How noisy is the disk rule?", "is the cpu threshold noisy?", "how often does the memory threshold fire?": a metric's
    // rules ("too noisy" asks for other bounds: parse-tune.ts).
    String.raw`\bhow (?:noisy|useful) (?:is|are|was|were) (?:the |our )?(?:[\w%-]+ ){0,2}(?:rules?|thresholds?|detectors?)\b`,
    String.raw`\bhow often (?:does|do|did|has|have) (?:the |our )?(?:[\w%-]+ ){0,2}(?:rules?|thresholds?|detectors?) (?:fire|fired|trigger|triggered|alert|alerted|go off|gone off)\b`,
    String.raw`\b(?:is|are|was) (?:the |our )?(?:[\w%-]+ ){1,2}(?:rules?|thresholds?)\b(?!.*\btoo\b).*\b(?:useful|worth it|worth keeping|noisy|any good|pulling its weight)\b`,
  ].join('|'),
);
const DETECTOR: readonly (readonly [RegExp, NonNullable<RuleStatsIntent['detector']>])[] = [
  [/\bforecast/, 'forecast'],
  [/\bthreshold/, 'threshold'],
  [/\brobust/, 'robust'],
  [/\bisolation forest/, 'isolation'],
  [/\bsilent[- ]host/, 'silent'],
];

/** Each rule's and detector's firing record (answer-rule-stats.ts). Pure; undefined when not asked. */
export function ruleStatsQuestion(text: string, span: TimeSpan | undefined, metric?: MetricKey): RuleStatsIntent | undefined {
  if (!RULE_STATS.test(text)) return undefined;
  const never = /\b(?:never|unused|dead|quietest|haven'?t|have not|didn'?t|don'?t)\b(?! matter)/.test(text);
  // "Which threshold fires most?" is over every rule; a detector named in "is the forecast rule useful?" narrows it.
  const detector = /\b(?:is|are|was|how)\b/.test(text) ? DETECTOR.find(([re]) => re.test(text))?.[1] : undefined;
  return {
    kind: 'rule_stats',
    ...(IGNORE.test(text) ? { ignore: true } : {}),
    ...(never ? { never: true } : {}),
    ...(detector ? { detector } : {}),
    ...(metric ? { metric } : {}),
    ...(span?.kind === 'last' ? { spanMs: span.ms } : {}),
  };
}
