import type { Intent } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';
import type { QuestionScope } from './parse-tune.js';

/**
 * "Capacity outlook", "which hosts are idle?", "are we over-provisioned?": room to grow or to spare (answer-capacity.ts).
 * `load`: "if traffic doubles" (2): each host's CPU p95 scaled by it, a straight-line guess said as such.
 * `lose`: "what if web-1 goes down?", the rest of its group carrying its load (answer-lose-one.ts), `target` the one lost.
 * `room`: "which hosts have the most memory headroom?": the hosts ranked by that figure, most room first unless `most` is false.
 */
export interface CapacityIntent {
  kind: 'capacity';
  target?: string;
  group?: string[];
  span?: TimeSpan;
  unknownTarget?: string;
  load?: number;
  lose?: boolean;
  room?: { metric?: RoomMetric; most: boolean };
}
export type RoomMetric = 'cpu' | 'memory' | 'disk';

// "Most memory headroom", "least cpu room", "which host has the most disk space to spare?", "most headroom" (the tighter of CPU and memory).
const ROOM =
  /\b(most|least|more|less)\s+(?:(cpu|memory|ram|disk)\s+)?(?:headroom|room|spare capacity|space to spare|room to spare)\b|\b(most|least) (?:free|spare) (cpu|memory|ram|disk)\b/;

/** Which figure a headroom ranking is by, and which end first. Pure. */
export function roomAsked(text: string): CapacityIntent['room'] {
  const m = ROOM.exec(text);
  if (!m) return undefined;
  const word = m[2] ?? m[4];
  const metric = word === 'ram' ? 'memory' : (word as RoomMetric | undefined);
  return { ...(metric ? { metric } : {}), most: /^(?:most|more)$/.test(m[1] ?? m[3]!) };
}

const HOSTS = String.raw`(?:hosts?|servers?|targets?|machines?|instances?|nodes?|boxes|vms?)`;
// "Capacity outlook", "are we over-provisioned?", "rightsizing", "which hosts are idle?",
// "do we need more servers?", "underused instances", "how busy was the fleet yesterday?".
const CAPACITY = new RegExp(
  [
    // "The desired capacity of api-asg" is the group's setting, which AWS keeps (uncollected-words.ts).
    String.raw`(?<!\b(?:desired|max|maximum|min|minimum) )\bcapacity\b`,
    String.raw`\b(?:over|under)[\s-]?provision\w*`,
    String.raw`\bright[\s-]?siz\w*`,
    String.raw`\bhow (?:busy|loaded|utili[sz]ed|stretched) (?:is|was|are|were|has been|have been) (?:we|the fleet|everything|the (?:\w+ )?${HOSTS}|our (?:\w+ )?${HOSTS})\b`,
    String.raw`\b(?:idle|busy|under[\s-]?used|under[\s-]?utili[sz]ed|over[\s-]?utili[sz]ed|wasted|overloaded|over[\s-]?loaded|oversized|undersized)\s+${HOSTS}`,
    // "Are any hosts idle?", "which servers are underused?"
    String.raw`\b(?:any|which|what) ${HOSTS}\s+(?:(?:are|is|were|look|seem)\s+)?(?:idle|under[\s-]?used|under[\s-]?utili[sz]ed|wasted|doing nothing)\b`,
    String.raw`\b${HOSTS}\s+(?:are|is|were|was)\s+(?:idle|busy|under[\s-]?used|under[\s-]?utili[sz]ed|wasted|overloaded|over[\s-]?loaded|oversized|undersized|too (?:big|small))\b`,
    String.raw`\bneed (?:more|fewer|bigger|smaller|extra) (?:[\w-]+ )?(?:${HOSTS}|capacity|hardware)\b`,
    // "How much headroom do we have?" ("headroom on db-1" is its free space).
    String.raw`\bhow much (?:headroom|spare capacity|room to grow) (?:do (?:we|i|you) have|is (?:there|left)|have we|(?:is )?left|(?:do we have )?(?:across|in) the fleet)\b`,
    // "Which host needs more memory?", "does db-1 need more cpu?": room, by each host's 95th percentile.
    String.raw`\bneeds? (?:more|extra|additional) (?:cpu|cpus|memory|ram|disk|storage|space|cores)\b|\b(?:short|running short) (?:of|on) (?:cpu|memory|ram|disk|space)\b`,
    String.raw`\b(?:can|could|should) we (?:downsize|consolidate|shrink)\b`,
    // "Which hosts could be downsized?", "how many more hosts do we need?", "can the web tier handle twice the traffic?"
    String.raw`\b(?:could|can|should) be (?:downsized|consolidated|shrunk|resized|retired)\b|\bdownsiz\w*\b`,
    String.raw`\bhow many (?:more|extra|fewer) ${HOSTS}\b|\bcan (?:the |our )?(?:\S+ )?(?:tier|fleet|${HOSTS}) (?:handle|take|cope with|absorb)\b`,
    // "Do we need to scale web?", "can db-1 handle more load?", "which hosts are running hot?"
    // "Where can I put more load?", "is db-1 overloaded?", "when should we scale?", "which host has the most headroom?"
    String.raw`\bwhere (?:can|could|should) (?:i|we) (?:put|add|place|move|run|deploy|host|schedule) (?:more |the |some |an? |another )?(?:new |extra |more )?(?:load|traffic|work|jobs?|services?|apps?|applications?|workloads?|containers?|process(?:es)?)\b|\b(?:is|are) \S+ (?:overloaded|over[\s-]?loaded|maxed out|at (?:its|their) limits?)\b|\bwhen (?:should|do|will) (?:we|i) (?:need to )?scale\b|\b(?:most|least|more|less) (?:\w+ )?(?:headroom|room to spare)\b`,
    String.raw`\bneed to scale\b|\bcan (?:the |our )?\S+ (?:handle|take|cope with|absorb) more\b|\brunning hot\b|\bhot (?:hosts|servers|spots?)\b|\bnear(?:ing)? (?:capacity|(?:its|their|the) limits?)\b`,
    // "Are we ready for black friday?", "how much traffic can we handle?": room to grow, as for any capacity question.
    String.raw`\b(?:ready|prepared) for (?:black friday|cyber monday|the (?:sale|launch|peak|holidays?|traffic spike|spike|rush|big day)|peak|a (?:spike|surge|traffic spike|rush))\b|\bhow much (?:more )?(?:traffic|load) can (?:we|the fleet|the \w+ tier|\S+) (?:handle|take|absorb|cope with)\b|\bhow many more (?:requests|users|customers|connections|sessions) can (?:we|the fleet|the \w+ tier|\S+) (?:handle|take|absorb|serve|cope with)\b`,
  ].join('|'),
);

