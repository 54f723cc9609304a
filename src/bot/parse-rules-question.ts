import type { Intent, MetricKey } from './intent.js';
import { ACTION_VERBS } from './action-verbs.js';
import { ACTION_OF, RULES, SHOULD_DO, WOULD_DO } from './intent-words.js';

const TRIGGERS =
  /\bwhat (?:triggers|trips|causes|makes|fires|opens|raises|sets off|counts as|(?:would|will|could|can|does|do|might) (?:trigger|trip|cause|make|fire|open|raise|set off))\b.*\b(?:alerts?|anomal\w*|pages?|alarms?)\b|\b(?:which|what) detectors? (?:watch|cover|apply to|run on|look at|check)\b|\bwhen (?:do|does|will|would) (?:you|it|the bot|smartcloudops) (?:alert|page|fire|alarm)\b|\bhow (?:do|does) (?:you|it) decide\b.*\b(?:alert|critical|anomal\w*)\b/;

// "How is detection configured?", "which detectors are enabled?", "how sensitive are the alerts?": the detectors' settings.
const DETECTION =
  /\b(?:detection|detectors?)\b.*\b(?:settings?|configured|config(?:uration)?|set up|parameters?|params|tun(?:ed|ing)|sensitiv\w*)\b|\b(?:which|what) detectors?\b.*\b(?:enabled|on|active|running|turned on|in use|used)\s*\??$|\bhow sensitive (?:is|are)\b/;
// "Make detection less sensitive", "reduce the alert sensitivity": asked of config, which chat never changes.
const RETUNE = /\b(?:less|more) sensitive\b|\b(?:reduce|lower|raise|increase|decrease|change|adjust|tune)\b.*\bsensitivity\b/;

/**
 * "What thresholds are set?", "which rules propose restarts?", "maintenance windows", "what would you
 * do if disk fills?": the config, read-only. Undefined when the text asks for none of that.
 */
export function rulesQuestion(
  text: string,
  tokens: readonly string[],
  o: { metric?: MetricKey | undefined; target?: string | undefined; unknownTarget?: string | undefined },
): Intent | undefined {
  const { metric, target } = o;
  // "Best time for maintenance on db-1?" asks for the quiet hours (parse-ranking.ts), not the maintenance windows set.
  if (/\b(?:best|ideal|safest|quietest) (?:time|hour)\b/.test(text)) return undefined;
  if (SHOULD_DO.test(text))
    return {
      kind: 'advice',
      ...(target ? { target } : {}),
      ...(metric ? { metric } : {}),
      ...(o.unknownTarget ? { unknownTarget: o.unknownTarget } : {}),
    };
  if (RETUNE.test(text) && !/^\s*(?:is|are|was|were|how)\b/.test(text)) return { kind: 'rules', only: 'detectors', change: true };
  if (DETECTION.test(text) || RETUNE.test(text)) return { kind: 'rules', only: 'detectors' };
  // "What triggers a critical alert?", "when do you page?": the detection rules, not the alerts they made.
  if (TRIGGERS.test(text)) return { kind: 'rules', ...(metric ? { metric } : {}), ...(target ? { target } : {}), only: 'thresholds' };
  // "restarts" is "restart" with its plural or past-tense ending off.
  const verbOf = (t: string) => [t, t.slice(0, -1), t.slice(0, -2)].find((v) => ACTION_VERBS.has(v));
  // "Which hosts are over the cpu threshold?" asks about the hosts, not the rule.
  const wouldDo = WOULD_DO.test(text);
  const ruleAsked = RULES.test(text) && !/\bthreshold (?:alerts|anomalies)\b/.test(text);
  if ((ruleAsked || wouldDo) && !/\b(over|above|exceed\w*|past|breach\w*|cross\w*|hit|hitting)\b/.test(text)) {
    const action = tokens.map((t) => ACTION_OF[verbOf(t) ?? '']).find(Boolean);
    const only = /\b(runbooks?|playbooks?)\b/.test(text)
      ? 'runbooks'
      : /\b(maintenance|mute[\s-]?times?)\b/.test(text)
        ? 'maintenance'
        : /\bthresholds?\b/.test(text)
          ? 'thresholds'
          : action || wouldDo || /\bremediation\b/.test(text)
            ? 'remediation'
            : undefined;
    return {
      kind: 'rules',
      ...(metric ? { metric } : {}),
      ...(target ? { target } : {}),
      ...(action ? { action } : {}),
      ...(only ? { only } : {}),
    };
  }
  return undefined;
}
