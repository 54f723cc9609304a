import { findDayDate, unknownDayWord, type DayDate } from './parse-day-date.js';
import { BEFORE_SHIFT } from './parse-digest.js';
import { aheadOf } from './parse-detector-question.js';
import { NO_ACTION } from './intent-words.js';
/**
 * Questions about what this bot watches rather than about the data: "how many hosts do you
 * monitor?", "which metrics do you collect?", "how often do you poll?", "how much history do you
 * keep?". Without this they fell to a host ("monitor" is a prefix of monitoring-1), the fleet table
 * or the LLM notice. Matched on the whole (lower-cased) question; callers rule out a metric first.
 */
import { rotationWord } from './parse-on-call.js';
import { aheadDated, findClock, weekdayIn, type ClockTime } from './parse-clock.js';
import type { Intent, MetricKey } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';
import { ROUTING } from './intent-words.js';
import { automaticAsked } from './parse-history.js';

const WE = String.raw`(?:you|we|it|this bot|the bot|smartcloudops)`;
const WATCH = String.raw`(?:monitor|watch|track|collect|read|scrape|poll|know|cover|see|check|have|get)(?:s|ed|ing)?`;
const FLEET = String.raw`(?:hosts|targets|servers|machines|nodes|instances|vms|boxes)`;

// "How often do you poll?", "scrape interval", "how often is cpu sampled?": the read interval, whatever the metric.
const POLL =
  /\bhow (?:often|frequently)\b.*\b(?:poll|scrape|collect|check|sample|read|refresh|update|tick|run)(?:s|d|ed|ing)?\b|\b(?:poll(?:ing)?|scrape|sampling|collection|check|tick)\s+(?:interval|frequency|rate|period)\b/;

// "Who can approve?", "am I an approver?", "which actions are allowed?", "is auto-remediation on?",
// "are remediations dry run?", "how long do proposals wait?": the remediation policy, not its history.
// "What runs automatically?", "what happens without approval?": which rules act with no person.
const RUNS_ALONE =
  /\bwhat (?:runs|happens|is done|gets done|can run|will run|would run) (?:automatically|on its own|by itself|without (?:an? )?(?:approval|person|human|approver))\b|\b(?:is|are) (?:the bot|you|it|smartcloudops) (?:allowed|permitted|able) to (?:restart|scale|clean|reboot|run|fix|remediate|act|touch|change)\w*\b(?!.*\b[a-z]+-\d+\b)/;
// "Who has permission to approve?", "who's allowed to deny?", "do I have permission to approve?", "what permissions do I have?".
const PERMITTED = String.raw`\bwho(?:'s| is| are)? (?:has|have|got|allowed|permitted) (?:the )?(?:(?:permission|rights?|access) )?to (?:approve|deny|decide)\b|\b(?:do|does) (?:i|\S+) have (?:the )?(?:permission|rights?|access) to (?:approve|deny)\b|\bwhat (?:permissions|rights|access) do (?:i|we) have\b`;
const POLICY = new RegExp(
  `${PERMITTED}|${String.raw`\bwhy (?:do|does|did|must|should) (?:you|it|this|that|they|these|those|the \w+(?: \w+)?|rp_\w+) (?:need|require|wait for|ask for|have to (?:wait for|get)) (?:an? |my |our )?approv\w*|\bwhy (?:is|are) (?:an? )?approvals? (?:needed|required)\b|^who (?:approves|signs off(?: on)?|okays)\b|\bwho (?:can|may|is allowed to|are allowed to|gets to) (?:approve|deny|decide)\b|\b(?:am i|is \S+) (?:an? )?(?:approver|admin|administrator)\b|\bdo i have (?:admin|approval|approver) (?:rights|permissions|access)\b|\bcan \S+ (?:approve|deny)\b(?!.*\b(?:rp_|restart|scale|clean))|\b(?:what|which|anything)\b.*\bdry[\s-]?run\b|\bwhy (?:can'?t|cannot|can not|couldn'?t) i (?:approve|deny)\b|\bwhat happens if (?:nobody|no one|noone) (?:approves|decides|answers)\b|\bwho are (?:the )?approvers\b|\b(?:which|what) (?:actions|remediations) (?:are|can|do you)\b.*\b(?:allowed|run|permitted|supported|available|take|do)\b|\b(?:allowed|allow-?listed|permitted|supported) (?:actions|remediations)\b|\bauto[\s-]?remediat\w*\b|\b(?:is|are)\b.*\bdry[\s-]?runs?\b|\bhow long do (?:proposals|approvals) (?:wait|last|stay)\b|\bapproval (?:ttl|timeout|window|expiry)\b|\bremediation (?:policy|mode|modes|settings)\b`}`,
);

