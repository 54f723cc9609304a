import type { Intent } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';
import { AVAILABILITY } from './uncollected-words.js';

const HEALTHY = /\b(?:healthy|ok|okay|fine|normal|green|alright|all right|degraded|struggling|in trouble|unhealthy|sick)\b/;
/** Said of several hosts, these ask for their state too: "status of the web tier", "how is the api doing?". */
const STATE = /\b(?:health|status|state|doing|going|holding up|looking)\b|^how(?:'s|\s+is|\s+are)\b/;

/**
 * "Is the api healthy?", "how are the web servers doing?": one target's overview, or a group's state
 * table with what is open there. A group's had been its figures alone, with no word of its state.
 */
export function healthQuestion(
  text: string,
  o: { target?: string | undefined; named: string[]; metric?: string | undefined; span?: TimeSpan | undefined; anomalies: boolean },
): Intent | undefined {
  if (o.metric || o.anomalies) return undefined;
  // "Was api-1 ok at 03:00?", "was web-2 healthy yesterday?": what was open on it then (at an instant, what was open at it).
  if (o.target && o.span && HEALTHY.test(text) && /\b(?:was|were)\b/.test(text))
    return { kind: 'anomalies', limit: 50, today: false, target: o.target, span: o.span };
  // "When was api-2 last healthy?": its overview says what is open since when, or when the last one ended.
  if (o.target && HEALTHY.test(text)) return { kind: 'metrics', target: o.target };
  if (o.named.length > 1 && !o.span && (HEALTHY.test(text) || STATE.test(text))) return { kind: 'status', group: o.named };
  return undefined;
}

/** "Availability of api-2 this week", "uptime % of the fleet", "SLA for db-1": whether data arrived. */
export function availabilityQuestion(
  text: string,
  o: {
    metric?: string | undefined;
    target?: string | undefined;
    named: string[];
    unknownTarget?: string | undefined;
    span?: TimeSpan | undefined;
  },
): Intent | undefined {
  if (o.metric || !AVAILABILITY.test(text) || /\b(?:notes?|comments?)\b/.test(text)) return undefined;
  return {
    kind: 'availability',
    target: o.target,
    ...(o.named.length > 1 ? { group: o.named } : {}),
    unknownTarget: o.unknownTarget,
    ...(o.span ? { span: o.span } : {}),
    ...(/\bsla\b/.test(text) ? { sla: true } : {}),
    ...(/\b(?:longest|biggest|worst)\b/.test(text) ? { longest: true as const } : {}),
  };
}

const HOST = String.raw`(?:hosts?|servers?|targets?|machines?|instances?|nodes?)`;
// "Rank hosts by health", "which host is the least healthy?", "the healthiest hosts", "is web-1 healthier than web-2?".
const HEALTH_RANK = new RegExp(
  String.raw`\b(?:rank|sort|order)\w* (?:the |our |all )?${HOST} by health\b|\b(?:least|most) healthy ${HOST}\b|\b(?:which|what) (?:[\w-]+ )?(?:${HOST}|one) (?:is|are|was|were) (?:the )?(?:least healthy|most healthy|healthiest|unhealthiest|healthier|less healthy)\b|\b(?:healthiest|unhealthiest|sickest) ${HOST}\b|\bhealthier than\b|\bhealth (?:score|grade|rating)s? (?:for|of|per|by) (?:each|every|all)?\s*${HOST}\b|\b(?:grade|score|rate) (?:each|every|all|the|our) ${HOST}\b|\bgive (?:each|every) ${HOST} a (?:grade|score|rating)\b`,
);

/**
 * Hosts ranked by how much went wrong on them in the last day (health here is the anomalies, not a
 * figure): the most first, or for "healthiest" the hosts that had none. Pure; undefined when not asked.
 */
export function healthRankQuestion(
  text: string,
  o: { named: string[]; span?: TimeSpan | undefined; metric?: string | undefined },
): Intent | undefined {
  if (o.metric || !HEALTH_RANK.test(text)) return undefined;
  // "Is the fleet healthier than yesterday?" compares days (parse-anomaly-change.ts); two hosts compare themselves.
  if (/\bhealthier than\b/.test(text) && o.named.length < 2) return undefined;
  const span = o.span ?? ({ kind: 'last', ms: 86_400_000 } as const);
  const best = /\b(?:healthiest|most healthy)\b/.test(text) && !/\bleast\b/.test(text);
  return {
    kind: 'anomalies',
    limit: 50,
    today: false,
    count: true,
    span,
    ...(o.named.length > 1 ? { group: o.named } : {}),
    ...(best ? { none: true } : { rank: 'target' as const }),
  };
}

// "Worst host right now", "which server is in the worst shape", "which host is most at risk": how the
// hosts stand now. "Worst host" alone or with a span, and "the unhealthiest host", stay the history
// ranking (parse-list-shape.ts, healthRankQuestion above).
const RANKED_NOW = String.raw`(?:worst|sickest|unhealthiest|least healthy|most (?:at risk|unhealthy|troubled))`;
const NOW = String.raw`\b(?:now|right now|currently|at the moment|at present)\b`;
const WORST_NOW = new RegExp(
  String.raw`\b${RANKED_NOW}\s+${HOST}\b.*${NOW}|\b(?:which|what)\s+${HOST}\s+(?:is|are|looks?)\s+(?:the\s+)?${RANKED_NOW}\b.*${NOW}|\b(?:which|what)\s+${HOST}\s+(?:is|are)\s+(?:in\s+)?(?:the\s+)?worst (?:shape|state|condition)\b|\b(?:which|what)\s+${HOST}\s+(?:is|are)\s+(?:the\s+)?most at risk\b|\bmost at risk\s+${HOST}\b|\b(?:is|are|looks?) in (?:the )?worst (?:shape|state|condition)\b`,
);

// "What should we fix this week?", "where should we focus?", "our biggest problems" (answer-priorities.ts).
// "What should I look at first?", "what should I fix first?" and "where should I start?" are what is open now (attention).
const PRIORITIES =
  /\bwhat (?:should|do|must|can) (?:we|i|the team) (?:fix|work on|focus on|prioriti[sz]e|tackle|improve)\b|\b(?:our |the )?(?:\d{1,2} |three |five )?(?:biggest|main|worst|top) (?:\d{1,2} |three |five )?(?:problems?|issues?|pain points?|risks?)\b|\bwhere should (?:we|i) (?:focus|invest)\b|\bwhat needs (?:fixing|to be fixed|work)\b|\b(?:engineering|reliability|ops) priorities\b|\b(?:top|biggest|main|first) (?:\d+ |three |five |few )?(?:things|items|issues) (?:to|we should|i should) (?:fix|work on|tackle|address)\b/;

/** "Which host is worst right now?": the targets ranked by how they stand (answer-worst.ts). Not of a metric, nor of a past span. */
export function worstNowQuestion(
  text: string,
  o: { metric?: string | undefined; named: string[]; span?: TimeSpan | undefined },
): Intent | undefined {
  // "What were the top 3 problems this week?" asks what happened: the series ranked (parse-list-shape.ts).
  if (PRIORITIES.test(text) && !/\b(?:first|were|was)\b/.test(text) && !o.metric && !o.named.length) {
    // "Top 3 things to fix": that many, most pressing first.
    const said =
      /\b(?:top|biggest|main) (\d{1,2}|three|five)\b|\b(\d{1,2}|three|five) (?:(?:biggest|main|top|worst) )?(?:things|items|issues|problems|risks)\b/.exec(
        text,
      );
    const top = said ? (({ three: 3, five: 5 } as Record<string, number>)[said[1] ?? said[2]!] ?? Number(said[1] ?? said[2])) : undefined;
    return {
      kind: 'status',
      priorities: o.span?.kind === 'last' ? o.span.ms : (/\bmonth\b/.test(text) ? 30 : 7) * 86_400_000,
      ...(top ? { top } : {}),
    };
  }
  if (o.metric || o.span || /\b(?:alerts?|anomal\w*|incidents?|pages?|week|month)\b/.test(text) || !WORST_NOW.test(text)) return undefined;
  return { kind: 'status', worst: true, ...(o.named.length > 1 ? { group: o.named } : {}) };
}
