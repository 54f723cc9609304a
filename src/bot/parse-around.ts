import type { MetricKey } from './intent.js';
import { parseDuration } from './text-tools.js';

/** "What did memory look like before the db-1 disk alert?", "cpu on web-1 during an_…" (answer-around.ts). */
export interface AroundIntent {
  kind: 'around';
  /** `at`: "when it fired", the reading at its start; `around`: either side of it. */
  part: 'before' | 'during' | 'after' | 'around' | 'at' | 'suspect';
  /** The anomaly: by id, else the latest on `alertTarget` (of `alertMetric`), else the latest of all. */
  id?: string;
  alertTarget?: string;
  alertMetric?: MetricKey;
  /** "What did it look like before?": the anomaly this conversation last named (chat-service.ts), else the latest. */
  it?: boolean;
  /** The figure asked for, and where; without one, every figure on the anomaly's target. */
  metric?: MetricKey;
  target?: string;
  /** "The 10 minutes before": the window's length; 30 min by default. */
  ms?: number;
  /** "Before web-1 went silent": the latest silent-host anomaly on `alertTarget`. */
  silent?: boolean;
}

// "What was web-1 doing before it went silent?", "web-1 before the outage", "before db-1 stopped reporting".
const WENT_SILENT =
  /\bbefore (?:it|\S+) (?:went|goes|was|got|fell) (?:silent|down|dark|quiet|offline|missing|unreachable)\b|\bbefore (?:it|\S+) (?:stopped|quit) (?:reporting|sending)\b|\bbefore (?:the|its) (?:outage|silence|gap|blackout)\b/;

// "Incident" is left out: a declared incident (in_…) is not one anomaly.
const ALERT = String.raw`(?:alert|anomaly|page|spike)`;
// The anomaly said: an id, "the last alert", "the db-1 disk alert", "that alert".
const NAMED = new RegExp(
  String.raw`\ban_[a-z0-9]{3,30}\b|\b(?:the|that|this) (?:(?:last|latest|most recent|previous) )?(?:[\w.-]+ ){0,3}?${ALERT}\b`,
);
const IT = /\b(?:it|this one|that one)\b/;
const FIGURE = String.raw`(?:cpu|processor|load|memory|mem|ram|disk|storage|latency|network|traffic|bandwidth|egress|ingress)`;
const SUSPECT = new RegExp(
  String.raw`^(?:(?:so|and|but|hmm|ok|okay)\s*,?\s+)?(?:is|was|could|might|can|would)\s+(it|this|that|an_[a-z0-9]{3,30})\s+(?:be\s+)?(?:(?:related to|caused by|due to|because of|down to|linked to|connected to)\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w.-]+\s+)?${FIGURE}\b(?:\s+(?:problem|issue|related|then|causing it|to blame|at fault))?\s*\??$|^(?:is|was|could)\s+(?:the\s+)?(?:[\w.-]+\s+)?${FIGURE}\s+(?:be\s+)?(?:the\s+)?(?:cause|culprit|to blame|behind it|causing it|causing this|at fault)\b`,
);
const PART: readonly (readonly [RegExp, AroundIntent['part']])[] = [
  [/\b(?:before|leading up to|led up to|prior to|ahead of|in the run-?up to|preceded)\b/, 'before'],
  [/\b(?:during|while|throughout|over the course of)\b/, 'during'],
  [/\b(?:after|following|once)\b/, 'after'],
  [/\baround\b/, 'around'],
  [/\b(?:at the time of|when|at the start of|as)\b/, 'at'],
];
const METRIC_WORD: Record<string, MetricKey> = {
  cpu: 'cpu',
  memory: 'memory',
  mem: 'memory',
  ram: 'memory',
  disk: 'disk',
  latency: 'latency',
  network: 'network',
};

/**
 * A figure asked for at a time an anomaly names. Needs the anomaly, a word placing the time
 * against it, and a figure or a look ("show me", "look like"). Pure; undefined when not asked.
 */
export function aroundQuestion(
  text: string,
  o: { metric?: MetricKey | undefined; more: MetricKey[]; named: string[] },
): AroundIntent | undefined {
  if (WENT_SILENT.test(text) && o.named.length === 1)
    return { kind: 'around', part: 'before', alertTarget: o.named[0]!, silent: true, ...(o.metric ? { metric: o.metric } : {}) };
  // "Is it the network?", "could it be memory?", "is an_… related to disk?": did that figure move with the anomaly.
  const suspect = SUSPECT.exec(text);
  if (suspect && o.metric && !o.more.length && o.named.length <= 1) {
    const id = suspect[1]?.startsWith('an_') ? suspect[1] : undefined;
    return {
      kind: 'around',
      part: 'suspect',
      ...(id ? { id } : { it: true }),
      metric: o.metric,
      ...(o.named[0] ? { target: o.named[0] } : {}),
    };
  }
  const named = NAMED.exec(text);
  // "What did it look like before?", "cpu before it started": the word placing the time may come after "it".
  const it = named ? undefined : IT.exec(text);
  const ref = named ?? it;
  if (!ref) return undefined;
  const part = PART.find(([re]) => re.test(it ? text : text.slice(0, ref.index)))?.[1];
  if (!part) return undefined;
  const id = /^an_/.test(ref[0]) ? ref[0] : undefined;

  // "The db-1 disk alert": the words before "alert" name its target and metric, not the figure asked.
  const words = id ? [] : ref[0].split(' ');
  const alertMetric = words.map((w) => METRIC_WORD[w]).find(Boolean);
  const alertTarget = o.named.find((n) => words.includes(n));
  const asked = [o.metric, ...o.more].filter((m): m is MetricKey => Boolean(m));
  // A figure besides the alert's own metric, or a look asked for: "when did the db-1 disk alert start?" is about the alert.
  // "What led up to the db-1 alert?", "what happened right after it?": the figures then are what is asked.
  const look =
    /\b(?:show|look(?:ed|s)? like|graph|chart|figures?|metrics?|readings?|values?|led up to|leading up to|preceded|what happened)\b/.test(
      text,
    );
  if (!look && !asked.some((m) => m !== alertMetric)) return undefined;
  // "Is it still open before…" and the like: "it" with a time word needs a figure or a look too, and no other subject.
  if (it && (o.named.length || !/\b(?:before|after|during|around|started|began|fired|opened)\b/.test(text))) return undefined;
  const metric = asked.find((m) => m !== alertMetric) ?? (asked.length === 1 && !alertMetric ? asked[0] : undefined);
  const target = o.named.find((n) => n !== alertTarget);
  const ms = parseDuration(text.replace(/\ban_[a-z0-9]+\b/g, ''));
  return {
    kind: 'around',
    part,
    ...(id ? { id } : {}),
    ...(it ? { it: true } : {}),
    ...(alertTarget ? { alertTarget } : {}),
    ...(alertMetric ? { alertMetric } : {}),
    ...(metric ? { metric } : asked.length === 1 ? { metric: asked[0] } : {}),
    ...(target ? { target } : {}),
    ...(ms ? { ms } : {}),
  };
}