// Which part of the policy leads: who decides ("why can't I approve?"), or how long a proposal waits.
const APPROVERS_ASKED = new RegExp(
  `${PERMITTED}|${String.raw`\bwho (?:can|may|is allowed to|are allowed to|gets to) (?:approve|deny|decide)\b|^who (?:approves|signs off(?: on)?|okays)\b|\bapprovers?\b|\badmin(?:istrator)?\b|\b(?:admin|approval|approver) (?:rights|permissions|access)\b|\bcan(?:'?t| ?not)? \S+ (?:approve|deny)\b`}`,
);
// "Can bob approve?", "is alice an approver?", "does bob have permission to approve?": the person asked about (not the asker).
const APPROVER_NAMED =
  /\b(?:can|is) (?!i\b|we\b|you\b|anyone\b|anybody\b|someone\b|somebody\b|everyone\b|the\b)([a-z][\w.-]*) (?:approve|deny|an? (?:approver|admin|administrator))\b|\bdoes (?!anyone\b|anybody\b|someone\b|somebody\b|everyone\b)([a-z][\w.-]*) have (?:the )?(?:permission|rights?|access) to (?:approve|deny)\b/;
const WAIT_ASKED =
  /\bhow long do (?:proposals|approvals) (?:wait|last|stay)\b|\bapproval (?:ttl|timeout|window|expiry)\b|\bif (?:nobody|no one|noone) (?:approves|decides|answers)\b/;

const ABOUT = new RegExp(
  [
    // "How many hosts?", "how many targets are there", "how many servers do we monitor?"
    String.raw`\bhow many ${FLEET}\b(?:\s+(?:are there|in total|total|altogether|(?:do|does|are|is|can)\s+${WE}\b.*))?[\s?.!]*$`,
    // "Which metrics do you collect?", "what hosts are you watching?", "what sources do you read?"
    String.raw`\b(?:what|which)\s+(?:${FLEET}|metrics|sources|data)\s+(?:do|does|can|will|are|is)\s+${WE}\s+${WATCH}\b`,
    String.raw`\b(?:what|which)\s+metrics\s+(?:are|do)\s+(?:there|available|supported|collected)\b`,
    String.raw`^(?:list|show)(?: me)?(?: all| every)?(?: the| your)? metrics(?: (?:available|collected|there are|you have))?\s*[?.!]*$`,
    String.raw`\bwhat (?:do|does|are|can) ${WE} ${WATCH}\b(?!.*\b(?:on|for|about)\b)`,
    // "Where does the data come from?", "what data sources are configured?"
    String.raw`\bwhere\b.*\b(?:data|metrics|numbers|figures)\b.*\bcomes? from\b|\bdata sources?\b|\bmetric sources?\b|\b(?:which|what) sources (?:are|is) (?:configured|set up|enabled|on|there|in use|used|active)\b`,
    // "Are all detectors working?", "are the detectors on?": the detectors this process runs, and its health.
    String.raw`\b(?:are|is) (?:all )?(?:the |your |my )?detectors? (?:all )?(?:working|running|ok|okay|healthy|on|enabled|up|active)\b`,
    // "Are you ok?", "bot health", "how long have you been up?": this process itself
    String.raw`\bare you (?:ok|okay|healthy|alive|up|working|running|there)\b|\bis (?:the bot|smartcloudops|the service) (?:ok|okay|healthy|alive|up|working|running)\b|\b(?:bot|your|smartcloudops)\s+(?:status|health|uptime)\b|\bwhen did you (?:start|restart|boot)\b|\bhow long have you been (?:up|running)\b`,
    // "Show config", "what's your config?", "who are you?": what this bot is set to do.
    String.raw`^(?:show|print|dump|display)\s+(?:me\s+)?(?:the\s+|your\s+|my\s+)?config(?:uration)?\s*[?.!]*$|\bwhat(?:'s| is) (?:the |your )?config(?:uration)?\b|^who are you\b`,
    // "What roles are there?", "which labels do hosts have?", "list the environments"
    String.raw`\b(?:what|which|list(?: the| all)?)\s+(?:roles|labels|environments|envs|tiers|groups)\b`,
    // "How much history do you keep?", "how far back does your data go?", "retention"
    String.raw`\bhow (?:much history|far back)\b|\bhow long (?:do|does) ${WE} keep\b|\bretention\b|\bhow much (?:data|history) (?:do|does) ${WE} (?:keep|store|hold)\b`,
    // "When did you last collect data?", "is the data fresh?", "are you falling behind?"
    String.raw`\bwhen did ${WE} last (?:collect|poll|scrape|read|tick|sample|fetch|run)\b|\bis (?:the |your |my )?data (?:fresh|stale|current|up to date|live|recent|late|old)\b|\bhow (?:fresh|stale|current|up to date|recent|late|old|live) (?:is|are) (?:the |your |my )?(?:data|samples|readings|metrics|figures|numbers)\b|\bwhen did ${WE} last (?:get|receive|see|hear)\b.*\b(?:data|samples|readings|metrics|figures)\b|\bare ${WE} (?:falling behind|keeping up|lagging|behind|stuck)\b|\b(?:sampling|polling|scrape|collection|tick) (?:interval|rate|frequency|period)\b|\bhow often do ${WE} (?:poll|collect|sample|scrape|read|check|tick|run)\b`,
    // "Is prometheus configured?", "is s3 upload working?", "where do you get metrics from?"
    String.raw`\b(?:prometheus|cloudwatch)\b.*\b(?:configured|enabled|set up)\b|\b(?:s3|the archive)\b.*\b(?:connected|working|reachable|up|down|ok|healthy|failing|configured|enabled)\b|\bs3 (?:upload|archive|export|sync|shipping)\w*\b|\bs3\b.*\b(?:records?|uploads?|uploaded|write|wrote|written|writing|sent|sending|going|ship\w*|bucket)\b|\b(?:records?|write|wrote|sent|upload\w*|going|ship\w*)\b.*\b(?:to|in|into) s3\b|\bwhere (?:do|does) ${WE} get (?:the |your |its )?(?:metrics|data|numbers|figures)\b`,
  ].join('|'),
);

// "How do I escalate?", "how can we page someone?", "how does escalation work?": the commands, then where alerts go.
const ESCALATE_HOW =
  /\bhow (?:do|can|should|would) (?:i|we|you) (?:escalate|page|get (?:someone|somebody|more people|help) (?:on|to look at))\b|\bhow (?:does|do) (?:escalation|escalations|paging) work\b/;

// "What changed in the config?", "did anyone change the thresholds?", "config history": the starts' diffs.
const CONFIG_CHANGED =
  /\b(?:what|who|when|did|has|have|was|were|is|any(?:one|body|thing)?)\b.*\b(?:chang|edit|modif|updat|touch)\w*\b.*\b(?:config(?:uration)?|settings?|thresholds?|rules?|routes?)\b|\b(?:config(?:uration)?|settings?)\s+(?:changes|history|diff|changed|edited|modified|updated)\b|\b(?:config(?:uration)?|settings?|thresholds?)\b.*\b(?:been|got|get|was|were)\s+(?:changed|edited|modified|updated)\b/;
// "Is the config valid?", "any config errors?": the running config loaded (it would not run otherwise); an edit is checked by the CLI.
const CONFIG_VALID =
  /\b(?:is|are) (?:the |my |your |our )?config(?:uration)?(?: file)? (?:valid|ok|okay|correct|right|broken|good|fine|loaded)\b|\bconfig(?:uration)? (?:check|validation|errors?|problems?|warnings?)\b|\bvalidate (?:the |my |your )?config(?:uration)?\b/;
// "When were you last restarted?", "how many times have you restarted?", "your restarts this week".
const RESTARTS =
  /\bwhen (?:were|was|did) (?:you|the bot|smartcloudops)\b.*\b(?:re)?(?:start|boot|deploy)(?:ed)?\b(?!\s+(?:watching|monitoring|reading|collecting|sampling|recording|gathering))|\bhow (?:many times|often) (?:have|has|did) (?:you|the bot|smartcloudops)\b.*\b(?:re)?start|\b(?:your|the bot'?s|smartcloudops'?s?) (?:restarts|starts|deploys|deployments)\b|^(?:(?:so|and|hey|ok),?\s+)?(?:did|have|has) (?:you|the bot|smartcloudops) (?:re)?start(?:ed)?(?:\s+(?:up|again|today|yesterday|recently|lately|overnight|this week))*[\s?.!]*$/;

/**
 * What this bot watches ("how many hosts do you monitor?") or where its alerts go ("who gets paged
 * for db-1?", "who is on call?"): questions answered from the wiring and config, not the data.
 */
export function setupQuestion(
  text: string,
  o: {
    metric?: MetricKey | undefined;
    target?: string | undefined;
    an?: string | undefined;
    severity?: 'critical' | 'warning' | undefined;
    span?: TimeSpan | undefined;
  },
): Intent | undefined {
  const past = onCallPast(text, o);
  if (past) return past;
  if (o.an) return undefined;
  const how = ESCALATE_HOW.test(text);
  // "Who's in the rotation?": the on-call rotation, whose members and order the routing answer lists.
  // "Who's covering for alice?": whoever holds the shift now, covers counted.
  const covering = /\bwho(?:'s| is| are)? (?:covering|standing in|filling in)\b|\bwho (?:covers|stands in|fills in) for\b/.test(text);
  // "Who has the pager?", "who's on pager duty?": the on-call now (or on the day said).
  const pager =
    /\bwho(?:'s| is| has| have)? (?:got |holding |carrying )?(?:the )?pager\b|\bwho(?:'s| is) on (?:pager(?: duty)?|duty)\b/.test(text);
  const rotation = /\bwho(?:'s| is| are)\b.*\b(?:in|on) (?:the |our |this )?rotation\b/.test(text) || covering || pager;
  if ((ROUTING.test(text) || how || rotation) && !BEFORE_SHIFT.test(text))
    return {
      kind: 'routing',
      ...(how ? { how } : {}),
      ...(o.target ? { target: o.target } : {}),
      ...(o.metric ? { metric: o.metric } : {}),
      ...(o.severity ? { severity: o.severity } : {}),
      ...(rotation ||
      /\bon[\s-]?call\b|\bmy (?:next )?shift\b|\bwho (?:should|do|can|must|shall) (?:i|we) (?:escalate|page|call|contact|ping|wake up)\b/.test(
        text,
      )
        ? {
            onCall: true,
            ...(/\bam i\b|\bmy (?:next )?(?:shift|turn)\b|\bwhen am i\b/.test(text) ? { me: true } : {}),
            // "Covering for alice" names a person, not a rotation.
            ...(rotationWord(text) && !covering ? { rotation: rotationWord(text) } : {}),
            ...onCallAhead(text),
          }
        : {}),
    };
  // "What would happen if I approve?", "what does approving do?": what waits, with what approving each runs.
  // "What happens if I deny it?": that too, with what denying does (and does not).
  const deny = /\bwhat (?:would|will|does|happens)\b.*\b(?:deny|denying|denied|reject\w*)\b|\bif (?:i|we) (?:deny|reject)\b/.test(text);
  if (
    (/\bwhat (?:would|will|does|happens)\b.*\bapprov\w*|\bif (?:i|we) approve\b/.test(text) || deny) &&
    !/\brp_/.test(text) &&
    !WAIT_ASKED.test(text)
  )
    return { kind: 'pending', ...(deny ? { deny: true } : {}) };
  // "What needs my decision?", "anything waiting on me?", "what's in the queue?": what waits for an approver.
  // A queue of messages ("how many alerts are queued?") is delivery's (parse-delivery.ts).
  if (
    /\bneeds? (?:my |a |an |our )?(?:decision|sign-?off|go-?ahead|ok)\b|\b(?:waiting|pending) (?:on|for) (?:me|us|my (?:decision|approval))\b|\b(?:anything|something|what)(?: (?:do |did )?(?:i|we)(?: need| have)? to| (?:for|left for) (?:me|us) to) (?:approve|sign off|decide)\b|\bdo (?:i|we) (?:need|have) to (?:approve|decide) (?:anything|something)\b/.test(
      text,
    ) ||
    /^(?:what(?:'?s| is)(?: (?:still|left))?|anything|is (?:there )?anything|show(?: me)?|list) (?:(?:still |left )?in (?:the |my |our )?(?:approval )?queue|queued(?: up)?(?: for (?:me|us|approval))?|the (?:approval )?queue)\b(?! (?:depth|length|size|lag|latency|metrics?|consumers?|backlog))/.test(
      text,
    )
  )
    return { kind: 'pending' };
  // "Why wasn't web-1 auto-remediated?" asks about that host's alert (parse-detector-question.ts), not the policy.
  if (((POLICY.test(text) && !automaticAsked(text)) || RUNS_ALONE.test(text)) && !(o.target && NO_ACTION.test(text))) {
    // "Why can't I approve my own request?": the four-eyes rule, which the line on waiting says.
    const own = /\b(?:my own|own (?:request|proposal|action)s?|self[\s-]?approv\w*)\b/.test(text);
    // "Is dry run on?", "is auto-remediation enabled?", "what runs automatically?": whether anything runs for real leads.
    const modes = /\bdry[\s-]?runs?\b|\bauto[\s-]?remediat\w*|\bremediation modes?\b/.test(text) || RUNS_ALONE.test(text);
    const focus =
      own || (!APPROVERS_ASKED.test(text) && WAIT_ASKED.test(text))
        ? 'wait'
        : APPROVERS_ASKED.test(text)
          ? 'approvers'
          : modes
            ? 'modes'
            : undefined;
    const named = APPROVER_NAMED.exec(text);
    const who = named?.[1] ?? named?.[2];
    return { kind: 'policy', ...(focus ? { focus } : {}), ...(who ? { who } : {}) };
  }
  if (!o.target && CONFIG_VALID.test(text)) return { kind: 'about', starts: 'config', valid: true };
  if (!o.target && CONFIG_CHANGED.test(text)) return { kind: 'about', starts: 'config' };
  if (!o.target && RESTARTS.test(text)) return { kind: 'about', starts: 'restarts' };
  // "When did you start monitoring api-1?": since when its data arrives (availability), not how I poll.
  if (o.target && /\bwhen did (?:you|we|i) (?:start|begin) (?:watching|monitoring|reading|collecting|sampling)\b/.test(text))
    return undefined;
  if (POLL.test(text) || (!o.metric && !o.target && ABOUT.test(text)))
    return { kind: 'about', ...(new RegExp(String.raw`\bhow many ${FLEET}\b`).test(text) ? { count: true } : {}) };
  // "Anything coming up in the next hour?": that far ahead, a week when no time is said.
  if (!o.metric && !o.target && SCHEDULE.test(text)) return { kind: 'schedule', ...(aheadOf(text) ? { aheadMs: aheadOf(text)! } : {}) };
  return undefined;
}

// "What's scheduled?", "what's coming up?", "anything planned this week?", "agenda": what is already set ahead.
const SCHEDULE =
  /\bwhat(?:'s| is| are)? (?:scheduled|planned|coming up|upcoming|on the (?:calendar|agenda|schedule))\b|\banything (?:scheduled|planned|coming up)\b|^(?:the |my |our )?(?:agenda|schedule|upcoming)[\s?.!]*$/;

// "Who was on call when db-1 alerted?", "who had the pager last night?": a past holder, not the rotation now.
const PAST_ON_CALL =
  /\bwho (?:was|were)\b.*\bon[\s-]?call\b|\bwho had the pager\b|\bwho (?:covered|held the pager|was holding the pager)\b(?=.*\b(?:last|yesterday|overnight|night|at|on|when|during|this)\b)|\b(?:was|were) (?:\S+ )?on[\s-]?call (?:at|when|during|last|yesterday|on|for|while|this)\b/;
const ON_CALL_LOAD =
  /\bwho(?:'s| has| have| was)? (?:been )?on[\s-]?call (?:the )?(?:most|least|longest|more)\b|\bon[\s-]?call (?:load|burden|hours|time|fairness|balance|stats|statistics)\b|\bhow (?:many hours|much time|long) (?:was|were|have|has|did) (?:i|\w+) (?:been )?(?:on[\s-]?call|holding the pager|held the pager)\b|\b(?:is|was) (?:the |our )?(?:on[\s-]?call )?(?:rotation|rota|schedule) (?:fair|balanced|even)\b|\bwho (?:got|gets|had|has) (?:the )?most (?:alerts|pages) (?:while |when )?on[\s-]?call\b/;
const MY_LAST_SHIFT =
  /\b(?:when was|what was|show) my (?:last|previous|latest|most recent) (?:on[\s-]?call )?shift\b|\bwhen (?:was|did) i (?:last )?(?:be |was )?on[\s-]?call(?: last)?\b|\bmy (?:last|previous) (?:on[\s-]?call )?shift\b|\bwhen did i last (?:have|hold|do|work|take) (?:a |an |my |the )?(?:on[\s-]?call |pager )?(?:shift|pager)\b/;
// "When was bob last on call?", "bob's last shift": that member's, by name (answer-on-call-load.ts checks it).
const MEMBER_LAST_SHIFT =
  /\bwhen (?:was|did) (?!i\b|we\b|you\b|the\b|it\b)([a-z][\w.-]{0,59}) (?:last )?(?:be |was )?on[\s-]?call(?: last)?\b|\b(?!my\b)([a-z][\w.-]{0,59})'s (?:last|previous|latest|most recent) (?:on[\s-]?call )?shift\b/;
const rotationOf = (text: string) => (rotationWord(text) ? { rotation: rotationWord(text)! } : {});
const ABOUT_ALERT = /\b(?:alert(?:ed|s)?|fired|firing|incident|anomal\w*|paged|outage|went down|broke|happened)\b/;

function onCallPast(
  text: string,
  o: { metric?: MetricKey | undefined; target?: string | undefined; an?: string | undefined; span?: TimeSpan | undefined },
): Intent | undefined {
  // "Who has been on call the most?", "on-call hours this month", "is the rotation fair?": the time held, by member.
  // "How many hours was I on call this month?": the table, led by the asker's own row.
  if (ON_CALL_LOAD.test(text))
    return {
      kind: 'routing',
      onCall: true,
      ...rotationOf(text),
      past: { ...(o.span ? { span: o.span } : {}), load: true, ...(/\b(?:i|me|my)\b/.test(text) ? { mine: true } : {}) },
    };
  // "When was my last shift?", "my previous on-call shift": the asker's, not the rotation's.
  if (MY_LAST_SHIFT.test(text) && !/\b(?:happen\w*|alerts?|anomal\w*|fired|during|summar\w*|digest)\b/.test(text))
    return { kind: 'routing', onCall: true, ...rotationOf(text), past: { mine: true } };
  const member = MEMBER_LAST_SHIFT.exec(text);
  if (member && !o.span && !/\b(?:happen\w*|alerts?|anomal\w*|fired|during|summar\w*|digest)\b/.test(text))
    return { kind: 'routing', onCall: true, ...rotationOf(text), past: { member: (member[1] ?? member[2])! } };
  if (!PAST_ON_CALL.test(text)) return undefined;
  // "Who was on call on the 3rd?", "on december 3": everyone who held it that day.
  // The calendar parser reads such a date as that day's span too: the rotation's day, not the span, answers it.
  const dated = o.span?.kind === 'range' && o.span.from.day !== undefined && 'dayOfMonth' in o.span.from.day;
  const date = (!o.span || dated) && !o.an ? findDayDate(text) : undefined;
  if (date)
    return { kind: 'routing', onCall: true, ...(/\b(?:was|am) i\b/.test(text) ? { me: true } : {}), ...rotationOf(text), onDate: date };
  const alert = !o.span && (Boolean(o.an) || Boolean(o.target) || ABOUT_ALERT.test(text));
  return {
    kind: 'routing',
    onCall: true,
    ...(o.target ? { target: o.target } : {}),
    ...(o.metric ? { metric: o.metric } : {}),
    ...(rotationWord(text) ? { rotation: rotationWord(text) } : {}),
    past: { ...(o.span ? { span: o.span } : {}), ...(o.an ? { id: o.an } : {}), ...(alert ? { alert } : {}) },
  };
}

/** "Who is on call tomorrow?", "next week", "in 3 days": how far ahead the shift asked about is. */
function onCallAhead(text: string): {
  aheadMs?: number;
  onWeekday?: number;
  onDay?: 'tomorrow' | 'weekend' | 'next_week';
  onDate?: DayDate;
  unknownDay?: string;
  week?: true;
  at?: ClockTime;
} {
  // "Next week": the calendar week from next Monday (answer-on-call-day.ts), since "on call next week" plans that week.
  // "This week", "the next 7 days", "the rota for the week": the shifts from now over 7 days, not one instant a week on.
  if (!/\b(?:was|were|been|had)\b/.test(text) && /\bnext week(?:'s)?\b/.test(text)) return { onDay: 'next_week' };
  if (
    !/\b(?:was|were|been|had)\b/.test(text) &&
    /\b(?:next|this|coming|the) week\b|\b(?:next|coming) (?:7|seven) days\b|\bweek(?:'s|ly)? (?:rota|schedule|shifts)\b/.test(text)
  )
    return { week: true };
  // "Saturday at noon", "tomorrow at 3pm", "at 15:00": that time, the next such.
  const clock = findClock(text);
  if (clock && 'span' in clock && clock.span.kind === 'clock')
    return { at: /\b(?:was|were|had|did)\b/.test(text) ? clock.span.at : aheadDated(clock.span.at) };
  // "Tomorrow", "on friday", "this weekend": everyone who holds the pager that day (answer-on-call-day.ts).
  if (/\btomorrow\b/.test(text)) return { onDay: 'tomorrow' };
  if (/\b(?:this|the|next|coming) weekend\b|\bweekend (?:on[\s-]?call|rota|shifts?|cover|pager)\b/.test(text)) return { onDay: 'weekend' };
  const day = weekdayIn(text);
  if (day) return { onWeekday: day.weekday };
  // "On the 12th", "on december 24", "christmas day": that date, whole; "on funday" is refused by name.
  const date = findDayDate(text);
  if (date) return { onDate: date };
  const unknown = unknownDayWord(text);
  if (unknown) return { unknownDay: unknown };
  const m = /\bin (\d{1,3}) (hours?|days?|weeks?)\b/.exec(text);
  if (!m) return {};
  const unit = m[2]!.startsWith('hour') ? 3_600_000 : m[2]!.startsWith('day') ? 86_400_000 : 7 * 86_400_000;
  return { aheadMs: Math.min(Number(m[1]) * unit, 366 * 86_400_000) };
}
