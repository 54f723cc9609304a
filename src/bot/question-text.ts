import { joinSpacedNames, type TargetRef } from './match-target.js';
import { cleanInput, MAX_INPUT } from './text-tools.js';
import { lineWords } from './line-words.js';
import { nounUse } from './noun-use.js';

const EMOJI_WORDS: Record<string, string> = {
  '🔥': 'on fire',
  ':fire:': 'on fire',
  '🚨': 'alerts',
  ':rotating_light:': 'alerts',
  '🆘': 'anything wrong',
  ':sos:': 'anything wrong',
  '👍': 'ok',
  ':+1:': 'ok',
  ':thumbsup:': 'ok',
  '🙏': 'thanks',
  ':pray:': 'thanks',
};
const EMOJI = /🔥|🚨|🆘|👍|🙏|\uFE0F|:(?:fire|rotating_light|sos|\+1|thumbsup|pray):/g;

const TENS: Record<string, number> = {
  ten: 10,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ONES: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const SPOKEN_PERCENT = new RegExp(
  String.raw`\b(${Object.keys(TENS).join('|')})(?:[\s-](${Object.keys(ONES).join('|')}))?\s*(?:percent|per cent|%)`,
  'g',
);

// "<script>alert(1)</script>", "<img src=x onerror=…>": a message that is markup, pasted or probed, whose words ("alert")
// are no question. Markup inside a question ("remind me … <b>x</b>") is cleaned as any other, not refused.
const MARKUP =
  /^\s*<(?:[a-z][a-z0-9]*\b[^>]*>.*<\/[a-z][a-z0-9]*\s*>|(?:script|iframe|img|svg|style|object|embed|link|meta|body|html|form|input)\b)/is;

// "Top 0 hosts", "in the last 0 minutes": read as no count or no window, they gave the default instead of what was said.
const ZERO = /\b(?:last|past|previous|next|top|bottom|first)\s+0+(?:\.0+)?\s*[a-z]+/i;

/** Why a message is refused before it is read: not text, too long, or markup rather than words. Undefined when it is read. */
export function inputRefusal(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return 'the question must be text';
  if (raw.length > MAX_INPUT) return `that is ${raw.length} characters; ask in at most ${MAX_INPUT}`;
  const zero = ZERO.exec(raw);
  if (zero)
    return `"${zero[0].toLowerCase()}" asks for nothing, a count or a length of 0. Ask for one or more: "top 3 hosts by cpu", "anomalies in the last 30 minutes"`;
  if (MARKUP.test(raw))
    return 'that reads as HTML markup, not a question, and nothing in it is run or shown as markup here. Ask in words: "open alerts", "cpu on web-1"';
  return undefined;
}

/**
 * A question as the parser reads it: comparison signs as words (before cleaning, which strips ">",
 * a quote marker in chat markdown), cleaned and lower-cased, "roll back" as one verb, "cpu%" as the
 * metric, "on cal" and "sumary" as meant, and "api 2" as api-2 when a target is called that. Pure.
 */
export function questionText(raw: string, targets: TargetRef[]): string {
  const signs = raw.replace(/>\s*=\s*(?=\d)/g, ' at least ').replace(/<\s*=\s*(?=\d)/g, ' at most ');
  return joinSpacedNames(
    inMilliseconds(
      cleanInput(signs.replace(/>\s*(?=\d)/g, ' above ').replace(/<\s*(?=\d)/g, ' below '))
        .toLowerCase()
        .replace(/\broll(?:ing)?\s+back\b/g, 'rollback')
        // Emoji as Discord sends them and as Slack writes them (":fire:"): "🔥?" asks what is burning.
        .replace(EMOJI, (e) => ` ${EMOJI_WORDS[e.replace(/\uFE0F/g, '')] ?? ''} `)
        .replace(/\s{2,}/g, ' ')
        .trim()
        .replace(/^\s*(?:sup|wass?up|wazz?up)\s*\??\s*$/, "what's up?")
        // "Fastest growing disk": how fast it grows, not latency ("fast" names latency elsewhere); the trend ranks by rate.
        .replace(/\b(?:fastest|quickest)[\s-](growing|filling|rising|climbing|increasing)\b/g, '$1')
        // "@bot status", "@ops cpu on web-1": a mention typed by hand is who is asked, not what (Slack and Discord strip their own).
        .replace(/^@(?:bot|ops|opsbot|smartcloudops|sco)\b[\s,:]*/, '')
        // A link pasted beside a question is context, not words of it ("grafana" in one is no dashboard question).
        .replace(LINK, ' ')
        // "Stop muting web-1", "stop silencing alerts for db-1": lift the silence, not start one ("muting" had read as the verb).
        .replace(
          /^((?:please|can you|could you)\s+)?(?:stop|quit|cease|end)\s+(?:silencing|muting|snoozing|suppressing|quieting|hushing)\b/,
          '$1unsilence',
        )
        // "Enable alerts for db-1", "turn alerts back on for web-1", "alerts back on": the same, said of the alerts.
        .replace(
          /^((?:please|can you|could you)\s+)?(?:(?:re-?enable|enable|unpause|turn on|switch on)\s+(?:the\s+)?(?:alerts?|alerting|notifications?|paging)|(?:turn|switch|put)\s+(?:the\s+)?(?:alerts?|alerting|notifications?|paging)\s+back\s+on|(?:the\s+)?(?:alerts?|alerting|notifications?)\s+back\s+on)\b/,
          '$1unsilence',
        )
        .replace(/\bclean[\s-]ups\b/g, 'cleanups')
        // "Which box is the hottest?": a host, the busiest; "the coldest" is the quietest.
        .replace(/\bboxes\b/g, 'hosts')
        .replace(/\bbox\b/g, 'host')
        .replace(/\bhottest\b/g, 'busiest')
        .replace(/\bcoldest\b/g, 'quietest')
        // "Which web host is doing more work?", "working hardest": busy, as CPU reads it.
        .replace(/\b(?:doing more work|working harder|more loaded) than\b/g, 'busier than')
        // "Are any hosts getting fuller?": filling up, as a disk trend reads it.
        .replace(/\b(?:getting|growing) fuller\b/g, 'filling up')
        .replace(/\b(?:doing (?:more|the most) work|working (?:the )?hardest|most loaded)\b/g, 'busiest')
        .replace(/\b(?:doing (?:less|the least) work|least loaded)\b/g, 'quietest')
        // "Has db-1 disk ever been this full?": as high as now ("full" alone asks where the disk is heading).
        .replace(/\bthis full\b/g, 'this high')
        // "Cpu over ninety percent", "eighty-five percent": the figure in digits, as a bound reads it.
        .replace(SPOKEN_PERCENT, (_m, tens: string, ones: string | undefined) => `${TENS[tens]! + (ones ? ONES[ones]! : 0)}%`)
        .replace(/\b(?:a|one) hundred\s+(?:percent|per cent|%)/g, '100%')
        // "All quiet?", "is all quiet on web-1?": whether anything is wrong, not the silences ("quiet" also asks for one).
        .replace(/^(?:so\s+)?(?:is\s+)?(?:it\s+)?all\s+quiet\b/, 'anything wrong')
        // "Stop the restart on web-1": the proposal turned down, as "cancel the restart" is.
        .replace(/^((?:please)\s+)?(?:stop|halt|abort)\s+the\s+(?=(?:restart|reboot|scale|clean)\w*\b)/, '$1cancel the ')
        // "Free up disk space on db-1", "clear space on web-1" ask for the clean-up; "free disk" alone is a figure.
        .replace(
          /^((?:please|can you|could you)\s+)?(?:free up|clear|make) (?:some |the )?(?:disk(?: space)?|space|room)\b(?!\s+(?:space\s+)?(?:alerts?|alarms?|anomal|warnings?|thresholds?))/,
          '$1clean up disk',
        )
        // "When did api-1 disk jump?", "the sudden drop in web-1 network": a spike, whichever way it went (the anomalies of it).
        .replace(
          /^(when did\b.*?)\b(?:jump|surge|dip|drop|plunge)(?:ed|ped|d)?\b(?!\s+(?:the|a|an|that|this|my|our|its|to|below|under|above|over|past|beneath|by)\b)/,
          '$1spike',
        )
        .replace(
          /\b(the|a|that|this)\s+(?:(?:big|sudden|sharp|huge|large)\s+)?(?:jump|surge|dip|drop|plunge)\s+(in|on|of)\b/g,
          '$1 spike $2',
        )
        // "Which hosts alerted the most this week and why?": the ranking, whose lines say which series (the why) made it.
        .replace(/^(.*\b(?:most|least|more|fewer|busiest|noisiest|worst)\b.*?)[,\s]+and why\s*[?.!]*$/, '$1?')
        // "Should I wake someone up?", "anything I should escalate?": whether anything needs it, which the open alerts say;
        // "who should I page?" is who is on call; "what do I tell my boss?" a draft for people outside the team.
        .replace(
          /^(?:so\s+)?(?:should (?:i|we) (?:wake (?:someone|anyone|somebody|people) up|escalate(?: (?:this|anything|it))?(?=[\s?.!]*$)|page (?:someone|anyone|somebody))|is there anything (?:i|we) should escalate|anything (?:to|worth) escalat(?:e|ing))\b.*$/,
          'what needs attention?',
        )
        .replace(/^(?:so\s+)?who (?:should|do) (?:i|we) (?:page|call|ping|wake up|escalate to)\b.*$/, 'who is on call?')
        .replace(
          /^(?:so\s+)?(?:what (?:should|do|can) (?:i|we) tell (?:(?:my|the|our) )?(?:boss|manager|management|lead|vp|cto|customers?|clients?|users|stakeholders)|(?:an? )?(?:executive|management|exec) summary|explain (?:it )?(?:like|as if) (?:to )?(?:a|my) (?:manager|boss|exec\w*))\b.*$/,
          'status update for stakeholders',
        )
        // "Tell me about the last critical alert", "what is the disk alert on web-1 about?": that alert explained.
        .replace(
          /^(?:please\s+)?tell (?:me|us) (?:more )?about (?:the |that |this )?(?=(?:last|latest|newest|most recent|current|open)\b(?!\s+(?:night|week|weekend|hour|day|month|\d)))/,
          'explain the ',
        )
        .replace(/^what(?:'s| is| was) (the |this |that )(.*\b(?:alert|anomaly|page)\b.*?)\s+about\s*\??$/, 'explain $1$2')
        .replace(
          /^(?:please\s+)?tell (?:me|us) (?:more )?about (?=(?:yesterday|today|last night|overnight|this (?:morning|afternoon|evening|week)|the (?:weekend|night|day)|last week|the last (?:hour|day|week|\d))\b)/,
          'summarise ',
        )
        // "What remediation is configured for disk?", "is there a remediation for disk alerts?": the rules, not the history;
        // "what would fix the web-1 disk?", "suggest a fix for …": how to fix it (the advice, with its runbook and rules).
        .replace(
          /^(?:what|which|is there an?|are there(?: any)?|do (?:you|we) have an?(?:y)?) (?:remediations?|auto[\s-]?remediations?|automatic fix(?:es)?)(?: (?:is|are))?(?: (?:configured|set up|set|defined|there))?\s+(?=for\b)/,
          'remediation rules ',
        )
        .replace(
          /^(?:what would|what will|what could|what can) (?:fix|solve|resolve|help with)\b|^(?:suggest|recommend|propose) an? (?:fix|remedy|solution) (?:for|to)\b/,
          'how do i fix',
        )
        // "Anything in the last hour?", "anything since 09:00?": what the detectors found then; "are you still there?" asks after me;
        // "run a health check on db-1" asks for its state, which runs nothing.
        .replace(
          /^(?:so\s+|and\s+)?(?:anything|something)(?: (?:new|else|at all))?\s+(?=(?:in|over|during|since|for|from|within)\b)(?!for (?:me|us) to (?:approve|sign off|decide)\b)/,
          'anomalies ',
        )
        .replace(/^(?:hey\s+)?are you still (?=there|alive|up|around|awake|working|running)/, 'are you ')
        .replace(/^(?:please\s+)?(?:run|do|perform) an? health ?check\b/, 'health check')
        // "Network in vs out", "in and out": both directions.
        .replace(/\bnetwork (?:in(?:bound)?|ingress) (?:vs\.?|versus|and|against|compared to|\/) (?:out(?:bound)?|egress)\b/g, 'network')
        // "Creeping up all week", "the weekly trend": rising, over this week.
        .replace(/\b(?:creep|inch|edg|crawl)(?:ing|s|ed|e)? (up|down|higher|lower)\b/g, (_m, way: string) =>
          /^(?:up|higher)$/.test(way) ? 'rising' : 'falling',
        )
        .replace(/\ball week(?: long)?\b|\bweekly (?=trend)/g, 'this week ')
        .replace(/\ball day(?: long)?\b|\bdaily (?=trend)/g, 'today ')
        // "Any slow leaks?", "is db-1 leaking?": a leak is memory's, whatever else is said of it ("slow" is no latency here).
        .replace(/\b(?:(?:slow|memory|mem|ram)\s+)?(leak(?:s|ing|y)?)\b/g, 'memory $1')
        // "Load balancer" names no load: without this, "load" read as CPU.
        .replace(/\bload[\s-]?balanc(?:er|ers|ing)\b/g, 'lb')
        // "Take web-1 out of rotation", "put it back in the load balancer": what people call draining and restoring a host.
        .replace(
          /^((?:please|can you|could you)\s+)?(?:take|pull|remove)\s+(\S+)\s+out of (?:the\s+)?(?:rotation|load[\s-]?balancer|lb|pool|service)\b/,
          '$1drain $2',
        )
        .replace(
          /^((?:please|can you|could you)\s+)?(?:put|add|bring|return)\s+(\S+)\s+back (?:in(?:to)?|to) (?:the\s+)?(?:rotation|load[\s-]?balancer|lb|pool|service)\b/,
          '$1restore $2 to rotation',
        )
        // "We're doing maintenance on db-1 for 2h", "db-1 maintenance starting now", "maintenance done on db-1": the
        // maintenance silence begun or ended, said as people announce it.
        .replace(
          /^(?:ok,?\s+)?(?:we(?:'re| are)|i(?:'m| am))\s+(?:doing|starting|beginning|running|performing|kicking off)\s+(?:some\s+|the\s+|a\s+)?maintenance\b/,
          'start maintenance',
        )
        .replace(
          /^([a-z][\w.-]*\d[\w.-]*)\s+maintenance\s+(?:is\s+)?(?:starting|begins|beginning|starts)(?:\s+now)?\b/,
          'start maintenance on $1',
        )
        .replace(
          /^(?:the\s+)?(?:([a-z][\w.-]*\d[\w.-]*)\s+)?maintenance(?:\s+on\s+([a-z][\w.-]*\d[\w.-]*))?\s+(?:is\s+)?(?:done|finished|over|complete[d]?|ended)(?:\s+on\s+([a-z][\w.-]*\d[\w.-]*))?[\s.!]*$/,
          (_m, before?: string, on?: string, after?: string) =>
            `end the maintenance${before || on || after ? ` on ${before ?? on ?? after}` : ''}`,
        )
        // "Delete old logs on web-2", "purge the tmp files": what the clean-up does, asked by its effect.
        .replace(
          /^((?:please|can you|could you)\s+)?(?:delete|remove|purge|clear|wipe|clean out|get rid of) (?:the |all |some |any )?(?:old |stale |rotated )?(?:logs?|log files|tmp files|temp(?:orary)? files|old files|junk)\b/,
          '$1clean up disk',
        )
        .replace(/\b(cpu|mem|memory|ram|disk)%/g, '$1')
        // "cpu/mem db-1": both figures, not a path.
        .replace(/\b(cpu|mem|memory|ram|disk|net|network|latency)\s*\/\s*(?=(?:cpu|mem|memory|ram|disk|net|network|latency)\b)/g, '$1 and ')
        // Typos the fuzzy matcher cannot reach: its words are single tokens, and short ones are never bent.
        .replace(/\bon[\s-]?cal\b/g, 'on call')
        // "Cpu at 10:00 in my local time": the asker's display zone is what a time is read in anyway; "local" is no host here.
        .replace(
          /^(?!(?:(?:show|give|display|use|set|put|write)\s+)?(?:me\s+)?(?:the\s+|my\s+)?(?:times?|dates?|clock)\b)(.*?)\s*\b(?:in|on)\s+(?:my\s+)?local\s+time\b/,
          '$1',
        )
        // "I'm on it", "I'm looking at web-2", "take the web-2 alert": taking an alert on, said as people say it.
        .replace(
          /^(?:ok,?\s+)?(?:(?:i'?m|i am|i'?ll|i will)\s+(?:on (?:it|this|that)|(?:take|handle|grab) (?:it|this|that)|looking (?:at|into) (?:it|this|that))|on it|(?:take|grab|claim) (?:it|this|that))[\s.!]*$/,
          'ack it',
        )
        // "I'm on the monitoring-1 disk alert", "I'll take the web-2 alert", "I've got the web-1 alert", "I'll take web-1".
        .replace(
          /^(?:ok,?\s+)?(?:i'?m|i am)\s+(?:on|looking (?:at|into)|handling|taking)\s+(?:the\s+)?([a-z][\w.-]*\d[\w.-]*|an_[a-z0-9]+)(?:\s+(?:cpu|memory|mem|disk|latency|network))?(?:\s+alert)?[\s.!]*$/,
          'ack $1',
        )
        .replace(
          /^(?:ok,?\s+)?(?:(?:i'?ll|i will)\s+(?:take|grab|claim|handle)|(?:i'?ve|i have)\s+got|take|grab|claim)\s+(?:the\s+)?(?:([a-z][\w.-]*\d[\w.-]*)(?:\s+(?:cpu|memory|mem|disk|latency|network))?\s+alert|(an_[a-z0-9]+))[\s.!]*$|^(?:ok,?\s+)?(?:i'?ll|i will)\s+(?:take|grab|handle)\s+([a-z][\w.-]*\d[\w.-]*)[\s.!]*$/,
          'ack $1$2$3',
        )
        // Chat spellings of times: "last nite", "tonite", "2day", "tmrw", "yday".
        .replace(/\b(to)?nite\b/g, '$1night')
        .replace(/\b2day\b/g, 'today')
        .replace(/\b(?:tmrw|tmr|2moro|2morrow)\b/g, 'tomorrow')
        .replace(/\byday\b/g, 'yesterday')
        .replace(/\bsum+ar(y|i[sz]e)\b/g, 'summar$1')
        // A command word used as a noun ("silence status web-1", "ack rate"): the question it names, never the command.
        .replace(/^[\s\S]*$/, nounUse),
    ),
    targets,
  );
}

// "Latency over 1s", "above 0.5 seconds": a latency line in seconds is the same line in ms; "over the last 30 seconds" is a window.
// "Over a second" is 1 s; "60 percent", "over 3/4" are lines too (line-words.ts).
const SECONDS_LINE =
  /\b(above|over|below|under|more than|less than|greater than|higher than|lower than|exceeds?|exceeding|at least|at most|reach(?:es)?|hits?)\s+(\d+(?:\.\d+)?\s*|(?:a|an|one|half a)\s+)(?:s|secs?|seconds?)\b/g;
const SECONDS_SAID: Record<string, number> = { a: 1, an: 1, one: 1, 'half a': 0.5 };
const inMilliseconds = (text: string): string =>
  lineWords(
    /\blatenc|\bresponse times?\b/.test(text)
      ? text.replace(SECONDS_LINE, (_m, w: string, n: string) => `${w} ${(SECONDS_SAID[n.trim()] ?? Number(n)) * 1000}ms`)
      : text,
  );

// "Ok, restart app on web-1", "hi, cpu on web-1", "so what's cpu": a word before the message that asks nothing.
// "I'm going to lunch, ping me if …": the going away asks nothing; the request after it does.
// "Let's mute web-1 for 2h" is the request itself; "let us know when …" is not a filler (no verb follows).
const FILLER =
  /^\s*(?:ok(?:ay)?|alright|all right|so|right|yes|yeah|yep|cool|great|hey|hi|hello|please)\s*[,!.:;-]\s*(?=\S)|^\s*(?:ok(?:ay)?|alright|so|yes|yeah|yep)\s+(?=\S)|^\s*(?:i['’]?m|i am|we['’]?re|we are)\s+(?:going|heading|off|stepping|about)\b[^,.;!?]{0,50}[,.;]\s*(?=(?:ping|notify|tell|let|page|alert|message|dm|remind|mention|text)\s+(?:me|us)\b)|^\s*(?:let['’]?s|let us)\s+(?=(?:mute|unmute|snooze|unsnooze|silence|quiet|restart|reboot|bounce|scale|clean|ack|acknowledge|unack|escalate|page|approve|deny|cancel|declare|resolve|extend|retry|rerun|re-run)\b)/i;
const LINK = /\bhttps?:\/\/\S+/g;
/** The text without pasted links, for reading what is asked (a note or a change keeps them). */
export const withoutLinks = (raw: string): string => raw.replace(LINK, ' ');

/** The message without a leading filler word; a message that is only one is left as it is. Pure. */
export const withoutFiller = (raw: string): string => raw.replace(FILLER, '');
