/**
 * A command word used as a noun at the head of a question: "silence status web-1", "ack rate",
 * "approve queue", "restart count for web-1", "page schedule". Said that way they had been read as
 * the command itself ("silence status web-1" silenced web-1, "approve status web-1" approved what
 * waited there); each becomes the question it stands for, the rest of the text kept ("for web-1",
 * "this week"). A target named like one of the nouns ("status-page") is still a target. Pure.
 */
const PREFIX = String.raw`^(?:(?:the|our|show(?: me)?(?: the)?|what(?:'s| is| are)(?: the)?)\s+)?`;

// The nouns of record, by what they ask: how many, what there is now, how it went, how long, how it is set, when.
const NOUNS = {
  count: 'counts?|stats|statistics|totals?|number|tally|trends?|graph|chart',
  now: 'status(?:es)?|state|list|overview|queue|backlog|owners?|reasons?',
  past: 'history|logs?|reports?|summary|results?|outcomes?',
  time: 'rates?|times?|speed|latency|delay',
  // How long each took ("restart durations", "scale-up run times"); elsewhere the same as a time.
  took: 'durations?|run ?times?|runtimes?|timings?',
  set: 'polic(?:y|ies)|settings|config(?:uration)?|limits?|rules?',
  when: 'windows?|schedule',
} as const;
type Asked = keyof typeof NOUNS;
type Asks = Record<Exclude<Asked, 'took'>, string | ((verb: string) => string)> & { took?: (verb: string) => string };

// Each family of command words, and the question each kind of noun stands for.
const FAMILIES: [string, Asks][] = [
  [
    'silence|mute|snooze|quiet|unsnooze|unsilence|unmute',
    {
      count: 'how many silences',
      now: 'silences',
      past: 'silence history',
      time: 'how many silences',
      set: 'help silences',
      when: "what's scheduled",
    },
  ],
  [
    'ack|unack|acknowledge?(?:ment)?',
    {
      count: 'who acked the most',
      now: 'is acknowledged',
      past: 'who acked the most',
      time: 'how fast do we ack',
      set: 'help ack',
      when: 'help ack',
    },
  ],
  [
    'escalate|escalation',
    {
      count: 'how many escalations',
      now: 'how many escalations',
      past: 'how many escalations',
      time: 'escalation policy',
      set: 'escalation policy',
      when: 'escalation policy',
    },
  ],
  ['page', { count: 'pages', now: 'pages', past: 'pages', time: 'pages', set: 'escalation policy', when: 'who is on call' }],
  [
    'approve|approval|deny|denial|decision',
    {
      count: 'remediation history how many decided',
      now: 'pending approvals',
      past: 'remediation history how many decided',
      time: 'how long do approvals take',
      set: 'who can approve',
      when: 'who can approve',
    },
  ],
  [
    'restart|reboot|scale[\\s-]?up|clean[\\s-]?up|cleanup',
    {
      count: (v) => `how many ${v}s`,
      now: (v) => `${v} history`,
      past: (v) => `${v} history`,
      time: (v) => `${v} history`,
      took: (v) => `how long does a ${v} take`,
      set: (v) => `which rules propose ${v}s`,
      when: (v) => `which rules propose ${v}s`,
    },
  ],
];

const USES = FAMILIES.flatMap(([verbs, asks]) =>
  (Object.keys(NOUNS) as Asked[]).map(
    (asked) =>
      [
        new RegExp(`${PREFIX}(${verbs})s?\\s+(?:${NOUNS[asked]})(?![\\w-])`),
        asked === 'took' ? (asks.took ?? asks.time) : asks[asked],
      ] as const,
  ),
);

/** The question a command word used as a noun stands for, or the text as it was. */
export function nounUse(text: string): string {
  for (const [re, said] of USES) {
    const m = re.exec(text);
    if (m) return `${typeof said === 'string' ? said : said(m[1]!.replace(/[\s-]/g, ''))}${text.slice(m[0].length)}`;
  }
  return text;
}
