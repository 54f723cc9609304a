/** The words the intent parser knows: metric names and synonyms, intent keywords, action verbs, fillers. */
import type { MetricKey } from './intent.js';
import { CHANGED } from './parse-change.js';

export const METRIC_WORDS: Record<string, MetricKey> = {
  cpu: 'cpu',
  cpus: 'cpu',
  processor: 'cpu',
  processors: 'cpu',
  load: 'cpu',
  compute: 'cpu',
  memory: 'memory',
  mem: 'memory',
  ram: 'memory',
  disk: 'disk',
  disks: 'disk',
  dsk: 'disk',
  storage: 'disk',
  space: 'disk',
  filesystem: 'disk',
  network: 'network',
  net: 'network',
  bandwidth: 'network',
  talkers: 'network',
  traffic: 'network',
  throughput: 'network',
  ingress: 'net_in',
  inbound: 'net_in',
  egress: 'net_out',
  outbound: 'net_out',
  latency: 'latency',
  lat: 'latency',
  response: 'latency',
  slow: 'latency',
};

export const WORDS = {
  anomalies: [
    'anomaly',
    'anomalies',
    'incident',
    'incidents',
    'alert',
    'alerts',
    'problem',
    'problems',
    'issues',
    'happened',
    'wrong',
    'outage',
    'outages',
    'broke',
    'broken',
    // "Anything unusual today?" lists the day's anomalies; without a time it asks for attention.
    'unusual',
    'abnormal',
    'strange',
    'weird',
    // "Latency spikes this week", "how many spikes today?": the anomalies ("how spiky" is a spread, never fuzzed to this).
    'spikes',
    // "What fired today?", "what fired first this morning?": the alerts that opened.
    'fired',
  ],
  summarise: ['summarise', 'summarize', 'summary', 'recap', 'last', 'latest', 'recent'],
  status: ['status', 'overview', 'health', 'fleet', 'everything', 'hosts', 'targets', 'servers', 'doing', 'going'],
  pending: ['pending', 'approvals', 'approval', 'waiting', 'awaiting', 'proposals', 'proposed'],
  history: ['history', 'remediations', 'remediation', 'actions', 'executed', 'ran'],
  approve: ['approve', 'approved', 'accept', 'confirm', 'lgtm'],
  deny: ['deny', 'reject', 'decline', 'refuse', 'veto'],
  silence: ['snooze', 'silence', 'mute', 'quiet', 'shush', 'suppress'],
  unsilence: ['unsnooze', 'unsilence', 'unmute', 'lift', 'unquiet', 'resume'],
  silences: ['silences', 'snoozes', 'muted', 'silenced', 'snoozed', 'inhibited', 'inhibit', 'inhibition', 'inhibits'],
  ack: ['ack', 'acknowledge'],
  timeline: ['timeline', 'postmortem', 'chronology'],
  unack: ['unack', 'unacknowledge'],
  escalate: ['escalate'],
  // "Usage" alone is the help text (parse-short.ts); "gpu usage" is a figure.
  help: ['help', 'commands', 'howto'],
  explain: ['explain', 'details', 'detail', 'describe', 'why', 'eli5'],
  today: ['today', 'tonight'],
  attention: [
    'wrong',
    'broken',
    'attention',
    'worry',
    'worried',
    'trouble',
    'problem',
    'problems',
    'issue',
    'issues',
    'failing',
    'unusual',
    'abnormal',
    'strange',
    'weird',
  ],
  // Not an intent by itself: listed so fuzzy matching keeps them ("compare" is not "compute").
  reasoning: ['compare', 'compared', 'comparison', 'versus', 'vs', 'should', 'correlation', 'trend', 'changed', 'cause'],
  // Everyday words within an edit or two of a keyword: "show" is not "slow", "list" not "last",
  // "warning" not "waiting".
  neutral: [
    'show',
    'shows',
    'list',
    'lists',
    'give',
    'tell',
    'display',
    'print',
    'check',
    'fetch',
    'find',
    'most',
    'host',
    'post',
    'past',
    // "sending" is not "pending", "improve" not "approve", "resolved" not "unresolved", "fast" not "last",
    // "expected" not "executed", "complete" not "compute", "process" not "processor", "options" not
    // "actions", "pipeline" not "timeline", "several" not "severe", "opening" not "pending" (found by
    // running the commonest words of a prose corpus through the matcher); "blast" (radius) not "last".
    'sending',
    'reading',
    'readings',
    'writing',
    'working',
    'improve',
    'resolved',
    'fast',
    'faster',
    'least',
    'blast',
    'spiky',
    'spikier',
    'spikiest',
    'expected',
    'expect',
    'complete',
    'completed',
    'compile',
    'compose',
    'present',
    'prevent',
    'correct',
    'project',
    'parsing',
    'process',
    'processes',
    'processed',
    'options',
    'option',
    'pipeline',
    'several',
    'reverse',
    'opening',
    'depending',
    'binding',
    'percent',
    'appended',
    'flow',
    'slot',
    'slo',
    'slos',
    'sli',
    'slis',
    'risk',
    'risks',
    // "What was fixed today?" is not "fired".
    'fixed',
    'lead',
    'respect',
    'reflect',
    'achieve',
    'cast',
    'mutated',
    'declare',
    'configs',
    'reuse',
    // Ops words two edits from a keyword (an ops word list through the matcher): "trending" is not "pending",
    // "channel" not "changed", "costs" not "hosts".
    'trending',
    'tending',
    'spending',
    'ending',
    'bending',
    'lending',
    'channel',
    'costs',
  ],
  open: ['open', 'ongoing', 'active', 'firing', 'unresolved', 'current'],
  critical: ['critical', 'crit', 'severe', 'sev1'],
  warning: ['warning', 'warnings', 'warn'],
} as const;

