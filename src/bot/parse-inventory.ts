import type { Intent, InventoryField } from './intent.js';
import { scopeOf } from './scope-of.js';

/** An EC2 instance id or an IPv4 address (with a port or not), as a question may quote one. */
const INSTANCE_ID = /\bi-[0-9a-f]{8,17}\b/;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?![\d.])/;

const WHICH = /\b(?:which|what) (?:host|server|target|instance|machine|box|node)\b|^(?:what|who)(?:'s| is)\b/;

const FULL =
  /^(?:please\s+)?describe\b|\b(?:everything|all) (?:about|on|for)\b|\b(?:details|metadata|tags|labels) (?:of|for|on|about)\b|\bwhat (?:tags|labels) (?:does|do|has|have)\b|\b\S+'s (?:config|configuration|tags|labels|details|metadata)\b|\bhost ?names?\b|\bfqdn\b|\b(?:which|what) (?:env|environment|tier|team|stage|cluster|account|owner|availability zone|az)\b|\bwhat (?:kind|sort|type) of (?:host|server|target|machine|box|node|instance|vm) is\b|\bis \S+ an? (?:real|actual|physical|virtual|cloud|local|test|fake|synthetic) (?:host|server|machine|box|node|instance|vm|target)\b|\bwhere (?:does|do) \S+(?:'s)? (?:data|metrics|figures|numbers) come from\b|\b(?:which|what) source (?:feeds|reads|sends)\b/;

const COMMAND_LEAD =
  /^(?:please\s+|pls\s+|can you\s+|could you\s+|let'?s\s+)?(?:snooze|mute|silence|hush|quiet|suppress|unmute|unsnooze|unsilence|ack|acknowledge|unack|escalate|page|restart|reboot|bounce|scale|clean|approve|deny|reject|watch|follow|unfollow|notify|subscribe|unsubscribe|stop|pause|resume)\b/;

const FIELDS: readonly (readonly [RegExp, InventoryField])[] = [
  [/\bregions?\b/, 'region'],
  // "What instance is web-1?", "which instance is web-1 on?": its instance id ("instance type" is a spec, not read).
  [
    /\binstance[\s_-]*ids?\b|\bec2[\s_-]*(?:ids?|instances?)\b|\binstance (?:of|for)\b|\b(?:what|which) (?:ec2 )?instance (?:is|was|runs)\b/,
    'instance',
  ],
  [
    /\bip(?:s|v4)?\b|\bip[\s_-]*address(?:es)?\b|\baddress(?:es)?\b(?! (?:it|this|that|the (?:alert|issue|problem|anomaly)))|\bendpoints?\b/,
    'address',
  ],
  [/(?<![\w-])asgs?\b|\bauto[\s_-]?scaling[\s_-]*groups?\b|\bscaling groups?\b/, 'asg'],
  // "Who owns db-1?": its owner or team label, which is the only owner I know.
  [/\bwho (?:owns|is responsible for|looks after|maintains)\b|\bowners?\b|\b(?:which|what) team\b/, 'owner'],
];

const GROUPED =
  /\b(?:per|by|for each|for every|across)\s+(?:the\s+)?(?:regions?|asgs?|auto ?scaling)\b|\b(?:busiest|highest|most|lowest|least|quietest|fullest|slowest|fastest)\b(?! (?:hosts|targets|servers|instances|machines|nodes)\b)/;

const MEMBERS =
  /\bhow many (?:[\w-]+ )?(?:hosts|instances|servers|targets|machines|nodes|vms|boxes|members)\b(?!.*\b(?:down|silent|up|reporting|stale|offline|dead|unreachable|alerting|firing|healthy|unhealthy|idle|busy|over|above|below|under)\b)|\b(?:which|what|list(?: the| all)?) (?:hosts|instances|servers|targets|machines|nodes|vms) (?:are )?(?:in|belong to|make up|are part of)\b|\bmembers of\b/;

// "Inventory", "where is db-1?", "where does api-1 run?", "which hosts are in which region?".
const WHERE =
  /\binventory\b|\bwhere (?:is|are|does|do)\b(?!.*\b(?:alerts?|anomal\w*|incidents?|silences?|proposals?|data|metrics|logs?|config\w*)\b)/;

/**
 * "What region is db-1 in?", "instance id of web-1", "ip of api-2", "which asg is web-1 in?",
 * "inventory", "which host is i-0a1b2c3d4e5f60003?": what the targets file (or discovery) says of
 * where a target runs. Pure; undefined when the text is none of these, or reads a metric.
 */
export function inventoryQuestion(
  text: string,
  o: { target?: string | undefined; named: string[]; metric?: string | undefined; unknownTarget?: string | undefined; anomalies: boolean },
): Intent | undefined {
  // "Status per region", "cpu by asg", "which region is busiest?": figures grouped or ranked (parse-group-by.ts), not the inventory.
  if (o.metric || o.anomalies || GROUPED.test(text)) return undefined;
  // "Which host is i-0a1b…?", "what is 10.0.2.10?": found by what identifies it elsewhere.
  const lookup = INSTANCE_ID.exec(text)?.[0] ?? IPV4.exec(text)?.[0];
  if (lookup && !o.named.length) return { kind: 'inventory', lookup };
  // An instance id that names a target ("cpu on i-0a1b…") is read as that target; "which host is i-0a1b…?" is its entry.
  if (lookup && o.target && WHICH.test(text)) return { kind: 'inventory', lookup };
  // "Describe api-1", "everything about db-1", "what labels does web-1 have?", "is local-vm a real host?": its entry, then its figures.
  // "Snooze everything on api-2 for 1h" is a command about everything there, not a question about the host.
  if (o.target && FULL.test(text) && !COMMAND_LEAD.test(text)) return { kind: 'inventory', target: o.target, full: true };
  // "How many instances does web-asg have?", "which hosts are in the api role?": the members, by their entries.
  if (o.named.length && MEMBERS.test(text))
    return { kind: 'inventory', ...(o.named.length > 1 ? { group: o.named } : { target: o.target }) };
  const field = FIELDS.find(([re]) => re.test(text))?.[1];
  if (!field && !WHERE.test(text)) return undefined;
  // "Where is …" asks of a host; "where is the bot running?" and "where are we?" are not this.
  if (!field && !/\binventory\b/.test(text) && !o.named.length && !o.unknownTarget) return undefined;
  return {
    kind: 'inventory',
    ...(field ? { field } : {}),
    ...scopeOf(o),
    ...(o.unknownTarget && !o.named.length ? { unknownTarget: o.unknownTarget } : {}),
  };
}
