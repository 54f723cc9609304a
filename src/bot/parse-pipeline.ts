/**
 * Questions about the pipeline's own runs rather than the data: "when is the next tick?", "what did
 * the last tick find?", "any failed ticks?", "are the sources ok?", "which source is slowest?", "is
 * prometheus reachable?", "run the pipeline now". Before, most got the no-LLM notice, the about
 * answer or the fleet table, and "any pipeline errors?" was read as application errors.
 */
import type { Intent } from './intent.js';

const TICK = String.raw`(?:ticks?|pipeline(?: runs?)?|polls?|scrapes?|collections?|collection cycles?|pipeline cycles?)`;

// "Run the pipeline now", "force a tick", "scrape now": asks for a tick out of schedule.
const RUN =
  /^(?:(?:please|can you|could you|would you|pls)\s+)*(?:run|trigger|force|kick off|start)\s+(?:the |a |an |another )?(?:pipeline|tick|poll|scrape|collection|refresh)\b(?!.*\b(?:history|log|stats?)\b)|^(?:(?:please|can you|could you)\s+)*(?:poll|scrape|collect|refresh|re-?read|tick)(?: the (?:data|metrics|sources))? now\b/;

const NEXT = new RegExp(
  String.raw`\bnext (?:tick|poll|scrape|collection|pipeline run|pipeline cycle|cycle|read)\b|^(?:so |and )?(?:when(?:'s| is) )?(?:the )?next run[\s?.!]*$|\bwhen (?:is|will) (?:the )?next (?:run|check)\b(?!.*\b(?:digest|report|summary|shift|swap|reminder|restart|backup)\b)|\bwhen (?:will|do|does) (?:you|it|the bot|the pipeline) (?:next )?(?:poll|tick|scrape|collect|read|run) (?:again|next)\b`,
);

const LAST = new RegExp(
  String.raw`\b(?:last|latest|previous|most recent) ${TICK}\b|\bhow long did (?:the |the last |that |this )?(?:tick|poll|cycle|scrape|collection|pipeline run) take\b|\bwhen did (?:you|it|the bot|the pipeline) last (?:tick|poll|scrape|collect|run)\b`,
);

const FAILURES = new RegExp(
  String.raw`\b(?:failed|failing|skipped|missed|slow|broken|late) ${TICK}\b|\b(?:tick|pipeline|poll|scrape|collection|ingest(?:ion)?) (?:errors?|failures?|problems?|issues?|gaps?|crash(?:es)?)\b|\b(?:did|has|have|were|was) (?:any |a |the )?(?:last |latest )?(?:ticks?|polls?|scrapes?|(?:the )?pipeline)\b.*\b(?:fail|error|skip|miss|crash)\w*|\b(?:ticks?|pipeline) (?:failed|failing|skipped|missed|crashed|errored)\b`,
);

const HISTORY = new RegExp(
  String.raw`\b(?:tick|pipeline|poll|scrape|collection) (?:history|log|runs|record|stats|statistics|status|health|times|durations?)\b|\b(?:recent|past|previous|last \d+) (?:ticks|polls|scrapes|pipeline runs)\b|\b(?:show|list)(?: me)? (?:the |recent )?ticks\b|\bhow long (?:does|do) (?:a |the |each |one )?(?:tick|poll|cycle|scrape|collection|pipeline run)s? take\b|\bis the pipeline (?:ok|okay|healthy|running|working|alive|stuck|up|broken|behind|late|lagging|delayed)\b|\bhow far behind (?:is|are) (?:the pipeline|you|the bot|the data)\b|\bpipeline (?:lag|delay|backlog)\b|\bhow(?:'s| is) the pipeline\b|^(?:the )?pipeline(?: runs)?[\s?.!]*$|\bwhy (?:are|is) (?:you|the bot|smartcloudops) (?:so )?(?:slow|laggy|lagging)\b|\b(?:are|is) (?:you|the bot|smartcloudops) (?:slow|lagging|laggy|overloaded)\b|\byou(?:'re| are) (?:so |really |very )?(?:slow|laggy)\b|\b(?:that|your|the|this) (?:answer|reply|response) (?:was |is |took )?(?:so |really |very )?(?:slow|long)\b|\bslow (?:answers|replies|responses)\b`,
);