// "If traffic doubles", "twice the load", "3x the traffic", "50% more users", "load grows by 30%": how much more load is asked about.
const MORE_LOAD = /\b(?:traffic|load|users|requests|demand|usage)\b/;
const FACTORS: [RegExp, (m: RegExpExecArray) => number][] = [
  [/\b(\d+(?:\.\d+)?)\s*(?:x|×|times)\b/, (m) => Number(m[1])],
  [/\b(?:doubles?|doubled|doubling|twice)\b/, () => 2],
  [/\b(?:triples?|tripled|tripling|three times)\b/, () => 3],
  [
    /\b(\d+(?:\.\d+)?)\s*%\s+more\b|\b(?:grows?|increases?|rises?|goes up|jumps?|spikes?) by (\d+(?:\.\d+)?)\s*%/,
    (m) => 1 + Number(m[1] ?? m[2]) / 100,
  ],
];

/** How many times today's load a question supposes ("if traffic doubles": 2), between 1 and 10; undefined when none is said. Pure. */
export function loadFactor(text: string): number | undefined {
  if (!MORE_LOAD.test(text)) return undefined;
  for (const [re, read] of FACTORS) {
    const m = re.exec(text);
    const f = m ? read(m) : NaN;
    if (Number.isFinite(f) && f > 1 && f <= 10) return f;
  }
  return undefined;
}

// "What if web-1 goes down?", "can we survive losing one web host?", "if api-2 fails can api-1 take the load?", "n-1".
const DOWN = String.raw`(?:goes down|go down|went down|fails?|failed|dies|died|crash(?:es|ed)?|is lost|were lost|disappears?|is gone|dropped out)`;
const LOSE = new RegExp(
  String.raw`\b(?:what if|if|what (?:happens|breaks) if)\b.*\b${DOWN}\b|\bsingle point of failure\b|\bspof\b|\b(?:can|could|should) (?:we|i) (?:turn off|shut down|switch off|decommission|retire|remove|drop) (?!the (?:alert|rule|threshold|detector))|\b(?:survive|handle|cope with|tolerate|withstand|take) (?:losing|the loss of|a failure of|an outage of)\b|\b(?:lose|losing|lost) (?:one|a|an|any)\b.*\b(?:hosts?|servers?|nodes?|instances?|machines?)\b|\bn\s?-\s?1\b`,
);

/** A host lost, or one of a group: the rest carrying its load (answer-lose-one.ts). Pure. */
function loseQuestion(text: string, o: Omit<QuestionScope, 'metric'>): Intent | undefined {
  if (!LOSE.test(text) || (!o.target && !o.group?.length) || /\b(?:nobody|no one|noone|alert|ack|threshold|rule)\w*/.test(text))
    return undefined;
  // "If api-2 fails can api-1 take the load?": the one said before the failure is the one lost.
  const said = new RegExp(String.raw`([a-z0-9][\w.-]*) ${DOWN}`).exec(text)?.[1];
  const lost = o.target ?? o.group?.find((n) => n.toLowerCase() === said);
  return { kind: 'capacity', lose: true, ...(lost ? { target: lost } : {}), ...(o.group ? { group: o.group } : {}) };
}

/** A question about room to grow or to spare across hosts (answer-capacity.ts). Pure. */
export function capacityQuestion(text: string, o: Omit<QuestionScope, 'metric'>): Intent | undefined {
  const lose = loseQuestion(text, o);
  if (lose) return lose;
  const load = loadFactor(text);
  if (!CAPACITY.test(text) && !(load && /\b(?:if|what if|when|handle|cope|ok|okay|fine|survive|enough|manage)\b/.test(text)))
    return undefined;
  const room = roomAsked(text);
  return {
    kind: 'capacity',
    ...(load ? { load } : {}),
    ...(room ? { room } : {}),
    ...(o.target ? { target: o.target } : {}),
    ...(o.group ? { group: o.group } : {}),
    ...(o.span ? { span: o.span } : {}),
    ...(o.unknownTarget ? { unknownTarget: o.unknownTarget } : {}),
  };
}
