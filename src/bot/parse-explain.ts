import { timelineOf } from './past-phrases.js';
import { WHY_RULE } from './parse-tune.js';
import { FLAPPING, RECURRING } from './parse-flapping.js';
import type { Intent, MetricKey } from './intent.js';
import { CAUSE, COUNT, detectorNamed, HOW_LONG_SINCE, PAST } from './intent-words.js';
import { parseBound } from './parse-bound.js';
import type { TimeSpan } from './parse-time-span.js';

// "Did it affect other hosts?", "did it spread?", "was anything else hit?", "any knock-on effects?".
const SPREAD =
  /\b(?:affect(?:ed|s)?|impact(?:ed|s)?|hit|spread|spill(?:ed)? over (?:to|into)|cascad\w*|took down|take down|drag(?:ged)? down)\b.*(?:\b(?:other|another|more|the rest of the) (?:hosts?|servers?|targets?|machines?|services?|nodes?|instances?|boxes|systems?)\b|\belsewhere\b)|\b(?:did|has|had) (?:it|this|that|the [\w. -]{1,40}?) (?:spread|cascade)\b|\bknock-?on\b|\b(?:was|were) (?:anything|anyone|any \w+) else (?:affected|hit|impacted)\b|\b(?:anything|what) else (?:was )?(?:affected|hit|impacted)\b/;

const IT_STATE =
  /^(?:is|was|has) it (?:still )?(?:open|resolved|over|done|fixed|closed|ongoing|recovered|firing|active|back(?: to normal)?)\b|^(?:did|has) it (?:recover|resolve|end|close|stop|clear)\w*\b|^when did it (?:end|start|begin|stop|resolve|recover|clear)\b|^how long (?:has|did|was) it (?:been )?(?:open|last|going|running|lasting)\b|^(?:will|would) it (?:resolve|recover|clear|go away|end|stop|settle)\b|^since when\b|^(?:tell me more|more details?|more info|go on|elaborate|expand on (?:that|it|this)|details(?: please)?)\b|^(?:(?:and|so|but|ok)\s+)*why[\s?.!]*$|^and\s*\?+$|^(?:(?:give me |show me )?(?:more )?details?|more info|tell me (?:more )?about|explain|expand on|zoom in on) (?:on |about |of |for )?the (?:first|top)(?: one| alert| anomaly| incident)?[\s?.!]*$/;
