/**
 * Questions the parser read correctly but that no figure here answers: a time still ahead, or a
 * group no target belongs to. Pure; parse-intent.ts applies it to every intent it returns.
 */
import { askedCommand, negatedCommand } from './parse-negated.js';
import { conditionalCommand } from './parse-conditional.js';
import { headsUp } from './parse-heads-up.js';
import type { Elsewhere, Intent, MetricKey } from './intent.js';
import { LATER_SAID } from './later-words.js';
import type { TimeSpan } from './parse-time-span.js';
import { labelGroup, roleGroup, type TargetRef } from './match-target.js';
import { willAhead } from './parse-detector-question.js';

const FUTURE = /\btomorrow\b|\bnext (?:week|month|hour|day|\d+ (?:hours|days))\b|\bin the future\b/;
// "… and also restart it", "…, then silence it for 1h": a second command joined to the first.
const TACKED =
  /(?:\band\b|\bthen\b|\balso\b|&|,)\s+(?:(?:also|then|please|pls|go ahead and)\s+)*(?:restart|reboot|bounce|scale\s+(?:up|out)|clean\s*up|cleanup|approve|deny|ack|acknowledge|silence|snooze|mute|escalate|page)\s+(?:it|them|that|this|the\b|[a-z]+-\d|rp_|an_|web|api|db|all\b)/;
/** Intents whose own words are free text ("note: restarted and acked it"), never read as a second command. */
// Commands that act the moment they are read, and how a reminder would say each.
const NOW_ONLY = new Map<Intent['kind'], string>([
  ['approve', 'approve rp_…'],
  ['deny', 'deny rp_…'],
  ['escalate', 'escalate web-1'],
  ['unsilence', 'unsnooze web-1'],
  ['ack', 'ack web-1'],
  ['unack', 'unack web-1'],
]);
const LATER_WORD = new RegExp(
  String.raw`\b(?:${LATER_SAID}|tonight|in the (?:morning|afternoon|evening)|in a (?:bit|while|minute|few minutes)|this (?:evening|afternoon)|after (?:lunch|the meeting|my shift))\b`,
);
const FREE_TEXT = new Set<Intent['kind']>(['note', 'change', 'incident', 'remind', 'watch', 'bad_input', 'timezone']);
/** The commands besides those: what changes state; any other reply only reads. */
const ACTS = new Set<Intent['kind']>([
  'ack',
  'unack',
  'silence',
  'unsilence',
  'approve',
  'deny',
  'action_request',
  'escalate',
  'unwatch',
  'feedback',
  'subscribe',
  'unsubscribe',
  'on_call_cover',
  'on_call_swap',
]);
const READS = new Set<Intent['kind']>(['metrics', 'chart', 'trend', 'status', 'anomalies', 'attention', 'last_seen', 'compare']);
// Environment names people use as if every fleet had them.
const ENVIRONMENT = /(?<![\w.-])(prod|production|prd|staging|stg|dev|development|qa|uat|preprod|pre-prod|sandbox)(?![\w.-])/;
// "How's prod?", "what about staging?": only an environment asked after, a read of it.
const UP_OF =
  /^(?:so |and )?(?:is|are) (?:the |our )?([a-z][a-z-]{1,30}[a-z]) (?:service |app |api |site |cluster |job )?(?:up|down|working|ok|okay|healthy|broken|reachable|available|online)\s*[?.!]*$/;
const NOT_A_NAME = /^(?:it|this|that|everything|anything|something|all|things|we|you|there|he|she|they|who|what)$/;
const ENVIRONMENT_ONLY = new RegExp(
  String.raw`^(?:so |and )?(?:how(?:'s|s| is| are| about)?|what about|what's up (?:in|with)|status (?:of|in))\s+(?:(?:things|stuff|everything|we|it) (?:in|on) )?(?:the )?${ENVIRONMENT.source}(?: (?:doing|looking|going|today|now|hosts|servers|fleet|environment|env))*\s*[?.!]*$`,
);