// "run"/"execute" lead an action only when an action follows ("run cleanup on db-1", not "run status").
export const RUN_VERBS = new Set(['run', 'execute', 'trigger', 'exec']);
/** "Cancel rp_…", "abort the restart": a proposal stopped before it runs is a denial. */
export const CANCEL_VERBS = new Set(['cancel', 'abort', 'withdraw']);
/** "Remove the silence on web-1", "end the snooze": lifting it. */
export const LIFT_VERBS = new Set(['cancel', 'remove', 'delete', 'end', 'clear', 'drop', 'expire', 'stop', 'kill', 'undo']);
/** "Extend the silence on web-1 by 1h", "prolong sl_…". */
export const EXTEND_VERBS = new Set(['extend', 'prolong', 'lengthen']);
/** "Roll back the last remediation": an action, whatever else the question names. */
export const UNDO_VERBS = new Set(['rollback', 'revert', 'undo']);
export const ACTION_NOUNS = new Set(['script', 'command', 'playbook', 'restart_service', 'scale_up', 'cleanup_disk', 'notify_only']);
export const FILLERS = new Set([
  'please',
  'pls',
  'can',
  'could',
  'would',
  'will',
  'you',
  'kindly',
  'go',
  'ahead',
  'just',
  'now',
  'i',
  'want',
  'to',
  'lets',
  'let',
  'us',
]);

export { ACK_COUNTED, ACK_QUESTION, SHARE_ASKED } from './ack-phrases.js';

