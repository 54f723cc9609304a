/**
 * Figures people ask for that no source here reads, matched on the whole question, with the name
 * the reply uses. Answering "load average" or "swap" with the CPU or the target's overview would
 * be a number that does not answer the question.
 */
/** What an SLO question is filed under: answered from config.slos (answer-slo.ts) when any is set. */
export const SLO_WHAT = 'SLOs or error budgets';

export const UNCOLLECTED: readonly (readonly [RegExp, string])[] = [
  [/\bload[\s_-]*(?:avg|averages?)\b|\bloadavg\b|\bload[\s_-]?(?:1|5|15)\b/, 'load average'],
  [/\bswap(?:ping)?\b/, 'swap'],
  // "Could it be a noisy neighbour?": the hypervisor's share of the CPU, which no source here reads.
  [
    /\bnoisy[\s-]+neighbou?rs?\b|\b(?:cpu[\s_-]+)?steal(?:[\s_-]+time)?\b|\bstolen cpu\b|\bhypervisor\b/,
    'CPU steal (time taken by the hypervisor or other guests)',
  ],
  [/\biops\b|\bdisk[\s_-]+(?:i\/?o|reads?|writes?|ops)\b|\bio[\s_-]?wait\b/, 'disk I/O'],
  [
    /\brequests?\s*(?:per|a|\/)\s*(?:second|sec|s|minute|min)\b|\brequest[\s_-]+rate\b|\b(?:rps|qps)\b|\bhow many requests\b/,
    'request rate',
  ],
  [
    /\berror[\s_-]+(?:rates?|counts?|ratios?)\b|\berrors?\s+per\b|\b[45]xx\b|\bhttp\s+errors?\b|\b(?:throwing|returning|serving|giving|getting|seeing)\s+(?:a lot of |lots of |many |some )?[45]\d\d'?s\b|\bhttp\s+[45]\d\d\b/,
    'error rate',
  ],
  // "Is web-1 in the load balancer?", "which hosts are in rotation?": what routes traffic, which no source here reads
  // (a person "in the rotation" is on call).
  [
    /\blbs?\b|\b(?:hosts?|servers?|instances?|nodes?|[a-z]+-\d+)\b.*\b(?:in|out of) (?:the )?rotation\b|\btarget groups?\b|\b(?:elb|alb|nlb)\b/,
    'load balancer membership',
  ],
  // "Network errors on api-1", "is api-1 talking to db-1?", "latency between api-1 and db-1", "dns problems?": the network
  // between hosts, which no source here reads (latency here is each host's own response time).
  [/\b(?:network|interface|nic|link|tcp|socket) errors?\b|\b(?:dropped|dropping|retransmit\w*) packets?\b/, 'packets'],
  [/\b(?:talking|talks|talk|connected|connecting|reach(?:ing|es)?) to [a-z][\w.-]*\d\b|\btraffic (?:between|from \S+ to)\b/, 'connections'],
  [/\blatency (?:between|from \S+ to)\b|\bround[\s-]?trip\b|\bping (?:time|latency)\b|\brtt\b/, 'latency between hosts'],
  [/\bdns\b|\bname resolution\b/, 'DNS'],
  // "Any errors?", "show me exceptions": what the applications log, not a figure; failed remediations are history.
  [
    /^(?!.*\b(?:remediation|restart|proposal|action|scal(?:e|ing))\w*\b).*(?:\berrors\b|\bexceptions?\b|\bstack ?traces?\b)/,
    'application errors',
  ],
  [/\bconnections?\b/, 'connections'],
  // "How's db-1 replication lag?": the database's own figure, which no source here reads (a host's figures are not it).
  [
    /\breplica(?:tion)?[\s_-]+(?:lag|delay|status|health)\b|\b(?:replicas?|standbys?|secondar(?:y|ies)) (?:behind|lagging)\b/,
    'replication lag',
  ],
  [/\btemperatures?\b/, 'temperature'],
  [/\bpacket[\s_-]*loss\b|\bpackets?\b/, 'packets'],
  [/\binodes?\b/, 'inodes'],
  [/\bcache[\s_-]+(?:hit|miss)(?:[\s_-]+(?:rate|ratio))?\b|\bhit[\s_-]+(?:rate|ratio)\b/, 'cache hit rate'],
  [/\bqueue[\s_-]+(?:depth|length|size|backlog|lag)\b|\bconsumer[\s_-]+lag\b/, 'queue depth'],
  [/\bzombies?\b/, 'process states (zombie processes)'],
  [/\bntp\b|\bclock[\s_-]+(?:drift|skew|sync)\b|\btime[\s_-]+sync\b|\bchrony\b/, 'clock sync (NTP)'],
  [
    /\b(?:tls|ssl|https?)?[\s_-]*cert(?:ificate)?s?\b.*\b(?:expir\w*|valid\w*|renew\w*)\b|\bcert(?:ificate)?[\s_-]+expiry\b/,
    'certificate expiry',
  ],
  [
    /\bports?\s+\d{1,5}\b.*\b(?:open|closed|listening|reachable|up)\b|\b(?:what|which) ports?\b|\bports? (?:are |is )?(?:open|listening|closed)\b|\bis (?:ssh|sshd|http|https|the port) (?:up|open|reachable|listening|working|down)\b|\bcan (?:i|we|you) ssh\b|\b(?:health|status)[\s_-]+(?:endpoint|check url|page)\b|\b(?:http|tcp|synthetic)[\s_-]+(?:checks?|probes?)\b/,
    'endpoint or port checks',
  ],
  [/\booms?\b|\boom[\s-]?kill\w*|\bout[\s-]of[\s-]memory (?:kills?|killer|errors?)\b/, 'OOM kills'],
  [/\bgpus?\b/, 'GPU'],
  // "Are users affected?", "what's the customer impact?": what users see, which no host metric measures.
  [
    /\b(?:users?|customers?|clients?|visitors?|end[\s-]users?)\b.*\b(?:affected|impacted|hit|seeing|complain\w*|experienc\w*|notic\w*)\b|\b(?:user|customer)[\s-]?(?:impact|facing|experience)\b/,
    'user impact',
  ],
  // "Replica count for app", "how many pods?": hosts are what I watch, not what runs on them.
  [/\breplicas?\b|\bpods?\b|\bcontainers?\b|\bk8s deployments?\b/, 'replica, pod or container counts'],
  // "Is autoscaling working?", "any scaling events?": the groups' own activity, which AWS keeps.
  [
    /\bauto[\s-]?scal(?:ing|er)\b(?! groups?\b)|\bscaling (?:activity|activities|events?|history)\b|\bdesired (?:capacity|count)\b|\b(?:max(?:imum)?|min(?:imum)?) (?:size|capacity|count|instances)\b(?=.*\b(?:asgs?|auto ?scaling|group|[\w-]+-asg)\b)|\b(?:size|capacity) (?:of|for) (?:the )?[\w-]*asg\b/,
    'auto scaling activity (desired capacity, scaling events)',
  ],
  // "How many cores does web-1 have?", "instance type of db-1": what a host is, not how it is doing.
  [
    /\b(?:how many|number of)\s+(?:cpu\s+)?(?:cores|vcpus|cpus|processors)\b|\b(?:core|vcpu|cpu)\s+count\b|\binstance[\s_-]+(?:types?|sizes?|class(?:es)?)\b|\b(?:total|installed)\s+(?:ram|memory)\b|\bhow much (?:ram|memory) does\b|\b(?:what|which) (?:os|operating system|distro|distribution|linux|kernel)\b|\b(?:os|kernel|distro) (?:version|release)\b|\boperating system\b/,
    'host specifications (cores, instance type, installed memory, OS)',
  ],
  [/\bhow many (?:processes|threads)\b|\bprocess[\s_-]+count\b/, 'process count'],
  // "What runs on db-1?", "which services are on web-1?": what a host runs, which only the host can tell.
  [
    /\bwhat (?:runs|is running|'s running) on\b|\b(?:which|what) (?:services?|apps?|applications?|software|daemons?) (?:are|is|run|runs|running)\b(?!.*\b(?:slow|down|failing|alerting|restart\w*)\b)/,
    'what runs on a host (services, software)',
  ],
  [
    /\b(?:which|what|top|busiest|biggest|heaviest)\s+(?:process|processes|programs?)\b|\bper[\s-]process\b|\b(?:by|for each|each) (?:process|program|pid)\b/,
    'per-process figures',
  ],
  // "What's using all the disk on db-1?": what uses it, which only the host itself can tell.
  [
    /\b(?:what|who|which)(?:'s| s| is| are)?\s+(?:using|eating|taking up|consuming|hogging|filling)\b/,
    'what uses it (per-process or per-directory figures)',
  ],
  // A host's logs; "a log of what you did" is the remediation history and timelines.
  [
    /^(?!.*\b(?:what (?:you|the bot) (?:did|have done|done)|audit|rotat\w*|json logs?|(?:your|the bot'?s) logs?|logs? (?:are |get )?(?:written|kept|stored)|logs? go|how big are (?:the )?logs)\b).*(?:\blogs\b|\b(?:tail|grep|read|show|check|see|view|get|fetch|open)\b.*\blog\b|\blog (?:files?|lines?|output|entries|messages)\b|\b(?:error|access|app|application|system|nginx|apache|server|kernel) log\b|\bjournal(?:ctl)?\b|\bsyslog\b|\bdmesg\b)/,
    'host logs',
  ],
  [
    /\b(?:error|latency|performance|reliability)[\s-]+budgets?\b|\b(?:budget )?burn(?:ing)?[\s-]rates?\b|\bburn(?:ing|s|ed)?\b.*\bbudgets?\b|\bbudgets?\b.*\b(?:burn\w*|left|remaining|run(?:s|ning)? out|exhaust\w*|last|depleted?|spent|used)\b|\b(?:exhaust\w*|spent|used up|how long)\b.*\bbudgets?\b|\bslos?\b|\bslis?\b|\bavailability (?:target|objective)\b|\b(?:bad|good) (?:samples|events|minutes)\b|\b(?:how many|two|three|four|five|2|3|4|5) nines\b/,
    SLO_WHAT,
  ],
  // A satisfaction score needs each request's time; the latency here is one reading per sample.
  [/\bapdex\b/, 'Apdex (it needs each request’s time)'],
  [/\buptime\b|\bbeen up\b|(?<!\b(?:me|us|them) )\bup since\b|\blast boot\b|\bboot[\s_-]?time\b/, 'uptime'],
  // "How much time did db-1 spend above 80%?" is a time, not money.
  [
    /\b(?:costs?|billing|bills?|invoices?|expensive|cheapest|pricing|price)\b|\bsave money\b|^(?!.*\b(?:time|long|minutes|hours|above|below|over|under)\b).*\bspend(?:ing)?\b/,
    'cost or billing',
  ],
  // "What version is running on api-1?": what a deploy put there; the bot's own version is "about".
  [
    /^(?!.*\b(?:you|your|the bot|smartcloudops)\b).*(?:\b(?:last|recently) (?:patched|upgraded)\b|\bpatch(?:es| level)\b|\b(?:which|what) (?:app |application |software |service )?(?:version|release|build|commit|image tag)\b|\bversion (?:of|on|running|deployed)\b|\b(?:running|deployed|current) (?:version|release|build)\b|\b(?:same|different|mixed) (?:versions?|releases?|builds?)\b)/,
    'the running version',
  ],
];

/** The uncollected figure a question asks for, by the name the reply uses. */
export const uncollectedOf = (text: string): string | undefined => UNCOLLECTED.find(([re]) => re.test(text))?.[1];

/** "Availability", "uptime %", "how many nines", "SLA": the share of time a target sent data (answer-availability.ts). */
export const AVAILABILITY =
  /\b(?:how much |total )?downtime\b|\boutage (?:time|minutes|hours)\b|\b(?:longest|biggest|worst) outages?\b(?! (?:alert|anomal|incident))|\b(?:down|offline|unreachable|silent) (?:the )?(?:longest|most)\b|\bavailability\b(?! (?:target|objective))|\bhow available\b|\buptime (?:%|percent(?:age)?|ratio)|\b(?:our|the fleet'?s?|fleet|service) uptime\b|\buptime (?:this|last|over|so far|today|yesterday)\b|\bpercent(?:age)? (?:of )?(?:up ?time|time up)\b|\bhow many nines\b|\bsla\b|\bhow reliable\b|\breliability\b|\b(?:data |reporting |sample )?gaps?\b(?! (?:between|in (?:the )?(?:alerts?|anomal|coverage)))|\bmissing (?:data|samples|readings)\b|\bwhen did (?:you|we|i) (?:start|begin) (?:watching|monitoring|reading|collecting|sampling)\b|\bhow long have (?:you|we) been (?:watching|monitoring)\b|\b(?:added|new) (?:recently|lately|this week|today)\b|\bwhen (?:was|were) \S+ added\b|\bnewest (?:hosts?|targets?|servers?)\b|\b(?:any|which|what) new (?:hosts?|targets?|servers?|machines?|instances?|nodes?)\b|\bhow many (?:samples|readings|data points)\b(?=.*\b(?:for|on|of|from)\b)/;