// Services this bot does not talk to. Asked to use one, it says so instead of answering a figure
// ("create a ticket for db-1 disk" gave db-1's disk) or letting a model claim it was done.
// Asked as a command ("create a ticket…"), never a question that mentions one ("is there an open issue?").
const ASKED = String.raw`^(?:please\s+|pls\s+|can you\s+|could you\s+|would you\s+|go\s+)?`;
const ELSEWHERE: readonly (readonly [RegExp, Elsewhere])[] = [
  // "Set the cpu threshold to 85", "add web-3 to monitoring", "remove db-1", "disable the isolation
  // forest", "reload config": config is files, read at start and on a reload (SIGHUP).
  [
    new RegExp(
      String.raw`${ASKED}(?:set|change|raise|lower|increase|decrease|update|edit|adjust|add|remove|delete|drop|bump|tweak|reduce|cut)\b.*\b(?:thresholds?|rules?|targets?|hosts?|servers?|monitoring|config(?:uration)?|horizons?|cooldowns?|retention|sensitivity)\b|${ASKED}(?:set|change|raise|lower|increase|decrease|adjust|bump|move|make)\s+(?:the\s+|my\s+|our\s+)?(?:[\w-]+\s+){0,2}(?:alert|alarm|warning|critical|limit|bound|forecast)s?\s+(?:threshold\s+|level\s+|limit\s+)?(?:to|at)\s+\d|${ASKED}(?:disable|enable|turn (?:off|on)|switch (?:off|on)|deactivate|activate|remove|delete)\s+(?:the\s+)?(?:[\w-]+\s+){1,2}(?:rules?|thresholds?|forecasts?|detectors?)\b|${ASKED}(?:reload|re-?read|apply)\s+(?:the\s+)?config(?:uration)?\b|${ASKED}(?:change|set|move|stop|disable|turn off|switch off|pause|cancel|reschedule)\s+(?:the\s+|my\s+|our\s+)?(?:daily\s+|weekly\s+)?(?:digest|daily summary|daily report|weekly report)\b|${ASKED}(?:add|set|create|change|update|attach|link|write)\s+(?:an?\s+|the\s+|new\s+)?runbook|\bstop monitoring\b|${ASKED}(?:change|move|redirect|route|switch)\s+(?:where\s+)?(?:the\s+|all\s+)?(?:[\w-]+\s+)?(?:alerts?|pages?|notifications?)\s+(?:go\b|to\b)|${ASKED}(?:add|put|remove|take)\s+(?:me|us|[a-z][\w.-]*)\s+(?:to|on|from|off)\s+(?:the\s+)?(?:escalation|on[\s-]?call|approvers?|rotation|pager)\b|${ASKED}(?:make|set|turn)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:detectors?|forests?|rules?|thresholds?)\s+(?:less|more)\s+(?:sensitive|noisy|strict|aggressive|eager)\b|${ASKED}(?:mark|tag|label|re-?label|re-?tag|rename)\s+(?!(?:an|rp|sl|wt|ch|in)_)[a-z][\w.-]*\d[\w.-]*\s+(?:as|with|to)\b(?!.*\b(?:resolved|closed|fixed|done|noise|noisy|false positive|useful|real|spam|acked|acknowledged|read|ok)\b)|${ASKED}(?:add|remove|delete|set|change)\s+(?:an?\s+|the\s+)?(?:labels?|tags?)\b|${ASKED}(?:remove|delete|drop|decommission|forget)\s+(?!(?:an|rp|sl|wt|ch)_)[a-z][\w.-]*\d[\w.-]*\s*$|${ASKED}(?:disable|enable|turn (?:off|on)|switch (?:off|on)|deactivate|activate)\s+(?:the\s+)?(?:isolation forest|iforest|robust(?: detector| statistics)?|forecasts?|detectors?|thresholds?|threshold rules?|remediations?|auto[- ]?remediation|dry[ -]?run|approvals?)\b`,
    ),
    'config',
  ],
  [/\b(?:grafana|dashboards?)\b/, 'dashboards'],
  // "kubectl get pods", "sudo systemctl restart nginx", "run a shell command on web-1": a command line, not a question.
  [
    new RegExp(
      String.raw`${ASKED}(?:run\s+|execute\s+|exec\s+)?(?:kubectl|sudo|systemctl|journalctl|docker|podman|terraform|helm|htop|netstat|traceroute|nslookup|powershell|curl|wget|telnet|nmap|dig)\b|${ASKED}(?:run|execute|exec)\s+(?:an?\s+|the\s+|this\s+|my\s+)?(?:shell\s+|bash\s+)?(?:commands?|scripts?|shell)\b|\bopen\s+(?:a\s+)?(?:shell|terminal|console session)\b`,
    ),
    'shell',
  ],
  // "Export anomalies as csv", "download last week's alerts": chat posts no files; the API and CLI do.
  [
    /\b(?:export|download)\b.*\b(?:anomal\w*|alerts?|incidents?|csv|json|history|report|spreadsheet|approvals?|remediations?|proposals?|decisions?|audit)\b|\b(?:as|in|to|into) (?:an? )?(?:csv|json|spreadsheet|excel)\b|\bjson (?:records?|logs?|files?)\b|\b(?:daily )?record files?\b|\bdaily records\b/,
    'export',
  ],
  // "Is there an api?", "can I query you with curl?": the side port's API ("an api" alone, since "api" names hosts too).
  [
    /\b(?:is there|do you have|have you got|does (?:it|this|the bot) have) an? (?:rest |http |json |web )?api\s*[?.!]*$|\b(?:rest|http|json|web) api\b|\bapi (?:docs|documentation|reference)\b|\b(?:query|ask|call|use|reach|script) (?:you|the bot|it|this)\b.*\b(?:curl|http|scripts?|code|python|programmatically|from a (?:script|program|job))\b|\b(?:which|what) endpoints? (?:do|does) (?:you|the bot|it) (?:have|expose|serve|offer)\b/,
    'api',
  ],
  // "Delete all data", "can you forget everything?": what was recorded stays; retention prunes it.
  [
    new RegExp(
      String.raw`${ASKED}(?:delete|erase|wipe|purge|drop|reset|truncate|forget)\s+(?:all\s+(?:of\s+)?|the\s+|your\s+|my\s+|our\s+)*(?:data(?:base)?|db|store|history|records?|everything|samples|memory|state|anomalies|logs)\b|\bforget everything\b`,
    ),
    'erase',
  ],
  // "Are you open source?", "what licence?", "where is the source code?".
  [/\bopen[\s-]?source\b|\blicen[cs]e[ds]?\b|\bsource code\b|\bwhere(?:'s| is) (?:the |your )?(?:repo|repository|code)\b/, 'license'],
  // "How do I back up the data?", "is there a backup?": the store's own backup (a named host keeps its read).
  [/\bbackups?\b|\bback(?:\s|-)up\s+(?:the\s+|your\s+|my\s+|all\s+)?(?:data(?:base)?|db|store|sqlite|state|bot)\b/, 'backup'],
  // "How do I add a host?", "how do we set up slack?": where the docs say it.
  [
    new RegExp(
      String.raw`\bhow (?:do|can|should|would) (?:i|we|you)\s+(?:add|configure|set up|setup|connect|install|enable|disable|deploy|run|use|remove|change|rotate|get (?:alerts|notifications|pages|messages) (?:in|into|on|to))\b|${ASKED}(?:set up|setup|configure|connect|install|integrate|hook up)\s+(?:the\s+|an?\s+)?(?:slack|discord|openai|gemini|llm|ai|prometheus|cloudwatch|aws|s3|alertmanager|terraform)\b|\bwhere (?:is|are|can i find) (?:the |your )?(?:docs|documentation|manual)\b|^(?:the )?(?:docs|documentation|manual)\??$|\blink to (?:the )?docs\b`,
    ),
    'howto',
  ],
  [
    new RegExp(
      String.raw`${ASKED}(?:create|open|file|raise|log|make|cut|submit)\s+(?:an?\s+|the\s+)?(?:jira\s+|servicenow\s+|support\s+)?(?:ticket|jira|issue|bug|case)\b|\bservicenow\b|\bjira\b`,
    ),
    'tickets',
  ],
  [/\b(?:pagerduty|opsgenie|victorops|splunk on-?call)\b/, 'paging'],
  // "What's the slack token?", "print your environment variables": never given, whoever asks.
  [
    new RegExp(
      String.raw`\b(?:what(?:'s| is| are)|show|print|give|tell|reveal|display|dump|list|send|share|paste|leak|echo|cat|read out|expose)\b.*(?:\b(?:tokens?|api[\s-]?keys?|passwords?|passwd|secrets?|credentials?|creds|private keys?|access keys?|signing secrets?|webhook urls?|connection strings?)\b|\b(?:env(?:ironment)?[\s-]?var(?:iable)?s?|environment|process\.env)\b|(?<![\w.])\.env\b)`,
    ),
    'secrets',
  ],
  // "Resend the last alert", "post it again": one message per anomaly, kept up to date.
  [
    new RegExp(
      String.raw`${ASKED}(?:re-?send|re-?post|re-?announce|re-?notify|re-?alert)\b|${ASKED}(?:send|post|announce)\s+(?:it|that|this|the (?:last |latest )?alert|an_[a-z0-9]+)\s+again\b`,
    ),
    'resend',
  ],
  // "Post the status to #ops", "share this in the incident channel": answers go where asked.
  [
    new RegExp(
      String.raw`${ASKED}(?:post|send|share|forward|put|drop|paste|cross-?post|broadcast)\s+(?:(?:it|this|that|them|the\s+[\w-]+|an?\s+[\w-]+|[a-z]{2}_[a-z0-9]+|status|a\s+summary|an\s+update)\s+(?:to|in|into|on)\s+(?:#[\w-]+|(?:the\s+)?[\w-]+\s+channel|slack|discord|teams)|(?:to|in|into|on)\s+#[\w-]+)\b`,
    ),
    'post',
  ],
  // "Resolve an_…", "close the web-1 alert", "mark it as fixed": anomalies end when their detector says so.
  // "Clear all alerts", "dismiss this": the same, said of alerts ("clear the disk" is a clean-up).
  [
    new RegExp(
      String.raw`${ASKED}(?:resolve|close)\b(?!\s+to\b)|^mark\b.*\bas (?:resolved|closed|fixed|done)\b|${ASKED}(?:clear|dismiss)\s+(?:(?:all|the|this|that|these|those|every|last|latest|open|old)\s+)*(?:[\w-]+\s+){0,2}(?:alerts?|alarms?|warnings?|anomal\w*|it|this|that|them|an_[a-z0-9]+)(?:\s+(?:on|for)\s+[\w-]+)?\s*[?.!]*$`,
    ),
    'resolve',
  ],
  [new RegExp(String.raw`${ASKED}re-?open\b`), 'reopen'],
  // "Merge the monitoring-1 alerts", "combine these alerts": one episode per target and metric already.
  [
    new RegExp(
      String.raw`${ASKED}(?:merge|combine|dedupe|de-?duplicate|collapse|consolidate)\b.*\b(?:alerts?|alarms?|anomal\w*|an_[a-z0-9]+|them|these|those)\b`,
    ),
    'merge',
  ],
  // "Assign an_… to bob", "hand the web-1 alert over to alice": people take alerts on themselves (ack).
  [
    new RegExp(
      String.raw`${ASKED}(?:re-?)?assign\b|${ASKED}(?:hand|pass|transfer)\b.*\b(?:over|off|on)?\s*to\b|${ASKED}give\s+(?!me\b|us\b)[a-z][\w.-]*\s+(?:the\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,2}(?:alert|page|incident|anomaly)\b`,
    ),
    'assign',
  ],
  [
    new RegExp(
      String.raw`${ASKED}(?:e-?mail|sms|text)\s+(?:me|us|it|this|the|them)\b|\b(?:by|via|over)\s+(?:e-?mail|sms|text message)\b|\bsend\b.*\b(?:e-?mail|sms|text message)\b`,
    ),
    'email',
  ],
];

/** Commands that act on one id, and how to say it. */
const ONE_ID: Partial<Record<Intent['kind'], { prefix: string; verb: string; example: string }>> = {
  approve: { prefix: 'rp_', verb: 'approve one proposal', example: 'approve rp_…' },
  deny: { prefix: 'rp_', verb: 'deny one proposal', example: 'deny rp_…' },
  ack: { prefix: 'an_', verb: 'acknowledge one alert', example: 'ack an_…' },
  unack: { prefix: 'an_', verb: 'hand back one alert', example: 'unack an_…' },
  escalate: { prefix: 'an_', verb: 'escalate one alert', example: 'escalate an_…' },
  note: { prefix: 'an_', verb: 'note one alert', example: 'note an_…: what was done' },
  silence: { prefix: '(?:an|sl)_', verb: 'silence one alert, or extend one silence,', example: 'snooze an_… for 1h' },
  unsilence: { prefix: 'sl_', verb: 'lift one silence', example: 'unsnooze sl_…' },
};

const DMS = /\b(?:dms?|dm(?:ing|ed|s)|direct messages?|private messages?)\b/;

/** The reply-only intent that replaces `intent`, or undefined to keep it. `text` is lower case. */
export function outOfScope(intent: Intent, text: string, targets: TargetRef[]): Intent | undefined {
  // "Approve rp_1 and rp_2", "ack an_1 an_2" had acted on the first id and dropped the second:
  // a command acts on one, and says so. A note's or a reason's own words may name others.
  const not = negatedCommand(text) ?? askedCommand(intent, text);
  if (not) return not;
  // "I'm going to reboot web-1", "FYI db-1 backup is running": announced or news, not a question about the host.
  const told = headsUp(
    intent,
    text,
    targets.filter((t) => new RegExp(`\\b${t.name.toLowerCase().replace(/[.]/g, '\\.')}\\b`).test(text)).map((t) => t.name),
    targets[0]?.name,
  );
  if (told) return told;
  // "Turn off dms", "stop dming me": I post in channels and answer where asked; nothing of mine goes to one person alone.
  if (DMS.test(text) && !('target' in intent && intent.target) && !FREE_TEXT.has(intent.kind))
    return {
      kind: 'bad_input',
      reason:
        'Nothing changed: I send no direct messages of my own. Alerts go to the channels in chat.channels and routes, and I answer where I am asked. What pings you by name: your subscriptions ("my subscriptions", "unsubscribe from db-1"), and the on-call mentions while you hold the pager ("who is on call?")',
    };
  // "Ack all critical alerts" had taken on the warnings too: the severity said narrows "all".
  const sev = /\b(critical|warning)s?\b/.exec(text)?.[1] as 'critical' | 'warning' | undefined;
  if (intent.kind === 'ack' && intent.all && sev && !intent.severity) return { ...intent, severity: sev };
  const one = ONE_ID[intent.kind];
  const head = text.split(/:\s|\s(?:because|due to)\s/)[0]!;
  if (one && (head.match(new RegExp(`\\b${one.prefix}[a-z0-9]+`, 'g')) ?? []).length > 1)
    return { kind: 'bad_input', reason: `Nothing done: ${one.verb} at a time ("${one.example}"), so each is its own record` };
  const elsewhere = ELSEWHERE.find(([re]) => re.test(text))?.[1];
  // "Is the db-1 backup done?" is about db-1's own backup job, which a read of db-1 answers better.
  if (elsewhere === 'backup' && targets.some((t) => text.includes(t.name.toLowerCase()))) return undefined;
  // A note's or a reminder's words are the team's own ("note: added a host", "remind me to check backups"), not a request.
  // So are the words that name a reminder to cancel ("cancel the backups reminder").
  // "Are the json logs rotating?" asks about my logs (answer-integrations.ts), not for a file.
  const own = intent.kind === 'note' || intent.kind === 'remind' || intent.kind === 'unwatch' || intent.kind === 'integrations';
  if ((elsewhere === 'dashboards' || elsewhere === 'export') && intent.kind !== 'bad_input' && !own) {
    const view = viewOf(intent);
    // "Export the audit log", "download the approvals": the decisions, whatever the words read as.
    if (elsewhere === 'export' && /\b(?:audit|approv\w*|decisions?|remediations?|proposals?)\b/.test(text)) view.remediations = true;
    if (elsewhere === 'export' && /\brecords?\b|\bjson logs?\b/.test(text)) view.records = true;
    return { kind: 'elsewhere', what: elsewhere, view };
  }
  // An incident's words are the team's own too ("incident update: resolved by a rollback").
  // "Reduce the alert sensitivity": the detectors' settings, with where they are changed.
  if (elsewhere === 'config' && /\bsensitiv/.test(text)) return { kind: 'rules', only: 'detectors', change: true };
  // "Add a runbook link for disk alerts": the runbooks set now, with where they are set.
  if (elsewhere === 'config' && /\brunbook/.test(text)) {
    const { metric, target } = viewOf(intent);
    return { kind: 'rules', only: 'runbooks', change: true, ...(metric ? { metric } : {}), ...(target ? { target } : {}) };
  }
  if (elsewhere && intent.kind !== 'bad_input' && !own && intent.kind !== 'incident') {
    // "Set the disk warning to 85%": what is set now for that metric, beside where to change it.
    const metric = elsewhere === 'config' ? viewOf(intent).metric : undefined;
    const digest = elsewhere === 'config' && /\b(?:digest|daily (?:summary|report)|weekly report)\b/.test(text);
    return { kind: 'elsewhere', what: elsewhere, ...(metric ? { view: { metric } } : digest ? { view: { digest } } : {}) };
  }
  // "Anything likely to break overnight?" read "overnight" as last night's alerts: it asks what will alert.
  const ahead = intent.kind === 'anomalies' ? willAhead(text) : undefined;
  if (ahead !== undefined && intent.kind === 'anomalies')
    return { kind: 'attention', ...(intent.target ? { target: intent.target } : {}), building: true, ...ahead };
  // "Restart web-1 if cpu is above 90%", "escalate web-1 unless someone acks" had acted at once: a condition is not watched for.
  const conditional = conditionalCommand(intent, head);
  if (conditional) return conditional;
  // "Approve rp_… later", "escalate web-1 tomorrow" had acted at once: a command said for later does nothing now.
  if (NOW_ONLY.has(intent.kind) && LATER_WORD.test(head))
    return {
      kind: 'bad_input',
      reason: `Nothing done: I act when asked, not later. Ask again then, or set a reminder ("remind me at 15:00 to ${NOW_ONLY.get(intent.kind)}")`,
    };
  // "Cpu on web-1 and also restart it": a read with a command tacked on; answering the read alone would drop the command unsaid.
  if (TACKED.test(head) && !FREE_TEXT.has(intent.kind))
    return {
      kind: 'bad_input',
      reason: ACTS.has(intent.kind)
        ? 'Nothing done: one command a message, so each is its own record and nothing runs as a side note; send the two apart'
        : 'Nothing done: that asks for figures and gives a command at once. A command goes in a message of its own, so that nothing runs as a side note; ask the two apart',
    };
  // "Total network in tomorrow", "restarts next week": a day that has not happened has no figures;
  // where a metric is heading is the trend's question, and a silence may end tomorrow.
  // What is about to fire ("will anything alert in the next hour?") looks ahead by its nature.
  // So does "what should we fix next week?", which is asked of the figures so far.
  const building = (intent.kind === 'attention' && intent.building === true) || (intent.kind === 'status' && Boolean(intent.priorities));
  const past = (READS.has(intent.kind) && intent.kind !== 'trend' && !building) || intent.kind === 'history';
  if (past && !('span' in intent && intent.span) && FUTURE.test(text)) return { kind: 'ahead' };
  // "cpu in prod" where no target is labelled prod: answering for the whole fleet would pass every
  // host off as prod. A read about the fleet says there is no such group instead.
  // "Is checkout working?": a name that is no target, role or label is said to be none, not guessed at.
  const named = intent.kind === 'unknown' ? UP_OF.exec(text)?.[1] : undefined;
  if (named && !NOT_A_NAME.test(named) && !labelGroup(named, targets).length && !roleGroup(named, targets))
    return { kind: 'no_group', word: named };
  const asked = READS.has(intent.kind) || (intent.kind === 'unknown' && ENVIRONMENT_ONLY.test(text));
  if (!asked || ('target' in intent && intent.target) || ('group' in intent && intent.group)) return undefined;
  const env = ENVIRONMENT.exec(text);
  if (env && !labelGroup(env[1]!, targets).length && !roleGroup(env[1]!, targets)) return { kind: 'no_group', word: env[1]! };
  return undefined;
}

/** What the question named, for the dashboard link: the read's target or group, metric and time, or an anomaly. */
function viewOf(intent: Intent): NonNullable<Extract<Intent, { kind: 'elsewhere' }>['view']> {
  const i = intent as {
    target?: string;
    unknownTarget?: string;
    group?: string[];
    metric?: MetricKey;
    span?: TimeSpan;
    today?: boolean;
    id?: string;
  };
  // The anomaly lists read "today" as a flag of their own.
  const span: TimeSpan | undefined = i.span ?? (i.today ? { kind: 'day', daysBack: 0 } : undefined);
  return {
    ...(i.target || i.unknownTarget ? { target: i.target ?? i.unknownTarget } : {}),
    ...(i.group?.length ? { group: i.group } : {}),
    ...(i.metric ? { metric: i.metric } : {}),
    ...(span ? { span } : {}),
    ...(typeof i.id === 'string' && i.id.startsWith('an_') ? { id: i.id } : {}),
    // "Export the remediation history", "download approvals": the remediations, not the anomalies.
    ...(intent.kind === 'history' || intent.kind === 'pending' ? { remediations: true } : {}),
  };
}