const SOURCE = String.raw`(?:(?:the |all |any |my |our |your )?(?:(?:prometheus|cloudwatch|synthetic|file|metrics file|local|data|metric|metrics)\s+)?sources?)`;
const SOURCES = new RegExp(
  [
    String.raw`\b(?:are|is) ${SOURCE} (?:ok|okay|healthy|up|working|down|failing|reachable|alive|fine|reporting|erroring|broken|slow)\b`,
    String.raw`\bsource (?:health|status|errors?|gaps?|problems?|failures?|read times?)\b`,
    String.raw`\b(?:is|are) (?:the )?(?:ingest(?:ion)?|collection|scraping|polling) (?:ok|okay|healthy|working|broken|failing|lagging|behind|fine)\b|\bingest(?:ion)? (?:health|status|errors?|problems?|failures?)\b`,
    String.raw`\b(?:which|what) (?:data |metric )?sources? (?:is|are|was|were) (?:the )?(?:slow|slowest|fastest|failing|down|broken|lagging|erroring|missing|failed)\b|\bslowest (?:data )?source\b`,
    String.raw`\bscrape (?:errors?|failures?|time|duration|latency)\b|\bcollect(?:ion)? errors?\b|\bgaps? (?:in|from) (?:the )?(?:sources?|ingest\w*|collection)\b|\bsource gaps?\b`,
    String.raw`\b(?:prometheus|cloudwatch)\b.*\b(?:connected|working|reachable|up|down|ok|okay|healthy|failing|erroring|slow|responding|timing out|throttl\w*|rate[- ]limit\w*)\b|\b(?:can you|do you) (?:reach|see|talk to) (?:prometheus|cloudwatch)\b`,
    // "Prometheus status", "why is there no data from prometheus?"
    String.raw`\b(?:prometheus|cloudwatch)(?: source)? (?:status|health|errors?|gaps?|problems?)\b|\b(?:no|missing) (?:data|metrics|samples) from (?:prometheus|cloudwatch|the (?:metrics )?file)\b`,
    // "Did prometheus send anything today?", "is cloudwatch giving us data?"
    String.raw`\b(?:did|does|has|is) (?:prometheus|cloudwatch)\b.*\b(?:send|sent|sending|give|gave|giving|deliver\w*|return\w*|report\w*)\b`,
  ].join('|'),
);

// "How big is your database?": the bot's own store, though "database" alone names the db hosts.
const OWN_STORE =
  /\b(?:how (?:big|large) is|(?:the )?size of|how much (?:space|disk|storage) (?:does|is)) (?:your|the bot'?s|smartcloudops'?s?) (?:own )?(?:database|db|sqlite(?: file)?|store|data(?:base)? file)\b/;
// "How much memory is the bot using?", "how big is the store?", "how many series do you track?", "samples per minute".
const BOT = String.raw`(?:the bot|you|smartcloudops|the service|the process|it)`;
const FOOTPRINT = new RegExp(
  [
    String.raw`\bhow (?:much|many)\b.*\b(?:memory|ram|disk|space|storage|cpu)\b.*\b${BOT} (?:use|using|take|taking|need|needs)\b`,
    String.raw`\b(?:(?:the )?bot|your|smartcloudops|process|service)(?:'s)? (?:own )?(?:memory|ram|disk usage|footprint|resource usage|resources)\b|\b(?:memory|ram|disk) usage of (?:the bot|smartcloudops|the service|the process)\b`,
    String.raw`\bhow (?:big|large) is (?:the |your )?(?:store|data ?dir|sqlite file|database file)\b|\bstore size\b`,
    // "How much disk does the store use?": the bot's own store, not a host's disk.
    String.raw`\bhow (?:much|many)\b.*\b(?:disk|space|storage|mb|gb)\b.*\b(?:the |your )(?:store|database|sqlite file|data ?dir)\b (?:use|uses|using|take|takes|taking|need|needs)\b`,
    // "How much disk does the bot's data use?", "how many samples are stored?"
    String.raw`\b(?:the bot'?s|your|smartcloudops'?s?) (?:own )?(?:data|store|storage)\b.*\b(?:size|use|uses|using|take|takes|taking)\b|\b(?:size of|how (?:big|large) is) (?:the bot'?s|your) (?:own )?data\b`,
    String.raw`\bhow many (?:samples|data points|readings|rows)\b.*\b(?:stored|kept|held|saved|in (?:the |your )?(?:store|database|db))\b|\bhow many (?:samples|data points|readings) (?:do|does) (?:you|the bot|it) (?:have|keep|hold|store)\b`,
    OWN_STORE.source,
    String.raw`\bhow many (?:time )?series\b|\bcardinality\b|\bsamples (?:per|a|each) (?:minute|tick|second)\b|\bingest(?:ion)? (?:rate|volume)\b|\bhow many samples\b.*\b(?:ingest|collect|read|store|per)\b`,
  ].join('|'),
);