// Phrases the parser tests the whole question against.
// "Is anything on fire?", "anything I should know?": attention, beside WORDS.attention.
export const ATTENTION_ASK =
  /\bon fire\b|\b(?:anything|something) (?:\w+ )?(?:stuck|hung|hanging|wedged)\b|^(?:so\s+)?what(?:'s| s| is) (?:stuck|hung|hanging)\b|\bwhich (?:host|server|target|box|machine|instance|one)s? (?:should|do|must) (?:i|we) (?:restart|reboot|bounce|fix|scale(?: up)?|check|look at|worry about|deal with)(?: first)?\b|\b(?:i|we|you) (?:should|need to|ought to) know\b|\bshould (?:i|we) know\b|\bworth knowing\b|^(?:so\s+)?(?:what(?:'s| s| is)|whats|sup)\s*up\b|^(?:is\s+)?(?:all|everything)\s+(?:good|ok|okay|fine|green|well|quiet|calm)\b(?!.*\b(?:thanks?|thank you|cheers|thx)\b)|^(?:are|is)\s+(?:we|things|the fleet|prod|production)\s+(?:good|ok|okay|fine|green|healthy|alright|all right)\b|\bhow(?:'s| s| is| are)\s+(?:things|it going|the fleet|we doing)\b|\bwhat(?:'s| s| is) the (?:situation|state of (?:things|play|the fleet))\b|^(?:any|what(?:'s| s| is)) (?:news|new)\b|\btl;?\s?dr\b|^(?:is )?(?:this|it|that|everything) (?:normal|usual|expected)(?: for (?:this time(?: of (?:the )?day)?|now))?[\s?!.]*$|^what(?:'s| is) normal (?:for|at) this time(?: of (?:the )?day)?[\s?!.]*$|\bfix first\b|\bto-?do(?: list)?\b|\bwhat (?:should|do|must) (?:i|we) (?:fix|look at|work on|tackle)(?: first| next| now)?\b(?! about)|\bwhich (?:hosts?|servers?|targets?|machines?|one) (?:should|do|must) (?:i|we) (?:look at|check|fix|worry about|focus on)\b|\bany (?:fires|red flags|smoke)\b|\bsafe to (?:go home|leave|log off|sign off|sleep|go to (?:bed|sleep)|step away|head out|go offline)\b|\bcan (?:i|we) (?:go home|leave now|log off|sign off|go to (?:bed|sleep)|step away|head out)\b|\b(?:is|are) (?:this|it|there|we (?:in|having)) an? (?:outage|incident|emergency)\b|\bwhat(?:'s| is) the damage\b|\b(?:look at|start with|focus on|check) first\b|\bwhere (?:should|do) (?:i|we) (?:start|begin)\b|\bhow bad is it\b|\b(?:worst|biggest|most urgent|most important) (?:thing|problem|issue|fire)\b|\bmost (?:urgent|important)\b|\b(?:who|what|which(?: \w+)?) (?:is|are|was|were|got|gets) (?:affected|impacted|hit|hurting|broken|failing|degraded|struggling|in trouble|unhappy)\b|\b(?:anything|something|any \w+) (?:degraded|struggling)\b|\bwhat(?:'s| s|s) (?:affected|impacted|broken|failing|degraded|struggling|hurting)\b|\bblast radius\b|^(?:so\s+)?(?:what(?:'s| s| is)|whats) (?:happening|going on)(?: (?:right )?now| at the moment)?\s*\??$/;
// "Which host is the noisiest?", "the worst host this week": anomalies counted by target (a metric
// named, "the worst cpu", is still a figure).
// "How often does web-1's cpu spike?", "which hosts were affected today?": counted, by target and metric.
// "The worst day this week", "busiest day" too: counts include one per day.
export const NOISY =
  /\b(?:noisiest|how noisy|unhealthiest|least healthy|sickest|riskiest|least (?:stable|reliable)|most (?:unstable|unreliable|fragile))\b|\b(?:worst|most troubled|most problematic)\s+(?:hosts?|servers?|targets?|machines?|nodes?|boxes|instances?)\b|\bhow (?:often|frequently)\b(?=.*\b(?:spikes?|spiking|alerts?|alarms?|fires?|firing|pages?|paging|goes off|go off|happens?|breaks?|fails?|flaps?|flapping|trips?|misbehaves?)\b)|\b(?:which|what|how many)\s+(?:hosts?|servers?|targets?|machines?|nodes?|instances?)\s+(?:were|was|are|got|have been|has been)\s+(?:affected|impacted|hit)\b|\b(?:worst|busiest|noisiest|quietest|best|calmest)\s+day\b|\bwhich day\b|\b(?:which|what)\s+(?:detectors?|metrics?|hosts?|targets?|servers?|rules?)\s+(?:fires?|alerts?|alarms?|triggers?|pages?|goes off)\s+(?:the\s+)?most\b/;
// "What's open?", "anything still open?", "is anything active right now?": the open anomalies.
export const OPEN_NOW =
  /^(?:what(?:'s| s| is| are)|whats|what else(?: is| s|'s)?|anything(?: else)?|is anything(?: else)?|are any|is there anything(?: else)?|any)\s+(?:still\s+)?(?:open|active|criticals|(?:critical|severe)(?=\s*(?:[?!.]|$|open\b|now\b|right now\b|going on\b|happening\b))|un(?:acked|acknowledged)|not (?:yet )?(?:acked|acknowledged))\b/;
/** "What caused…", "root cause of…", "the reason for…", "what triggered…": the anomaly behind it, explained. */
export const CAUSE = /\b(?:root[\s-]?causes?|caus(?:e|ed|es|ing)|reasons? (?:for|behind)|triggered)\b/;
export const COMPARED = /\b(?:vs\.?|versus|compared?|comparison|comparing|than|against|relative to|different (?:from|to))\b/;
export const AGAINST = /\byesterday\b|\blast week\b|\ba week ago\b/;
export const AGAINST_TIME =
  /\b(?:vs\.?|versus|than|against|to|with|relative to)\s+(?:the same \w+ )?(?:yesterday|last week|a week ago)\b|\btoday\b/;
/** "Which host changed the most since yesterday?", "biggest jump in memory vs last week": the comparison, ranked by change. */
export const CHANGED_MOST =
  /\b(?:chang(?:e|ed|es)|moved|grew|shifted|differs?|different)\b.*\bmost\b|\bmost (?:changed|different)\b|\b(?:biggest|largest|greatest) (?:changes?|differences?|jumps?|increases?|drops?|moves?|shifts?|movers?|swings?)\b|\b(?:top |biggest )?movers\b|\b(?:what(?:'?s| is)|anything|is anything) (?:\w+ )?different (?:from|than|to|since|today|now|this week|compared (?:to|with))\b/;
// "Which host alerts the most?" is a count by target as much as "how many alerts?" ("most recent" is a list).
export const COUNT =
  /\b(how many|count|number of|tally|how noisy|noisiest|more than once|repeated(?:ly)?|repeating|recurring|recurrent|flapping|per day|by day|daily|(?:by|per) (?:metric|target|host|server|node|detector|severity|hour)s?|breakdown|rank(?:ed|ing)?|leaderboard|(?:alert|anomaly|incident) (?:volume|count|rate))\b|\bmost\b(?! recent| urgent| important| severe| serious| damaging| impactful)/;
// "When did web-2 last report?", "last seen db-1", "how long has web-2 been silent?": when a target last sent data.
export const LAST_SEEN = new RegExp(
  [
    String.raw`\blast (?:seen|reported|report|reports|heard|heartbeat|check[- ]?in|checked in|contact)\b`,
    String.raw`\b(?:when|what time)\b.*\blast (?:report|reported|send|sent|hear|heard|checked|pinged|up|online|alive|seen)\b`,
    String.raw`\b(?:when|what time)\b.*\b(?:stop|stopped|go|went|gone) (?:reporting|sending|silent|quiet|dark|offline)\b`,
    String.raw`\bhow long (?:has|have|is|are)\b.*\b(?:silent|quiet|dark|offline|down|not reporting|unreachable)\b`,
    // "Did web-2 report in the last hour?", "has db-1 sent any data today?"
    // ("Which metrics does db-1 report?" asks what it reports: its figures.)
    String.raw`(?<!\b(?:which|what)\s+(?:metrics?|data|figures|series|measurements|stats)\s+)\b(?:did|has|have|does)\s+\S+\s+(?:report(?:ed)?|sen[dt]\s+(?:any\s+)?(?:data|metrics|samples)|check(?:ed)?\s+in)\b`,
    // "What was the last thing web-1 sent?", "last data from db-1", "web-1's last sample"
    String.raw`\blast (?:thing|data|sample|samples|metrics?|reading|readings|message)\b.*\b(?:sent|send|reported|received|got|from)\b|\blast (?:sample|data point|reading) (?:from|of)\b`,
    // "Why is web-1 not reporting?", "is web-1 reachable?"
    String.raw`\bwhy (?:is|are|has|have)\b.*\b(?:not reporting|stopped reporting|silent|gone quiet|gone dark)\b|\bis \S+ reachable\b`,
  ].join('|'),
);
// A remediation decision already made, said in so many words ("approvals" alone is what waits).
export const DECIDED = /\b(approved|denied|rejected|declined|vetoed|decided|refused)\b/;
// "Total network in", "combined traffic", "how much data did web-1 send today", "how much network
// traffic did api-1 do": a volume, not a rate.
export const TOTAL =
  /\b(?:total|totals|sum|summed|combined|aggregate|altogether)\b|\bhow much (?:network |net )?(?:data|traffic|bandwidth)\b/;
// A count of bytes asks for network volume; of disk or memory it is a size we do not collect (we keep shares).
export const HOW_MANY_BYTES = /\bhow many (?:bytes|[kmgt]i?b|kilobytes|megabytes|gigabytes|terabytes)\b/;
// "What was the busiest hour yesterday?", "which hour had the highest cpu", "quietest hour for memory".
export const BY_HOUR =
  /\b(?:which|what)\s+(?:hour|time of (?:the )?day)\b|\b(?:busiest|quietest|peak|highest|lowest|calmest|heaviest|lightest|worst)\s+hours?\b|\bhours?\s+(?:with|of|had)\s+(?:the\s+)?(?:most|highest|least|lowest|peak)\b|\b(?:which|what) hours? (?:are|is|were|was) (?:the )?(?:busiest|quietest|calmest|heaviest|lightest|highest|lowest|worst)\b|\bwhen (?:was|were|is|are) (?:the \S+ |the fleet |we |\S+ )?(?:busiest|quietest|most loaded|least loaded|at (?:its|their|our) (?:busiest|peak|quietest))\b/;
/** "When is web traffic highest?", "is there a pattern in web-2 latency?", "seasonality of cpu": the hours of the stored week ranked. */
export const HABITUAL =
  /\bwhen (?:is|are|does|do)\b.*\b(?:highest|busiest|peaks?|lowest|quietest|heaviest|lightest|least (?:busy|loaded)|calmest|idlest|at (?:its|their) (?:highest|peak|lowest))\b|\b(?:best|ideal|safest|quietest) (?:time|hour) (?:for|to do|to run|to schedule|to) (?:the )?(?:maintenance|a deploy|deploys?|an upgrade|upgrades?|patch(?:ing)?|a reboot|reboots?|restarts?)\b|\b(?:daily )?(?:patterns?|seasonality|seasonal\w*|daily cycles?|hourly profile|time[- ]of[- ]day (?:profile|pattern|effect))\b|\b(?:busiest|quietest|peak|heaviest|lightest|highest|lowest) (?:times?|part|hours?) of (?:the )?day\b|\b(?:which|what) (?:time|hour) of (?:the )?day\b/;
export const LOW_HOUR = /\b(?:quietest|lowest|least|calmest|lightest|idlest)\b|\b(?:best|ideal|safest) (?:time|hour)\b/;
export const SILENT =
  /\b(silent|down|offline|unreachable|dead|not reporting|stopped reporting|missing|reporting|stale|no data|not sending)\b|\b(?:hosts|targets|servers|machines|nodes|instances) (?:are )?(?:all )?(?:up|online|alive|reachable)\b|^(?:is|are) (?:everything|every (?:host|target|server)|all (?:the )?(?:hosts|targets|servers|machines)) (?:up|online|alive|reachable)\b/;
// The allow-listed action a verb asks about ("restarted" → restart_service).
export const ACTION_OF: Record<string, string> = {
  restart: 'restart_service',
  bounce: 'restart_service',
  reboot: 'restart_service',
  scale: 'scale_up',
  resize: 'scale_up',
  clean: 'cleanup_disk',
  cleanup: 'cleanup_disk',
  purge: 'cleanup_disk',
};
// "Thanks, that helped", "good catch", "hello?": a short reply. Thanks-like words come first in the group.
export const SMALL_TALK =
  /^(thanks|thank you|thanks a lot|thank you very much|thx|ty|cheers|good catch|nice one|great|perfect|awesome|hello|hi|hey|yo|good (?:morning|afternoon|evening|night))(?:\s+(?:bot|ops|all|team|everyone))?(?:[\s,!.]+(?:(?:that|this|it)\s+(?:helped|helps|works|worked|is great)|perfect|great|nice|awesome|thanks|thank you|thx|cheers))?[\s!.?]*$/;
/** "What time is it?", "what's the date?": the clock I answer by, which is UTC. */
/** "Is it quieter than usual?" compares alert volume; "quiet" alone asks to silence. */
export const QUIETER = /\b(?:quieter|calmer)\b.*\bthan\b/;
/** The summary words of WORDS.summarise, read where a time phrase has been taken out. */
export const SUMMARY = /\b(?:summari[sz]e|summary|recap|last|latest|recent)\b/;
export const CLOCK_ASK =
  /^(?:what(?:'s| is) the (?:time|date|day)(?: now| today)?|what time is it(?: now)?(?: in utc)?|what(?:'s| is) today(?:'s date)?|what day is (?:it|today)|which day is (?:it|today)|what(?:'s| is) the current (?:time|date))\??$/;
/** "ping", "test", "are you alive?", "is the bot working?": this process's own state (the about answer leads with it). */
export const PING =
  /^(?:ping|test|testing|are you (?:there|alive|up|awake)|is (?:the bot|it|this|smartcloudops) (?:working|up|alive|running)|(?:what(?:'s| is) (?:your|the) )?version(?: are you)?|what version(?: are you| is this| is running)?)\??$/;
export const RULES = /\b(thresholds?|rules?|maintenance(\s+windows?)?|mute[\s-]?times?|runbooks?|playbooks?)\b/;
// "Where do alerts go?", "which channel gets critical alerts?", "who gets paged for db-1?", "who is on call?".
export const ROUTING =
  /\b(?:alerts?|pages?|notifications?) (?:are |were |being |get |got )*(?:delayed|late|slow to (?:arrive|come)|held up|throttled|rate[- ]limited|batched)\b|\bhow long\b.*\b(?:alerts?|pages?|notifications?)\b.*\bto (?:reach|arrive|get to|land|show up)\b|\b(?:what|which) mentions\b|\bmentions (?:are )?(?:configured|set)\b|\bwhere (?:do|does|did|will|would) (?:the |an? |my )?(?:[\w-]+ ){0,3}?(?:alerts?|pages?|notifications?)\b.*\bgo\b|\bwhich channels?\b.*\b(?:alerts?|pages?|notifications?|get|gets|receive[sd]?)\b|\bwho (?:gets|get|is|would be|will be) (?:paged|pinged|notified|alerted)\b|\bwho (?:else )?(?:gets|receives|sees) (?:the |an? )?(?:[\w-]+ ){0,3}?(?:alerts?|pages?|notifications?)\b|\bon[\s-]?call\b|\bmy (?:next )?(?:shift|turn on the pager)\b|\balert rout(?:ing|es?)\b|\bescalation (?:policy|rules?|contacts?|path|chain|list|target)\b|\bwho (?:do|does|will|would|did) (?:the |an? )?(?:[\w-]+ ){0,2}?escalate to\b|\bwho (?:should|do|can|must|shall) (?:i|we) (?:escalate|page|call|contact|ping|notify|wake up|reach out to|hand (?:this|it) to)\b|\bwhich channels? (?:are you in|do you (?:post|use|live|sit) in|are you (?:posting|listening) (?:in|to))\b|\bwhere do you post\b|\bwhat (?:happens|if)\b.*\b(?:nobody|no one|noone|no-one|nobody's|not)\b.*\b(?:acks?|acknowledges?|acknowledged|responds?|answers?|picks? (?:it |them )?up|reacts?)\b|\b(?:does|do|will|would) (?:it|alerts?|they|an alert|you) (?:ever )?escalate\b|\b(?:which|what) (?:[\w-]+ ){0,2}?(?:alerts?|pages?|notifications?) (?:go|goes|are sent|get sent|get posted|are posted|end up) (?:to|in|into) (?:slack|discord|the (?:web )?console|(?:the )?#?[\w-]+ channel)\b/;
// "What would you do about web-1 cpu?", "how would you fix a full disk?": the remediation rules.
export const WOULD_DO =
  /\bwhat (?:would|will|do|does|should|can) (?:you|it|the bot|smartcloudops) do\b|\bhow (?:would|will|do|does) (?:you|it|the bot) (?:fix|handle|remediate|respond to|deal with)\b|\b(?:are|is) (?:you|it|the bot|smartcloudops) (?:allowed|permitted) to (?:restart|scale|clean|reboot)\w*\b/;
/** Asked of the person, not the bot: "what should I do about web-1?", "how do I fix high cpu?", "next steps". */
export const SHOULD_DO =
  /\bwhat (?:should|do|can|must) (?:i|we) do\b|\bhow (?:do|can|should|would) (?:i|we) (?:fix|resolve|handle|deal with|mitigate|remediate|troubleshoot|debug|address)\b|\bhow to (?:fix|resolve|handle|deal with|mitigate|remediate|troubleshoot|debug)\b|\bnext steps?\b|\bwhat now\b|\bwhat (?:do|would|can|could) you (?:recommend|suggest|advise)\b|\bany (?:recommendations|suggestions|advice)\b/;
export const CHART = /\b(graph|graphs|chart|charts|plot|sparkline|spark|draw|visuali[sz]e)\b/;
/** "Stop alerting on web-1", "don't alert me about disk today", "no more pages for db-1": a silence. */
export const QUIET_ASK =
  /^(?:please\s+|pls\s+|can you\s+|could you\s+|let'?s\s+)?(?:ignore\s+(?!(?:the\s+)?(?:last|previous|prior|above|all|any|every|your|my|these|those|instructions?)\b)\S+(?:\s+\S+)?\s+(?:alerts?\b|for\b)|stop\b.*\b(?:alert\w*|notif\w*|pag(?:e|es|ing)|ping(?:s|ing)?)\b|(?:disable|pause|turn off|switch off|suppress|hold)\s+(?:the\s+|all\s+)?(?:(?:[a-z][\w.]*-[\w.-]+|cpu|memory|mem|ram|disk|latency|network|critical|warning|web|api|db)\s+){0,2}(?:alert(?:s|ing)?|notifications?|pag(?:es|ing)|pings)\b|(?:don'?t|do not|dont|no more|quit)\s+(?:(?:sending|posting|giving|the|me|us|any|all|your|more|those|these|with)\s+){0,3}(?:alert\w*|notif\w*|pag(?:e|es|ing)|ping(?:s|ing)?)\b)/;
export const EVERYTHING = /\b(everything|all|every alert|every target|the fleet|fleet-wide|fleet)\b/;
export const FREE = /\b(free|available|left|remaining|unused|idle|headroom|spare)\b/;
export const PAST = /\b(went|happened|was|were|did|had|yesterday|earlier|overnight|last night)\b/;
/** "Did anything happen overnight?", "anything happening on db-1?": the anomalies of then (or now). */
// "How many pages last night?", "who was paged?", "did anyone get woken up?": the alerts of then;
// "false positives this week": those marked so (feedbackAsked).
export const HAPPEN =
  /\bfalse (?:positives|alarms)\b|\b(?:did|has|have)\s+(?:anything|something)\s+(?:break|broken|broke|fail|failed|crash|crashed|die|died|blow up|blown up|go down|gone down)\b|\b(?:anything|something|what)\s+(?:(?:has|have|did)\s+)?happen(?:ed|ing|s)?\b|\bhow many pages\b|\bwho (?:was|got|were|has been) (?:paged|woken|called out)\b|\b(?:did|was|were|has) (?:anyone|anybody|someone|somebody|i|we) (?:get |been )?(?:paged|woken)\b|\bany (?:pages|pagers|call-?outs|wake-?ups)\b|\bwhat (?:woke|paged|called) (?:me|us|them|him|her|anyone)(?: up)?\b|\bwhat (?:else )?(?:was|is) (?:going on|happening)\b(?=.*\b(?:at|around|about|between|since|from|yesterday|last night|overnight)\b)|^(?:so\s+)?anything\b(?=.*\b(?:at|around|between|since|from|today|yesterday|overnight|last night|this (?:morning|afternoon|evening|week))\b)/;
export const RESOLVED = /(?<!\bnot\s(?:yet\s)?)\b(?:resolved|closed|cleared|recovered|ended)\b/;
/** "Has the web-1 alert cleared?": the latest one, whatever its state, which the reply says. */
export const ONE_STATE =
  /^(?:so\s+)?(?:has|did|is) (?:the|that|this) (?:[\w.-]+ ){0,3}?(?:alert|anomaly|page) (?:cleared|clear|resolved?|recover(?:ed)?|ended|end|closed|close|gone|over|finished)\b/;
// "When was the last time db-1 alerted?", "when did db-1 last have an alert?": one, the latest.
const LAST_TIME = String.raw`\bwhen (?:was|is) the last time\b.*\b(?:alerted|alarmed|fired|paged|went off|tripped)\b|\bwhen did (?:[\w.-]+ ){1,3}?last (?:have|get|see|raise) an? (?:alert|anomaly|alarm|problem|issue)\b`;
export const ONE_LATEST = new RegExp(
  String.raw`\b(?:last|latest|most recent|newest|longest(?:[\s-](?:running|lasting|lived))?|oldest|worst|biggest|largest|nastiest|most severe|most serious|most damaging)\s+(?:(?:critical|warning|crit|open)\s+)?(?:anomaly|alert|incident|problem|issue|outage|episode|spike|blip|dip|drop)\b|${ONE_STATE.source}|${LAST_TIME}`,
);
// "What was the longest incident?", "the longest alerts this week": ranked by how long they lasted.
export const LONGEST = /\blongest\b|\blasted (?:the )?longest\b/;
// "The worst incident this week", "most severe alerts today": critical first, then the longest.
export const WORST = /\b(?:worst|biggest|largest|nastiest|most (?:severe|serious|damaging|impactful))\b/;
export const NOW = /\b(right now|now|currently|at the moment|at present)\b/;

export const TREND =
  /\b(trends?|trending|forecast\w*|predict\w*|projection|projected|extrapolat\w*|rate of change|run(s|ning)? out of|fill(s|ing)? up)\b|\b(?:metrics?|series|anything|something) (?:is |are )?(?:growing|rising|increasing|climbing|going up)\b|\b(?:what|which (?:hosts?|metrics?|series|targets?|servers?))(?:'s| is| are)? (?:(?:slowly|steadily|still) )?(?:growing|rising|increasing|climbing|going up)\b/;
/** "Is it getting worse?", "is web-1 improving?", "recovering yet?": a trend, of what is open when nothing is named. */
// "Are alerts getting worse?" (plural) is their count over time (parse-anomaly-change.ts), not a figure's trend.
export const WORSE = new RegExp(
  String.raw`^(?!.*\b(?:alerts|anomalies|incidents|pages|outages)\b)(?!.*\b(?:since|after|following)\s+${CHANGED}\b).*(?:\b(?:getting|get|got) (?:worse|better|slower)\b|\b(?:improving|worsening|deteriorating|degrading|recovering|creep(?:s|ing))\b|\b(?:is|are) (?:it|that|this|they) (?:still )?(?:growing|rising|increasing|climbing|going up|going down|falling|dropping|decreasing|shrinking)\b)`,
);
/** "Which hosts are getting worse?", "what's creeping up?": the fleet's trends, not the series of what is open. */
export const FLEET_WIDE =
  /\b(?:any|some|every)(?:thing|one)\b|\b(?:which|what)\b|\b(?:hosts|targets|servers|machines|nodes|metrics|things|fleet)\b/;
// "How full is the disk?" asks for the level now; "is it full soon?", "filling" ask where it is heading.
export const TREND_WITH_METRIC =
  /\b(grow(s|ing|th|n)?|increas(e|es|ing)|decreas(e|es|ing)|ris(e|es|ing)|climb(s|ing)?|fall(s|ing)|drop(s|ping)|declin(e|es|ing)|fill(s|ing|ed)?|(?<!\bhow )full|exhaust\w*|going (up|down)|(?:gone|went|moved) (up|down)|run(s|ning)? out|how fast(?!.*\bbudgets?\b)|(?<!\bhow much (?:\w+ )?|\b(?:most|least|more|less) (?:\w+ )?)headroom|leak(s|ing)?|how much (?:has|have|did|had) (?:\S+ ){1,4}?chang(?:e|ed)|how much (?:has|have|did|had) (?:\S+ ){1,4}?(?:grow|grown|rise|risen|fall|fallen|drop|dropped|shrink|shrunk|move|moved))\b/;

/** "Why is there no alert for…", "why didn't web-1 alert?", "why wasn't this flagged?". */
export const NO_ALERT =
  /\bwhy\b.*\b(?:no|not|never|nothing|(?:did|does|has|have|is|was|are|were|wo|would)n[’']?t)\b.*\b(?:alert\w*|anomal\w*|flag\w*|fir(?:e|ed|es|ing)|trigger\w*|pag(?:e|ed|es|ing)|notif\w*|detect\w*)\b/;
/** "Why wasn't the disk on api-1 cleaned up?", "why didn't you restart web-1?": the remediation side of the latest episode. */
export const NO_ACTION =
  /\bwhy\b.*\b(?:no|not|never|nothing|(?:did|does|has|have|is|was|are|were|wo|would)n[’']?t)\b.*\b(?:restart\w*|reboot\w*|clean\w*|scal(?:e|ed|ing)\b|fix\w*|remediat\w*|propos\w*|acted\b|(?:take|took|taken) (?:any )?action|actions? (?:was |were )?taken|do anything|done)/;
/** "Is web-1 cpu unusual?", "does db-1 memory look normal?": asked of a metric, the detectors' verdict. */
export const UNUSUAL =
  /\b(?:is|are|does|do|look|looks|seem|seems)\b.*\b(?:unusual|abnormal|anomalous|normal|odd|weird|ok|okay|fine|healthy)\b|\b(?:anything|something)\s+(?:unusual|abnormal|odd|weird|strange|off)\b/;
/** "Anything about to fire?", "close to the threshold", "pending alerts": rules partly met. */
export const ABOUT_TO_FIRE =
  /\b(?:about to (?:fire|alert|trigger|go off|page|break|fail|go down|fall over|blow up)|(?:close|near|nearly|almost) (?:to )?(?:alerting|firing|an? alert|tripping|(?:a|the|its|their|any) thresholds?)|pending (?:alerts?|anomal\w*|incidents?)|(?:alerts?|rules?|thresholds?) (?:building|pending)|building up|how (?:close|far) (?:is|are) (?:[\w-]+ ){1,3}?(?:to|from) (?:alerting|firing|paging|an? alert|tripping|(?:a|the|its|their) (?:thresholds?|limits?))|headroom (?:before|until|to) (?:the |an? )?(?:[\w-]+ )?(?:alert|alarm|threshold|limit)s?|will (?:anything|something|any (?:host|target|rule)s?) (?:alert|fire|page|trigger|go off)|closest (?:thing |one |host |series )?to (?:firing|alerting|an? alert|tripping|(?:a|the) (?:threshold|limit))|(?:fire|alert|page|trigger|trip|go off|break)s? next|next (?:(?:host|one|thing|rule|alert|target) )?to (?:fire|alert|page|trip|go off|break))\b/;

/** "Forecast alerts today", "robust anomalies this week", "alerts from the isolation forest": one detector's. */
export function detectorNamed(text: string): { detector: string } | undefined {
  const m = /\b(forecast|robust|threshold|alertmanager|iforest|(?:isolation )?forest)\b/.exec(text);
  if (!m) return undefined;
  return { detector: /forest$/.test(m[1]!) ? 'iforest' : m[1]! };
}

/** "How long has web-2 latency been high?" asks about the episode; "how long until … full" is a forecast. */
export const HOW_LONG_SINCE =
  /\bhow long\b(?!\s+(?:until|till|til|before)\b).*\b(?:been|stayed|is|was)\b.*\b(?:high|higher|elevated|up|above|over|slow|full|spiking|low|down|below|under|hot|busy|maxed|bad|degraded|unhealthy|struggling|alerting|firing|in alert)\b/;

/** Metric words that, after a first one, ask for that metric too ("cpu and memory"); "memory load" is one. */
export const ALONGSIDE = new Set(['cpu', 'memory', 'mem', 'ram', 'disk', 'storage', 'network', 'latency', 'ingress', 'egress']);
