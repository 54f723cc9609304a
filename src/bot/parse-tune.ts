import type { Intent, MetricKey } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';

const RULE = String.raw`(?:thresholds?|bounds?|limits?|alert(?:ing)? (?:levels?|rules?))`;
/** "Why is the disk threshold 90?": a question about the rule's setting, not about a host's figure. */
export const WHY_RULE =
  /\bwhy (?:is|are) (?:the |our |your |this |that )?(?:[\w-]+ ){0,2}?(?:thresholds?|alert(?:ing)? (?:levels?|rules?))\b/;
// "Suggest better thresholds", "is the cpu threshold too low?", "tune the memory threshold", "what
// threshold would have avoided these alerts?", "what if the cpu threshold were 95?", "how do I get fewer disk alerts?".
const TUNE = new RegExp(
  [
    String.raw`\b(?:suggest|recommend|propose|advise)\w*\b.*\b${RULE}`,
    String.raw`\b${RULE}\b.*\b(?:too (?:low|high|tight|loose|sensitive|strict|lax|noisy)|(?:set )?(?:right|sensible|reasonable|well set|ok|okay)\b\?)`,
    String.raw`\b(?:tune|tuning|retune|backtest|back-test|replay|simulate|calibrate)\b.*\b${RULE}`,
    String.raw`\b${RULE}\b.*\b(?:tune|tuning|tuned|backtest|replay|(?:do|would|should) (?:you|i|we) (?:recommend|suggest|advise|use))\b`,
    String.raw`\bwhat (?:${RULE}|bound|level)\b.*\b(?:would|should|to use|avoids?|prevents?)\b`,
    String.raw`\bwhat if\b.*\b${RULE}\b`,
    String.raw`\bwhat if\b.*\b(?:alerted|alerts?|alarmed|fired|fires|paged|pages|triggered) (?:at|above|over|below|under|from)\s+\d`,
    // "What would have alerted at 80% cpu?", "what would fire above 95?"
    String.raw`\bwhat would (?:have )?(?:alerted|alert|fired|fire|alarmed|paged|triggered|trigger)\b.*\b(?:at|above|over|below|under|from|were|was|set to)\s+\d`,
    String.raw`\bhow many\b.*\b(?:alerts?|anomal\w*|episodes?|pages?)\b.*\bwould\b.*\b${RULE}\b`,
    // "How many alerts would we get with cpu at 95%?", "what would happen if the disk alert were at 95?"
    String.raw`\bhow many\b.*\b(?:alerts?|anomal\w*|episodes?|pages?)\b.*\b(?:would|if)\b.*\b(?:at|above|over|below|under)\s+\d`,
    String.raw`\bwhat would (?:happen|change)\b.*\bif\b.*\b(?:${RULE}|alerts?|alerted|alarm\w*)\b.*\d`,
    // "What would the alerts have been with cpu at 95%?", "what's the best threshold for web-2 latency?", "should we raise the cpu threshold?"
    String.raw`\bwhat would (?:the )?(?:alerts?|anomal\w*|pages?|episodes?) (?:have been|be|look like)\b.*\b(?:at|above|over|below|under)\s+\d`,
    String.raw`\b(?:best|right|ideal|optimal|better|good) ${RULE}\b`,
    // "Why is the disk threshold 90?", "why is the cpu threshold so low?": how it does at that bound and others.
    WHY_RULE.source,
    String.raw`\bshould (?:i|we) (?:raise|lower|change|increase|decrease|bump|move|adjust|tighten|loosen)\b.*\b${RULE}`,
    String.raw`\bhow (?:do|can|could|would|should) (?:i|we) (?:get |have |see )?(?:fewer|less)\b.*\b(?:alerts?|pages?|noise|anomal\w*)\b`,
    String.raw`\b(?:reduce|cut(?: down)?|lower) (?:the )?(?:number of )?(?:\w+ )?(?:alerts?|alert noise|pages?|noise)\b`,
  ].join('|'),
);
// "… were 95", "at 95%", "to 600 ms", "of 97.5": the bound asked about.
// "A 95% cpu threshold": the bound said before the rule.
const BOUND =
  /\b(?:at|to|were|was|is|be|of|above|below|over|under|=)\s*(\d+(?:\.\d+)?)\s*(?:%|ms|percent\b)?|\b(\d+(?:\.\d+)?)\s*(?:%|ms\b|percent\b)\s*(?:[a-z]+\s+)?(?:thresholds?|bounds?|limits?|rules?)\b/;

/** What a question names besides its verb: the metric, the targets, the time. */
export interface QuestionScope {
  metric?: MetricKey | undefined;
  target?: string | undefined;
  group?: string[] | undefined;
  span?: TimeSpan | undefined;
  unknownTarget?: string | undefined;
}

/** A question about how a threshold rule is set, answered by replaying it (answer-tune.ts). Pure. */
export function tuneQuestion(text: string, o: QuestionScope): Intent | undefined {
  if (!TUNE.test(text)) return undefined;
  const found = BOUND.exec(text.replace(/\b[a-z][\w.-]*-\d+\b/g, ' '));
  const bound = found?.[1] ?? found?.[2];
  return {
    kind: 'tune',
    ...(o.target ? { target: o.target } : {}),
    ...(o.group ? { group: o.group } : {}),
    ...(o.metric ? { metric: o.metric } : {}),
    ...(bound !== undefined ? { bound: Number(bound) } : {}),
    ...(o.span ? { span: o.span } : {}),
    ...(o.unknownTarget ? { unknownTarget: o.unknownTarget } : {}),
  };
}