// "Pause the pipeline", "stop polling", "disable detection", "shut yourself down": not from chat.
const PAUSE =
  /^(?:(?:please|can you|could you|would you|pls)\s+)*(?:pause|stop|halt|suspend|disable|freeze|turn off|switch off|shut down|shutdown|kill)\s+(?:the |all |your |any )?(?:pipeline|ticks?|ticking|polling|scraping|collection|collecting|ingest(?:ion)?|monitoring|detection|detectors|anomaly detection|bot|smartcloudops|yourself)\b|^(?:(?:please|can you|could you)\s+)*shut (?:yourself|the bot|smartcloudops) (?:down|off)\b/;
const RESUME =
  /^(?:(?:please|can you|could you|would you|pls)\s+)*(?:resume|unpause|un-pause|restart|re-?enable|re-?start|turn on|switch on|start)\s+(?:the |all |your )?(?:pipeline|ticks?|ticking|polling|scraping|collection|collecting|ingest(?:ion)?|monitoring|detection|detectors|anomaly detection)\b|^(?:(?:please|can you|could you)\s+)*(?:turn|switch) (?:the )?(?:pipeline|ticks|polling|monitoring|detection|collection) back on\b/;

// "How far back does your data go?\", "how long do you keep data?", "what's the retention?", "how much history do you have?".
const RETENTION =
  /\bhow (?:far|long) back\b|\bhow long (?:do|does|will) (?:you|it|the bot|smartcloudops) (?:keep|store|retain|hold)\b|\bretention\b|\bhow much (?:history|data) (?:do|does) (?:you|it) (?:have|keep|store)\b|\boldest (?:data|sample|reading)\b|\bdata (?:retention|kept)\b|^(?:so\s+)?when did (?:you|we) (?:start|begin) (?:collecting|gathering|recording|sampling)(?: (?:data|metrics|samples))?[\s?.!]*$/;
// "What's the sampling interval?", "how often do you poll?", "how often do you check the hosts?".
const INTERVAL =
  /\bcron\b(?!.*\b(?:digest|report|summary)\b)|\b(?:sampling|sample|scrape|polling|collection|check) (?:interval|rate|frequency|period)\b|\bhow often (?:is|are) (?:the )?(?:data|metrics|samples) (?:updated|refreshed)\b|\bhow often (?:do|does) (?:you|it|the bot|smartcloudops) (?:poll|sample|scrape|check|read|collect|look)\b|\bhow often (?:are|is) (?:the )?(?:metrics|samples|hosts|data) (?:read|collected|polled|sampled|scraped)\b/;

type Focus = Extract<Intent, { kind: 'pipeline' }>['focus'];
// The first that matches wins: "stop polling" is a pause before "polling" is the interval.
const FOCI: [RegExp, Focus][] = [
  [PAUSE, 'pause'],
  [RESUME, 'resume'],
  [RETENTION, 'retention'],
  [INTERVAL, 'next'],
  [FOOTPRINT, 'footprint'],
  [RUN, 'run'],
  [SOURCES, 'sources'],
  [FAILURES, 'failures'],
  [NEXT, 'next'],
  [LAST, 'last'],
  [HISTORY, 'history'],
];

/** A pipeline question, or undefined. Pure; `text` is the lower-cased question. */
export function pipelineQuestion(text: string, o: { target?: string | undefined }): Intent | undefined {
  if (o.target && !OWN_STORE.test(text)) return undefined;
  const source = /\bprometheus\b/.test(text)
    ? 'prometheus'
    : /\bcloudwatch\b/.test(text)
      ? 'cloudwatch'
      : /\b(?:metrics file|file source)\b/.test(text)
        ? 'file'
        : /\bsynthetic source\b/.test(text)
          ? 'synthetic'
          : /\blocal source\b/.test(text)
            ? 'local'
            : undefined;
  const focus = FOCI.find(([re]) => re.test(text))?.[1];
  if (!focus) return undefined;
  return { kind: 'pipeline', focus, ...(focus === 'sources' && source ? { source } : {}) };
}
