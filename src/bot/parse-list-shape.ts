import type { CrossBy } from './anomaly-cross-tab.js';
import { LONGEST, ONE_LATEST, WORST } from './intent-words.js';
import type { TargetRef } from './match-target.js';
import { groupByOf } from './parse-group-by.js';
import { parseDuration } from './text-tools.js';
import type { DayPart, MetricKey } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';

/** "10 min", "an hour", "2 days": a length said after "longer than", "over", "after". */
const LENGTH = String.raw`((?:\d+(?:\.\d+)?|an?)\s*(?:days?|d|hours?|hrs?|h|minutes?|mins?|m))\b`;
const lengthOf = (said: string) => parseDuration(said.replace(/^an?\s+/, '1 '));
// "Which alerts lasted more than 10 min?", "incidents longer than an hour today": those that went on that long.
const LASTED = new RegExp(
  String.raw`\b(?:lasted|lasting|went on|ran|were open|was open|longer than)\b.*?\b(?:longer than|more than|over|at least|for over)\s+${LENGTH}|\b(?:alerts?|anomal\w*|incidents?|episodes?) (?:longer|lasting longer) than\s+${LENGTH}`,
);
// "Alerts that lasted less than 5 minutes", "short-lived alerts": ended ones shorter than that (5 min for "short-lived").
const SHORTER = new RegExp(
  String.raw`\b(?:lasted|lasting|went on|ran|were open|was open|resolved|ended|cleared)\b.*?\b(?:less than|under|shorter than|within|at most|below)\s+${LENGTH}|\b(?:alerts?|anomal\w*|incidents?|episodes?) (?:shorter|lasting less) than\s+${LENGTH}`,
);
// "Alerts outside business hours", "weekend alerts", "pages at night": those that began in that part of the week.
const OUT_OF_HOURS = /\b(?:outside(?: of)?|out of|after|off)[\s-](?:business |working |office )?hours\b/;
const IN_PART: readonly (readonly [RegExp, 'business' | 'weekend' | 'night'])[] = [
  [/\b(?:during|in|within) (?:business|working|office) hours\b/, 'business'],
  [/\bweekends?\b|\bon (?:a )?(?:saturdays?|sundays?)\b/, 'weekend'],
  [/\bat night\b|\bnight[- ]?time\b|\bnights\b|\b(?:during|in) the night\b/, 'night'],
];
const partOf = (text: string): { daypart?: 'business' | 'weekend' | 'night'; outside?: true } => {
  if (OUT_OF_HOURS.test(text)) return { daypart: 'business', outside: true };
  const part = IN_PART.find(([re]) => re.test(text))?.[1];
  return part ? { daypart: part } : {};
};
// "Which alerts did bob acknowledge?": those he took on (a person is matched on the id after the platform).
const PERSON = String.raw`(?!(?:i|we|you|anyone|anybody|someone|somebody|everyone|they|he|she|it|this|that|the|there)\b)([a-z][a-z._-]*[a-z])`;
/** "What's bob working on?": the person named, when asked what they have now (with no word for alerts). */
export const workingOn = (text: string): string | undefined => {
  const by = ACKED_BY.exec(text);
  return by && !by[1] ? (by[2] ?? by[3]) : undefined;
};
const ACKED_BY = new RegExp(
  String.raw`\b(?:which|what) (?:alerts?|anomal\w*|pages?|incidents?) (?:did|has|have) ${PERSON} (?:ack|acknowledge|take on|handle|pick up)(?:d|ed)?\b|\bwhat(?:'s| is) ${PERSON} (?:working on|looking at|looking into|handling|dealing with)\s*[?.!]*$|\bhow many (?:alerts?|anomal\w*|incidents?) (?:is|has) ${PERSON} (?:handling|got|taken|working on|on)\b`,
);
const SHORT_LIVED = /\bshort[- ]?lived\b|\bblips?\b|\bshort(?:est)? (?:alerts?|anomal\w*|episodes?|ones)\b/;
// "Alerts open longer than an hour", "still unacknowledged after 30 min": open ones at least that old.
const OPEN_FOR = new RegExp(
  String.raw`\b(?:open|firing|ongoing|unacked|unacknowledged|un-acked|not acked|not acknowledged|older|old)\b.*\b(?:longer than|more than|over|after|for over|for more than|older than|at least)\s+${LENGTH}|\b(?:alerts?|anomal\w*|incidents?)\s+older than\s+${LENGTH}`,
);
// "The first alert ever", "earliest anomalies today", "the oldest alert on record": oldest first, of all kept or the time said.
// "The oldest alert" alone is the one open longest, as on a live board.
// "What fired first today?", "which alert went off first this morning?": the day's first, not which detector led an episode.
const FIRST =
  /\b(?:first|earliest)\s+(?:\d+\s+)?(?:alerts?|anomal(?:y|ies)|incidents?|pages?|problems?)\b|\b(?:what|which (?:alert|anomaly|host|target|server))\s+(?:fired|alerted|went off|opened|tripped|paged)\s+first\b|\boldest\s+(?:\d+\s+)?(?:alerts?|anomal(?:y|ies)|incidents?|pages?)\b.*\b(?:ever|you have|you've got|on record|kept|stored|recorded|of all time|all time)\b/;
// "The oldest open alert": one, open the longest.
const OLDEST_ONE = /\boldest (?:open |unacked |unacknowledged )?(?:alert|anomaly|incident|page)\b(?!s)/;

/** "Open incidents", "the last 3 episodes", "alerts grouped", "deduplicated alerts": one line per episode, not per anomaly. */
const EPISODES = /\b(?:incidents?|episodes?|grouped|de-?dup(?:ed|licated|e)?)\b|\bgroup (?:\w+ )?(?:by|into) (?:incidents?|episodes?)\b/;

/** "Which hosts never alerted?", "hosts without any alerts this week": the targets that had none. */
const NONE =
  /\b(?:hosts?|targets?|servers?|machines?|nodes?|instances?|which|any)\b.*\b(?:never|without|with no|had no|have no|has no|zero|free of)\s+(?:any\s+|an?\s+)?(?:[a-z-]+\s+){0,2}?(?:alerts?|anomal\w*|incidents?|problems?|issues?)\b|\bnever (?:alerted|alarmed|fired|paged)\b|\bnot? (?:once )?(?:alerted|fired)\b|\b(?:hasn'?t|haven'?t|has not|have not|didn'?t|did not) (?:alerted|alarmed|fired|paged|alert|fire)\b/;

const WHO = String.raw`(hosts?|servers?|targets?|machines?|nodes?|instances?|boxes|metrics?|detectors?)`;
/**
 * "Which host has the most alerts?", "top 3 noisiest metrics", "rank hosts by alerts", "the most
 * alerting metric": the count is led by that ranking, not left to its "By target" line.
 */
const RANKED = [
  new RegExp(String.raw`\b(?:which|what)\s+${WHO}\b.*\bmost\b`),
  new RegExp(
    String.raw`\b(?:top|rank|ranked|ranking|noisiest|loudest|most alerting|worst|riskiest|least stable|least reliable)\s+(?:\d+\s+)?(?:the\s+)?${WHO}`,
  ),
  new RegExp(
    String.raw`\b${WHO}\s+(?:by|with the most|ranked by)\s+(?:the\s+)?(?:number of\s+)?(?:alerts?|anomal\w*|incidents?|pages?|episodes?)\b`,
  ),
  new RegExp(
    String.raw`\b(?:which|what)\s+${WHO}\s+(?:is|was|are|were)\s+(?:the\s+)?(?:noisiest|loudest|worst|riskiest|most unstable|least stable|least reliable|most unreliable)\b`,
  ),
  // "How many anomalies did each host have today?": a count per host is the ranking.
  new RegExp(String.raw`\b(?:for|on|by|of)\s+(?:each|every)\s+${WHO}\b`),
  new RegExp(String.raw`\b(?:each|every)\s+${WHO}\s+(?:have|had|has|get|got|see|saw|raised?|fired?)\b`),
  // "Alerts grouped by host", "anomalies by metric", "break down incidents by detector".
  new RegExp(String.raw`\b(?:alerts?|anomal\w*|incidents?|pages?)\s+(?:grouped\s+|broken\s+down\s+|split\s+)?(?:by|per)\s+${WHO}`),
];

// "Which hour has the most alerts?", "what time do alerts usually fire?", "when do we get the most pages?".
const BY_HOUR_OF_DAY =
  /\b(?:which|what) (?:hour|time)(?: of (?:the )?day)?\b.*\b(?:most|usually|typically|often|tend to|worst|busiest|noisiest)\b|\b(?:what time|when) (?:do|does|did) (?:the )?(?:\w+ )?(?:alerts?|anomal\w*|pages?|incidents?) (?:usually|typically|mostly|tend to|normally)\b|\b(?:alerts?|anomal\w*|pages?|incidents?) by hour(?: of (?:the )?day)?\b|\bwhen (?:do|does|did) (?:the )?(?:[\w-]+ ){0,3}?(?:usually|typically|normally|mostly|tend to)\b|\bsame (?:time|hour) (?:every|each) day\b|\bpattern\b/;

// "What's the most common alert?", "which alerts repeat the most?": the same target and metric again and again.
const BY_SERIES =
  /\b(?:most (?:common|frequent|repeated)|commonest) (?:alerts?|anomal\w*|pages?|problems?)\b|\b(?:alerts?|anomal\w*) (?:that )?(?:repeat|recur|come back|fire)\w* (?:the )?most\b|\btop (?:\d+ )?(?:noisiest |loudest |most repeated |recurring )?(?:alerts?|anomal\w*|problems?|issues?|offenders?|series)\b/;
// "What percentage of alerts are critical?", "critical vs warning this week".
const BY_SEVERITY =
  /\bwhat (?:share|percentage|fraction|proportion|percent) of (?:the |our )?(?:alerts?|anomal\w*|pages?) (?:are|were|is|was) (?:critical|warnings?)\b|\bcritical (?:vs\.?|versus|against|or) warnings?\b|\bwarnings? (?:vs\.?|versus|against|or) critical\b|\b(?:alerts?|anomal\w*) by severity\b/;

// "Time since the last alert", "how long since the last incident?", "days without an incident".
const SINCE_LAST =
  /\b(?:time|how long|how many (?:days|hours)) since (?:the |our )?(?:last|latest|previous) (?:alert|anomaly|incident|page|problem|outage)\b|\b(?:time|how long|how many (?:days|hours)) since (?:[\w.-]+(?:'s)? )?(?:last|previously) (?:alerted|paged|fired|went off|had an? (?:alert|anomaly|incident|problem|page))\b|\b(?:days|hours) (?:without|since) (?:an? |the last )?(?:alert|anomaly|incident|page|problem|outage)\b/;

// "Which day had the most alerts?", "worst day this week", "alerts per day".
const BY_DAY =
  /\b(?:which|what) day\b.*\b(?:most|worst|busiest|noisiest)\b|\b(?:worst|busiest|noisiest) day\b|\b(?:alerts?|anomal\w*|incidents?|pages?) (?:per|by|each) day\b/;

// "The busiest day of the week", "which weekday has the most alerts?", "alerts by weekday": weekdays, not dates.
const BY_WEEKDAY =
  /\b(?:which|what) (?:day of (?:the )?week|weekday)\b|\b(?:worst|busiest|noisiest|quietest) (?:day of (?:the )?week|weekday)\b|\b(?:alerts?|anomal\w*|incidents?|pages?) (?:per|by|each) (?:weekday|day of (?:the )?week)\b/;

// "Which alerts fired more than 5 times today?", "alerts that went off at least 3 times": series that often.
const TIMES =
  /\b(?:fired|alerted|triggered|went off|paged|repeated|recurred|happened|came back|opened|flapped)\s+(more than|over|at least|>=?)\s*(\d{1,3})\s*(?:times|x)\b|\b(?:fired|alerted|triggered|went off|repeated|happened)\s+(\d{1,3})\s*(?:\+|or more)\s*times\b/;

/** The fewest episodes a series must have, when the question sets one; undefined otherwise. */
function timesAtLeast(text: string): number | undefined {
  const m = TIMES.exec(text);
  if (!m) return undefined;
  const n = Number(m[2] ?? m[3]);
  return m[1] === 'more than' || m[1] === 'over' || m[1] === '>' ? n + 1 : n;
}

// "How many alerts per day on average?", "how many alerts do we get a week?", "daily alert rate": a rate in that unit.
const RATE = new RegExp(
  String.raw`\b(?:per|a|an|each) (hour|day|week)\b.*\b(?:on average|average|typically|usually|normally)\b|\b(?:on average|average|typical(?:ly)?|usually|normally|mean)\b.*\b(?:per|a|an|each) (hour|day|week)\b` +
    String.raw`|\bhow many\b.*\b(?:do|does) (?:we|you|i|the team) (?:usually |typically |normally )?(?:get|see|have|receive)\b.*\b(?:per|a|an|each) (hour|day|week)\b|\b(hourly|daily|weekly) (?:average|rate|alert rate)\b`,
);

/** The unit of a rate asked for, if one is. */
export function rateAsked(text: string): 'hour' | 'day' | 'week' | undefined {
  const m = RATE.exec(text);
  const unit = m?.slice(1).find(Boolean)?.replace(/ly$/, '').replace(/^dai$/, 'day');
  return unit === 'hour' || unit === 'day' || unit === 'week' ? unit : undefined;
}

function rankOf(text: string): 'target' | 'metric' | 'detector' | 'hour' | 'day' | 'weekday' | 'series' | 'severity' | undefined {
  if (BY_HOUR_OF_DAY.test(text)) return 'hour';
  if (BY_WEEKDAY.test(text)) return 'weekday';
  if (BY_DAY.test(text)) return 'day';
  if (BY_SEVERITY.test(text)) return 'severity';
  if (BY_SERIES.test(text)) return 'series';
  for (const re of RANKED) {
    const who = re.exec(text)?.[1];
    if (who) return who.startsWith('metric') ? 'metric' : who.startsWith('detector') ? 'detector' : 'target';
  }
  return undefined;
}

// "Was there anything unusual overnight?", "any alerts last night?", "did anything happen while I was out?".
const GLANCE =
  /^(?:so\s+|and\s+|hey\s+)?(?:was there|were there|is there|are there|has there been|have there been|did (?:anything|something|we (?:get|have|see))|anything|any)\b/;

/**
 * How an anomaly list is laid out: ranked by how long each lasted, by episode, or as the targets
 * without any. A count leads with episodes when they are asked for, and with a ranking when one is.
 */
export function listShape(
  text: string,
  counting: boolean,
  targets: readonly TargetRef[] = [],
  digest = false,
): {
  summarised?: true;
  longest?: true;
  first?: true;
  worst?: true;
  episodes?: true;
  none?: true;
  rank?: 'target' | 'metric' | 'detector' | 'hour' | 'day' | 'weekday' | 'series' | 'severity';
  rankBy?: string;
  timesAtLeast?: number;
  sinceLast?: true;
  openForMs?: number;
  lastedMs?: number;
  shorterMs?: number;
  daypart?: 'business' | 'weekend' | 'night';
  outside?: true;
  ackedBy?: string;
  open?: true;
  limit?: number;
  glance?: true;
  rate?: 'hour' | 'day' | 'week';
  count?: true;
} {
  if (NONE.test(text)) return { none: true };
  if (SINCE_LAST.test(text)) return { sinceLast: true };
  const first = FIRST.exec(text);
  if (first && !/\bopen\b/.test(text))
    return {
      first: true,
      ...(/s$/.test(first[0]) || /\d/.test(first[0]) ? {} : { limit: 1 }),
      ...(EPISODES.test(text) ? { episodes: true } : {}),
    };
  // "Which tier has the most alerts?", "alerts by role": the targets' groups ranked.
  const grouped = counting || /\b(?:most|by|per)\b/.test(text) ? groupByOf(text, targets) : undefined;
  const least = timesAtLeast(text);
  const rate = rateAsked(text);
  // A rate asked ("alerts per day on average") is the mean, not the days ranked.
  const rank = grouped ? 'target' : least ? 'series' : rate ? undefined : rankOf(text);
  const old = OPEN_FOR.exec(text);
  const openForMs = old ? lengthOf((old[1] ?? old[2])!) : undefined;
  const lasted = openForMs ? undefined : LASTED.exec(text);
  const lastedMs = lasted ? lengthOf((lasted[1] ?? lasted[2])!) : undefined;
  const by = ACKED_BY.exec(text);
  const ackedBy = by?.[1] ?? by?.[2] ?? by?.[3];
  // "What's bob working on?", "how many alerts is bob handling?": what they have now.
  const now = by && !by[1] ? { open: true as const } : {};
  const shorter = SHORTER.exec(text);
  const shorterMs = shorter ? lengthOf((shorter[1] ?? shorter[2])!) : SHORT_LIVED.test(text) ? 5 * 60_000 : undefined;
  return {
    ...(least ? { timesAtLeast: least, limit: 50 } : {}),
    ...(openForMs ? { openForMs, open: true, limit: 50 } : {}),
    ...(lastedMs ? { lastedMs, limit: 50 } : {}),
    ...(shorterMs ? { shorterMs, limit: 50 } : {}),
    ...partOf(text),
    ...(ackedBy ? { ackedBy, limit: 50, ...now } : {}),
    ...(OLDEST_ONE.test(text) ? { open: true, limit: 1 } : {}),
    // "Which alert took longest to resolve this week?": the longest few, not every one of the week (a number or "all" says more).
    ...((LONGEST.test(text) || /\boldest\b|\b(?:sorted|ordered|ranked) by (?:duration|length|how long)\b/.test(text)) && !counting
      ? { longest: true, ...(/\d|\ball\b/.test(text) || OLDEST_ONE.test(text) || ONE_LATEST.test(text) ? {} : { limit: 5 }) }
      : {}),
    ...(WORST.test(text) && !counting ? { worst: true } : {}),
    ...(EPISODES.test(text) ? { episodes: true } : {}),
    ...(GLANCE.test(text) && !counting && !rank ? { glance: true } : {}),
    ...(rank ? { rank } : {}),
    ...(grouped ? { rankBy: grouped.groupBy } : {}),
    ...(rate ? { rate, count: true } : {}),
    // A digest is a summary already; "summarise the last 3 anomalies" is a list, with a line over it.
    ...(SUMMARISED.test(text) && !counting && !digest ? { summarised: true } : {}),
  };
}

const SUMMARISED = /\b(?:summari[sz]e|summary|recap|rundown|round-?up|tl;?\s?dr|gist)\b/;

/** "Anomalies today", "summarise the last 3", "which host has the most alerts?": a list or a count of anomalies (answer-anomalies.ts). */
export interface AnomaliesIntent {
  kind: 'anomalies';
  /** "What changed on api-1 today?": a digest led by the changes recorded then. */
  changed?: true;
  /** "Summarise the last 3 anomalies": a line over those listed leads the list. */
  summarised?: true;
  /** "Did the deploy break anything?": with afterChange and no host named, only the hosts the change was said of. */
  blame?: true;
  /** "How long has web-2 been alerting?": with timeTo 'open', the stretch going on now leads. */
  ongoing?: true;
  limit: number;
  today: boolean;
  target?: string;
  /** "Disk alerts today": those of that metric (or blaming it, for a host-level anomaly). */
  metric?: MetricKey;
  group?: string[];
  unknownTarget?: string;
  span?: TimeSpan;
  open?: boolean;
  /** "Resolved alerts today": only those that have ended. */
  resolved?: boolean;
  severity?: 'critical' | 'warning';
  /** "How many anomalies this week?": counts, not a list. */
  count?: boolean;
  /** "How many alerts per day on average?": with `count`, the rate in that unit first. */
  rate?: 'hour' | 'day' | 'week';
  /** "MTTR this week", "mean time to acknowledge": the counts, with that time asked for. */
  timeTo?: 'resolve' | 'ack' | 'between' | 'open';
  /** "Which host was down today?": only the silent-host anomalies. */
  silent?: boolean;
  /** "Unacknowledged alerts" (false), "acked alerts today" (true): by whether someone took them on. */
  acked?: boolean;
  /** "My alerts", "which alerts did I ack?", "what am I on?": those the asker acknowledged. */
  mine?: boolean;
  /** "Summarise today", "daily digest": the counts, what is still open, the longest, and the remediations. */
  digest?: boolean;
  /** "What happened after the deploy?": since the latest change recorded (on the target asked). */
  /** `'deploy'`: after the latest deploy, release or rollback recorded, not any change. */
  afterChange?: boolean | 'deploy';
  /** "Which hosts never alerted?": the targets with none in the span, not the anomalies. */
  none?: boolean;
  /** "What was the longest incident?": ranked by how long each lasted (open ones so far), not by start. */
  longest?: boolean;
  /** "The first alert ever", "earliest anomaly today": oldest first (of all kept, or of the time said). */
  first?: boolean;
  /** "What share of alerts are on web-2?": that target's share of all, led by it (the list is not narrowed to it). */
  shareOf?: string;
  /** "Which host recovers fastest?": with `timeTo: 'resolve'` and `rank: 'target'`, the quickest to resolve first. */
  fastFirst?: boolean;
  /** "The worst incident this week": critical first, then the longest. */
  worst?: boolean;
  /** "Open incidents", "the last 3 episodes": one line per episode (one target and metric, overlapping times). */
  episodes?: boolean;
  /** "Which host has the most alerts?", "top 3 noisiest metrics": a count led by that ranking. */
  rank?: 'target' | 'metric' | 'detector' | 'hour' | 'day' | 'weekday' | 'series' | 'severity';
  /** With `rank`: "alerts per host per day", episodes counted by both, as a table (`rank` down the side). */
  crossBy?: CrossBy;
  /** With `rank: 'target'`: "which tier has the most alerts?", the targets' groups by this key (role, region, asg or a label). */
  rankBy?: string;
  /** With `rank: 'series'`: "which alerts fired more than 5 times?", only series with at least this many episodes. */
  timesAtLeast?: number;
  /** "Time since the last alert": led by how long ago the latest began and ended. */
  sinceLast?: boolean;
  /** "Acknowledged within 5 minutes?": with `timeTo: 'ack'`, how many were taken on that soon. */
  ackWithinMs?: number;
  /** "What's the false positive rate?": led by the share people marked noise. */
  quality?: boolean;
  /** "Handover notes", "shift report": the digest of the on-call shift (or the last 12 h without a rotation). */
  shift?: boolean | 'mine';
  /** "Alerts open longer than an hour", "unacknowledged after 30 min": open ones started at least this long ago. */
  openForMs?: number;
  /** "Which alerts lasted more than 10 min?": those that went on at least this long (open ones so far). */
  lastedMs?: number;
  /** "Alerts that lasted less than 5 minutes", "short-lived alerts": those that ended within this. */
  shorterMs?: number;
  /** "Weekend alerts", "alerts at night", "outside business hours" (`outside`): those that began in (or out of) that part of the week. */
  daypart?: DayPart;
  outside?: boolean;
  /** "Which alerts did bob acknowledge?": those that person took on (the id after the platform: web:bob). */
  ackedBy?: string;
  /** "Catch me up" (away: since the asker went away), "what's new since I last asked?" (previous: their last question). */
  sinceAsked?: 'away' | 'previous';
  /** "Forecast alerts today": only that detector's. */
  detector?: string;
  /** "How many false positives this week?": only those people marked so. */
  feedback?: 'noise' | 'useful';
  /** "Which alerts were suppressed?": led by what reached chat, why the rest did not, and those held. */
  unposted?: boolean;
  /** "Was there anything unusual overnight?": asked yes or no; with many, the summary answers (answer-anomalies.ts). */
  glance?: boolean;
}

/** A span as the anomaly lists take it: today is a flag of their own, any other span is said. */
export function listSpan(span: TimeSpan | undefined): { today: boolean; span?: TimeSpan } {
  const today = span?.kind === 'day' && span.daysBack === 0;
  return { today, ...(span && !today ? { span } : {}) };
}