const IT_DONE =
  /^(?:who|what) (?:fixed|resolved|handled|closed|acked|acknowledged) it\b|^how was it (?:fixed|resolved|handled)\b|^what was done (?:about|for) it\b|^(?:who(?:'s| is| was)) (?:on|handling|working on|looking at) it\b/;
const ALERT_FACT =
  /^how (?:severe|serious|bad|urgent|important|big) (?:is|was) (?:the |that |this )?(?:[\w-]+ ){0,3}?(?:alert|anomaly|page|spike)\b|\bwhat (?:threshold|rule|limit|line) did \S+ (?:cross|exceed|breach|hit|trip|go over)\b|\bby how much did\b.*\b(?:exceed|cross|go over|breach|pass)\b|\bhow far (?:above|over|below|from|off|outside) (?:the )?(?:normal|usual|expected|baseline|its range|the threshold|the limit)\b/;
const MEANS =
  /^what (?:does|did|do) (?:the |an? |(this|that|these) )?(?:(?:last|latest|newest|new|[\w-]+) ){0,3}?(?:alert|anomaly|page)s? (?:mean|say|tell (?:me|us))\b|^what(?:'s| is) (this|that) (?:alert|anomaly|page) (?:about|telling (?:me|us))\b/;
const WHY_FIRED =
  /\bwhy (?:did|does|has|is|was) (?:the |that |this )?(?:[\w-]+ ){0,3}?(?:fire[sd]?|firing|trigger(?:ed|ing)?|go off|went off|gone off|trip(?:ped)?|alarm(?:ed)?|open(?:ed)?|flag(?:ged)?)\b/;
// "Why is web-1 alerting?", "why is local-vm red?", "why is web-1 over the threshold?": a host's alert, now (a metric named is its figure).
const WHY_ALERTING =
  /\bwhy (?:is|are|has|does) (?:the |that |this )?(?:[\w-]+ ){0,2}?(?:alert(?:ed|ing)?|red|(?:been )?(?:over|above|past|breaching) (?:the |its )?(?:threshold|limit))\b/;
const NOT_TOLD =
  /\bwhy (?:didn't|did not|wasn't|was not|haven't|have not|weren't|were not) (?:i|we|anyone|anybody|the on-?call) (?:get |being |been )?(?:paged|notified|pinged|alerted|woken|called|told|messaged)\b|\bwhy (?:didn'?t|did not|doesn'?t|does not|hasn'?t|has not) (?:the |that |this |my )?(?:alert|page|message|notification) (?:reach|get to|show up (?:in|on)|arrive (?:in|on)|land in|appear (?:in|on)) (?:slack|discord|the (?:web )?console|chat|#[\w-]+)\b/;
// "What changed before the web-1 cpu spike?", "was there a deploy before the alert?", "any changes before an_…?".
const CHANGED_BEFORE =
  /\b(?:what|anything|any|was there|were there|did (?:we|anyone|someone|somebody))\b.*\b(?:chang\w*|deploy\w*|releas\w*|roll(?:ed)? ?out|rollback)\b.*\bbefore (?:the|that|this|it|an_)/;
const AROUND =
  /\b(?:anything|something|what|which(?: \w+)?) else\b.*\b(?:when|while|during|around|with|at the same time)\b|\b(?:at|around) the same time as\b|\bcorrelat\w*|\bcoincid\w*|\brelated (?:alerts?|anomal\w*|incidents?)\b/;

/**
 * Questions that ask for an anomaly to be explained: "explain an_…", "why is cpu high on web-1?",
 * "what caused the api-2 latency alert?", "why was web-1 cpu high at 21:27 yesterday?". Pure;
 * undefined when the question is not one.
 */
const REAL =
  /^(?:is|was) (?:the |this |that |it )?(?:[\w-]+ ){0,3}?(?:alert|anomaly|page|one|it)? ?(?:real|legit(?:imate)?|genuine|valid|a (?:real|true) (?:one|problem|issue)|a false (?:alarm|positive)|noise|just noise)\b|^how (?:confident|sure|certain) (?:are you|is it|are we) (?:about|of|in|that)\b|\bconfidence (?:in|of|for) (?:the |this |that )|^(?:can|could|should|may) (?:i|we) (?:safely |just )?ignore (?:the |this |that |it)?(?:[\w-]+ ){0,3}?(?:alert|anomaly|page|one|it)?\b|^is it (?:safe|ok|okay) to ignore\b/;

export function explainQuestion(
  text: string,
  q: {
    an: string | undefined;
    target: string | undefined;
    metric: MetricKey | undefined;
    severity: 'critical' | 'warning' | undefined;
    span: TimeSpan | undefined;
    /** A time was found in the text (a span, or a zone refused earlier). */
    found: boolean;
    /** How many targets the text names. */
    named: number;
    anomalyWord: boolean;
    explainWord: boolean;
  },
): Intent | undefined {
  const { an, target, metric, severity, span, found, named, anomalyWord, explainWord } = q;
  // "Is it still open?", "who fixed it?": the anomaly this conversation last named (chat-service.ts), else the latest.
  if (!an && !target && !metric && IT_STATE.test(text)) return { kind: 'explain', it: true };
  if (!an && !target && !metric && IT_DONE.test(text)) return { kind: 'timeline', it: true };
  // "What does this alert mean?", "what does the last alert mean?": that alert explained, not listed.
  const means = MEANS.exec(text);
  if (means && named <= 1)
    return an
      ? { kind: 'explain', id: an }
      : means[1] || means[2]
        ? { kind: 'explain', it: true }
        : { kind: 'explain', ...(target ? { target } : {}), ...(metric ? { metric, latest: true } : {}) };
  // "Why does monitoring-1 disk keep alerting?", "why is web-2 so noisy?": the recurrence, not the latest one.
  if (!an && (RECURRING.test(text) || FLAPPING.test(text))) return undefined;
  // "Is the web-2 alert real?", "is this a false alarm?", "how confident are you about the web-2 alert?": the anomaly explained, with what each detector saw.
  if (named <= 1 && REAL.test(text)) {
    // "Is it real?": the anomaly this conversation last named, as "is it still open?" reads it.
    if (!an && !target && !metric && /\b(?:it|this|that)\b/.test(text)) return { kind: 'explain', it: true };
    return { kind: 'explain', ...(an ? { id: an } : target ? { target } : {}), ...(metric ? { metric, latest: true } : {}) };
  }
  // "Did the api-1 latency spike affect other hosts?", "did it spread?": the alert explained, with what opened around it.
  if (
    named <= 1 &&
    SPREAD.test(text) &&
    !/\d\s*%|\b\d+(?:\.\d+)?\s*(?:ms|percent)\b/.test(text) &&
    !/\b(?:restart\w*|reboot\w*|scal\w+ (?:up|out|down)|clean ?up|deploy\w*|release|rollout|change|upgrade|migration)\b/.test(text)
  ) {
    if (!an && !target && !metric) return { kind: 'explain', it: true };
    return { kind: 'explain', ...(an ? { id: an } : target ? { target } : {}), ...(metric && !an ? { metric, latest: true } : {}) };
  }
  if (CHANGED_BEFORE.test(text) && named <= 1)
    return {
      kind: 'explain',
      ...(an ? { id: an } : target ? { target } : {}),
      ...(metric && !an ? { metric, latest: true } : {}),
      ...(severity && !an ? { severity } : {}),
      ...(span && !an ? { span } : {}),
      changes: true,
    };
  // "Why didn't I get paged?", "why wasn't I notified?": where the latest alert went, and what held it.
  if (!an && !target && !metric && NOT_TOLD.test(text)) return timelineOf(text, {});
  // "What caused the api-2 latency alert?", "root cause of web-1's cpu spike": the anomaly behind it, explained.
  const cause =
    !an &&
    CAUSE.test(text) &&
    !COUNT.test(text) &&
    !/\b(?:which|most|how many|could|might|would|can|usually|typically|common)\b/.test(text) &&
    // "Did the deploy cause the latency spike?" asks about the change: its figures before and after (parse-change.ts).
    !/\bdid (?:the|our|my|that|this|a) (?:last |latest |recent )?(?:[a-z][\w.-]* )?(?:deploy(?:ment)?|release|rollout|change|upgrade|rollback|patch)\b/.test(
      text,
    ) &&
    named <= 1;
  // "Did anything else alert when db-1 cpu spiked?", "what correlates with the web-1 latency alert?":
  // that anomaly explained, with what was open around it, not the list of its own series.
  if (!an && AROUND.test(text) && (metric || target) && named <= 1)
    return {
      kind: 'explain',
      ...(target ? { target } : {}),
      ...(metric ? { metric } : {}),
      latest: true,
      ...(severity ? { severity } : {}),
      ...(span ? { span } : {}),
    };
  // "How severe is the web-2 alert?", "what threshold did web-2 cross?", "how far above normal was the web-1 cpu spike?":
  // that alert's own facts, which its explanation gives.
  if (!an && !span && ALERT_FACT.test(text) && named <= 1)
    return {
      kind: 'explain',
      ...(target ? { target } : {}),
      ...(metric ? { metric, latest: true } : {}),
      ...(/\b(?:threshold|rule|limit|line)\b/.test(text) ? { detector: 'threshold' } : {}),
      ...(!target && !metric && /\b(?:this|that) (?:alert|anomaly|page|spike)\b/.test(text) ? { it: true } : {}),
    };
  // "Why did the forecast fire on monitoring-1?", "why did the robust detector trigger on web-2?": that detector's latest there.
  const detector = detectorNamed(text);
  if (!an && !span && (WHY_FIRED.test(text) || (WHY_ALERTING.test(text) && !metric)) && (target || metric || detector) && named <= 1)
    return {
      kind: 'explain',
      ...(target ? { target } : {}),
      ...(metric ? { metric, latest: true } : {}),
      ...(severity ? { severity } : {}),
      ...(detector ? detector : {}),
    };
  // With a past time ("why was web-1 cpu high at 21:27 yesterday?", "why did db-1 disk alert last night?",
  // "explain the spike on web-1 at 09:45"): the anomaly of then.
  const then = span && (PAST.test(text) || span.kind === 'clock' || span.kind === 'at');
  if (!an && then && (cause || explainWord || /\bwhy\b/.test(text)) && (metric || target) && named <= 1)
    return {
      kind: 'explain',
      ...(target ? { target } : {}),
      ...(metric ? { metric, latest: true } : {}),
      ...(severity ? { severity } : {}),
      span,
    };
  if (cause && !found && (anomalyWord || PAST.test(text) || /\b(?:caused|spikes?|outages?|surges?|jumps?|dips?|drops?)\b/.test(text)))
    return {
      kind: 'explain',
      ...(target ? { target } : {}),
      ...(metric ? { metric, latest: true } : {}),
      ...(severity ? { severity } : {}),
    };
  if (an || (explainWord && anomalyWord)) {
    // "Explain the last critical alert": the latest of that severity.
    return {
      kind: 'explain',
      id: an,
      ...(an ? {} : { target }),
      ...(severity && !an ? { severity } : {}),
      ...(metric && !an ? { metric, latest: true } : {}),
      // "Explain this alert": the one this conversation last named, else the latest.
      ...(!an &&
      !target &&
      !metric &&
      !severity &&
      /\b(?:this|that) (?:alert|anomaly|page|one|spike)\b|\bexplain (?:it|this|that)\b/.test(text)
        ? { it: true }
        : {}),
    };
  }
  // "Why is cpu high on web-1?", "why is db-1 slow": the anomaly behind it, not just the figure.
  // Without a metric ("why does web-3 look odd?") the target's overview says more than its last anomaly.
  // "How long has web-2 latency been high?" asks about the episode, which the open anomaly dates.
  const since = HOW_LONG_SINCE.test(text);
  // "Why did web-1 disk fill up?", "why was db-1 cpu high?": in the past, so the last episode there, open or not.
  const past = /\bwhy (?:did|was|were|had)\b/.test(text) ? { latest: true as const } : {};
  if ((/\bwhy\b/.test(text) || cause || (since && !parseBound(text))) && metric && !found && named <= 1 && !WHY_RULE.test(text))
    return { kind: 'explain', ...(target ? { target } : {}), metric, ...past };
  return undefined;
}

/** "Why is latency high on the api hosts?", "why are web-1 and web-2 slow?": each of them explained, as one target is. Pure. */
export function groupWhyQuestion(
  text: string,
  o: { metric?: MetricKey | undefined; named: string[]; span?: TimeSpan | undefined },
): Intent | undefined {
  if (!/\bwhy\b/.test(text) || !o.metric || o.named.length < 2 || o.span) return undefined;
  return { kind: 'explain', group: [...o.named], metric: o.metric };
}
