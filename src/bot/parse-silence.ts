import { untilDayAt9 } from './until-day.js';
import { severityMeant } from './severity-meant.js';
import { LATER_SAID } from './later-words.js';
import type { Intent, MetricKey } from './intent.js';
import { aheadDated, findUntil, UNTIL_PART, type ClockTime } from './parse-clock.js';
import { findTimeSpan, type TimeSpan } from './parse-time-span.js';
import { dayDateIn, mayExist } from './parse-day-date.js';
import { cleanInput, parseDuration, quoteUntrusted } from './text-tools.js';
import { EXTEND_VERBS, LIFT_VERBS } from './intent-words.js';
import { recurringRefusal, REPEATS } from './recurring-silence.js';
import { silenceFocus, type SilenceFocus } from './silence-focus.js';

/** "Snooze web-1 cpu for 30m", "mute db-1 from 22:00 to 23:00": a silence to add, or one to extend. */
export interface SilenceIntent {
  kind: 'silence';
  target?: string;
  metric?: MetricKey;
  /** Set in an alert's thread: silence what that alert's Silence button would. */
  anomalyId?: string;
  durationMs: number;
  unknownTarget?: string;
  /** Several targets were named: nothing is silenced, the reply asks for one. */
  several?: string[];
  /** "mute everything for 1h": every alert, said in so many words. */
  all?: boolean;
  /** "from 22:00", "tomorrow 02:00-04:00", "at 14:00 for 30m": when it begins (the next such time); absent, now. */
  from?: ClockTime;
  /** "until 15:00", "till tomorrow 9am": when it ends, instead of `durationMs` (with `from`, the first such time after it). */
  until?: ClockTime;
  /** "…: db migration", "… because we are deploying": why, kept with the silence. */
  reason?: string;
  /** "Mute warnings for 1h", "silence critical alerts on web-1": only alerts of that severity. */
  severity?: 'warning' | 'critical';
  /** "Extend the silence on web-1 by 1h", "extend sl_… until 18:00": push an active silence's end out, not a new one from now. */
  extend?: { id?: string };
}

/**
 * "Snooze web-1 cpu for 30m", "mute db-1 until 15:00", "mute everything for 1h": a silence of what
 * the parser found, for the length or until the time the text gives (an hour by default). An end
 * the text names but that cannot be read ("until monday") is refused, never the default hour.
 */
export function silenceCommand(
  text: string,
  o: {
    target?: string | undefined;
    metric?: MetricKey | undefined;
    unknownTarget?: string | undefined;
    several?: string[];
    all?: boolean;
    /** "Snooze an_…": that alert, as its Silence button would. */
    anomalyId?: string | undefined;
    /** The text as typed, for the reason's own words. */
    raw?: string;
  },
): Intent {
  // "…: db migration", "… because we are deploying": the reason is kept, and its words are not read for times.
  const reason = o.raw === undefined ? undefined : splitReason(cleanInput(o.raw)).reason;
  // "Until the weekend", "till end of week": the next Saturday's start (UTC), said so in the reply's time.
  text = splitReason(text).head.replace(
    /\b(until|till|til|through)\s+(?:the\s+)?(?:weekend|end of (?:the\s+)?week)\b/,
    '$1 saturday 00:00',
  );
  // "Mute all alerts in #general": a silence holds alerts everywhere; which channel gets them is routing.
  if (/\b(?:in|on|for|from)\s+(?:slack|discord|the\s+(?:web\s+)?console)\b|(?:^|\s)#[\w-]+|\b[\w-]+\s+channel\b/.test(text))
    return {
      kind: 'bad_input',
      reason:
        'Nothing silenced: a silence holds alerts for a target, a metric and a severity everywhere they would go, never in one channel. Which channel gets which alerts is chat.routes in the config ("where do alerts go?" shows it); to quiet everything everywhere, "mute everything for 1h"',
    };
  // "Silence db-1 forever": a silence always ends; the longest is a week, and a target that should
  // never alert is taken out of the targets file or routed nowhere.
  if (/\b(?:forever|indefinitely|permanently|for good|until further notice|until i say)\b/.test(text))
    return {
      kind: 'bad_input',
      reason:
        'Nothing silenced: a silence always ends, a week at most ("for 7d", "until tomorrow 09:00"); "extend sl_… by 7d" pushes one further. A target that should never alert is taken out of the targets file (config.targetsFile)',
    };
  // "Mute db-1 every night from 1am to 3am": a window that repeats is config's (chat.muteTimes), given to paste.
  if (REPEATS.test(text) && !o.anomalyId)
    return o.unknownTarget && !o.target
      ? {
          kind: 'bad_input',
          reason: `Nothing silenced: no target is called ${quoteUntrusted(o.unknownTarget)} ("what do you monitor?" lists them)`,
        }
      : {
          kind: 'bad_input',
          reason: recurringRefusal(
            text,
            { ...o, severity: /\bcrit/.test(text) ? 'critical' : /\bwarn/.test(text) ? 'warning' : undefined },
            scheduleOf(text),
          ),
        };
  // "Stop pinging me", "don't page me tonight": about the asker, while a silence would quiet everyone's alerts.
  if (
    !o.target &&
    !o.metric &&
    !o.several &&
    !o.anomalyId &&
    /\b(?:ping(?:ing)?|pag(?:e|ing)|mention(?:ing)?|tag(?:ging)?|notify(?:ing)?|wake|waking|alert(?:ing)?|messag(?:e|ing)|dm(?:ing)?)\s+me\b|\b(?:notifications?|alerts?|pings?|pages?|messages?|mentions?)\s+(?:for|to)\s+me\b|\bmy (?:notifications|pings|pages|mentions)\b/.test(
      text,
    )
  )
    return {
      kind: 'bad_input',
      reason:
        'Nothing silenced: a silence quiets an alert for everyone. What pings you by name: your subscriptions ("my subscriptions", "unsubscribe from db-1"), and the on-call mentions while you hold the pager ("who is on call?", "swap shifts with bob", "can someone cover?"). To quiet a host for everyone, name it ("mute web-1 for 1h")',
    };
  // "For -5m" had fallen back to an hour.
  if (/\b(?:for|by)\s+-\s*\d/.test(text))
    return { kind: 'bad_input', reason: 'Nothing silenced: a silence lasts a positive time ("for 30m", "until 18:00")' };
  // "Mute the forecast detector on disk" had silenced every disk alert: a silence cannot name a detector.
  if (!o.anomalyId && /\b(?:forecast(?:s|ing)?|robust|threshold|isolation forest|iforest|detectors?)\b/.test(text))
    return {
      kind: 'bad_input',
      reason:
        'Nothing silenced: a silence holds a target, a metric and a severity, never one detector, so it would quiet more than asked. "Silence disk on web-1 for 1h" holds every detector\'s disk alerts there; "snooze an_… for 1h" holds one alert; a detector or rule is changed in config ("what thresholds are set?")',
    };
  // "Mute everything except db-1" had silenced db-1: a silence names what it holds, never what it leaves out.
  if (/\b(?:except|but not|other than|apart from|excluding|besides)\b/.test(text))
    return {
      kind: 'bad_input',
      reason:
        'Nothing silenced: a silence names what it holds and cannot leave a target or metric out. Silence the others one at a time ("snooze web-1 for 1h"), or a metric for all targets ("mute disk alerts for 1h")',
    };
  // "Schedule maintenance on db-1 for the quietest hour" had silenced db-1 now: a time only I could work out is asked for.
  if (UNSAID_TIME.test(text))
    return {
      kind: 'bad_input',
      reason:
        'Nothing silenced: say when, as a time ("maintenance on db-1 from 02:00 to 03:00", UTC). "When is the quietest hour?" or "when is db-1 least busy?" says which hour is quietest',
    };
  // "Mute db-1 during the maintenance window": a time I am not told, unless a length or times are said too.
  if (
    UNKNOWN_WINDOW.test(text) &&
    parseDuration(text) === undefined &&
    !/\b(?:until|till|til|from|between)\b|\d:\d\d|\d\s*(?:am|pm)\b/.test(text)
  )
    return {
      kind: 'bad_input',
      reason:
        'Nothing silenced: I don\'t know when that is. Say when it starts and ends ("mute db-1 from 22:00 to 23:00 for maintenance", UTC), or a length from now ("mute db-1 for 2h: deploy")',
    };
  if (/\bfor\s+0+(?:\.0+)?\s*(?:s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)?\b/.test(text))
    return {
      kind: 'bad_input',
      reason: 'Nothing silenced: a silence of no time holds nothing. Give a length ("for 30m", "for 2h") or an end ("until 15:00")',
    };
  // "Mute all warnings for 1h" had silenced every alert: a severity word is the silence's severity,
  // and one a silence cannot hold (info, p2) is refused rather than dropped. Said of one alert
  // ("snooze this critical alert" in its thread) it only describes it.
  const sev = o.anomalyId ? undefined : SEVERITY_WORD.exec(text)?.[0];
  const severity = severityMeant(text, sev ? (/^crit/.test(sev) ? 'critical' : /^warn/.test(sev) ? 'warning' : undefined) : undefined);
  if (sev && !severity)
    return {
      kind: 'bad_input',
      reason: `Nothing silenced: a silence holds warning or critical alerts ("mute warnings for 1h"), not "${sev}"; or name a target or a metric`,
    };
  // The weekend first: as a window of figures it would end on Saturday's 48th hour, which a silence says as Monday.
  // "Till this evening" is an end, not the evening's window.
  const ahead = UNTIL_PART.test(text) ? undefined : (weekendOf(text) ?? scheduleOf(text));
  // "Don't alert me about disk today", "mute db-1 for the rest of the day": until the next midnight (UTC).
  const restOfDay =
    !ahead &&
    parseDuration(text) === undefined &&
    /\b(?:today|for the day|(?:the )?rest of (?:the )?day|end of (?:the )?day|eod)\b/.test(text)
      ? ({ minute: 0 } satisfies ClockTime)
      : undefined;
  // "Until end of business", "till cob": the next 17:00, where business hours end (answer-daypart.ts).
  const business =
    !ahead && parseDuration(text) === undefined && /\b(?:end|close) of (?:the )?business(?: day)?\b|\bcob\b|\beob\b/.test(text)
      ? ({ minute: 17 * 60 } satisfies ClockTime)
      : undefined;
  const until = findUntil(untilDayAt9(text)) ?? datedUntil(untilDayAt9(text)) ?? ahead?.until ?? restOfDay ?? business;
  // "Silence web-1 tomorrow", "snooze db-1 later" had silenced now: a start said but not read is asked for, never taken as now.
  if (!ahead && !until && STARTS_LATER.test(text) && !/\b(?:until|till|til)\b/.test(text))
    return {
      kind: 'bad_input',
      reason:
        'Nothing silenced: say when it starts and ends ("silence web-1 tomorrow 02:00-04:00", "mute db-1 from 22:00 to 23:00", UTC), or silence it now for a length ("snooze web-1 for 2h")',
    };
  // "Snooze web-1 until it recovers": a silence ends at a time; what ends with the alert is an acknowledgement.
  if (!until && UNTIL_RECOVERED.test(text) && parseDuration(text) === undefined)
    return {
      kind: 'bad_input',
      reason: `Nothing silenced: a silence ends at a time, not when an alert clears. To stop the reminders until it does, acknowledge it ("ack ${o.target ?? 'an_…'}": it stays open with no reminders, and a new alert there is posted as usual); "tell me when ${o.target ?? 'web-1'} recovers" pings you then. Or silence it for a length ("snooze ${o.target ?? 'web-1'} for 2h")`,
    };
  if (!until && /\b(?:until|till|til)\b/.test(text) && parseDuration(text) === undefined)
    return {
      kind: 'bad_input',
      reason:
        'I could not read when the silence should end, so nothing was silenced. Give a time or a length: "until 09:00" (UTC, the next such time), "until tomorrow 09:00", "until monday 09:00", "until dec 12 09:00", "for 8h" or "for 2d"',
    };
  return {
    kind: 'silence',
    target: o.target,
    metric: o.metric,
    durationMs: parseDuration(text) ?? 3_600_000,
    unknownTarget: o.unknownTarget,
    ...(o.several ? { several: o.several } : {}),
    ...(o.all ? { all: true } : {}),
    ...(ahead ? { from: ahead.from } : {}),
    ...(until ? { until } : {}),
    ...(o.anomalyId && !o.target ? { anomalyId: o.anomalyId } : {}),
    ...(reason ? { reason } : {}),
    ...(severity ? { severity } : {}),
  };
}

// "Tomorrow", "later", "next week": a start, with no time read for it.
const STARTS_LATER = new RegExp(
  String.raw`\b(?:${LATER_SAID}|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this (?:afternoon|weekend))\b`,
);
// "For the quietest hour", "at the best time", "during the least busy window": a time to be worked out, not said.
const UNSAID_TIME =
  /\b(?:for|at|during|in) (?:the|a) (?:quietest|calmest|least busy|best|ideal|right|optimal|most convenient|lowest[\s-]traffic|off[\s-]peak|slowest|next quiet) (?:hour|time|window|slot|period|moment|part of the day)\b|\b(?:at|during) off[\s-]?peak\b/;

// "During the maintenance window", "through the deploy": a stretch whose times only the team knows ("during maintenance", "for
// maintenance" and "while I deploy" are said of now, and silence now).
const UNKNOWN_WINDOW =
  /\b(?:during|through(?:out)?) (?:the |our |this |tonight'?s |the planned |the scheduled )(?:maintenance|deploy(?:ment)?|release|rollout|migration|upgrade|patching|backups?|batch(?: jobs?| run)?|nightly (?:jobs?|run)|etl)\b|\b(?:maintenance|change|deploy(?:ment)?|backup|batch|patch(?:ing)?|release|etl|cron) window\b/;

// "Until it recovers", "till web-1 is back to normal": the alert's end, not a time.
const UNTIL_RECOVERED =
  /\b(?:until|till|til)\s+(?:it|this|that|they|the (?:alert|issue|problem|incident|host|server|cpu|disk|memory|latency)|[a-z]+-\d+)\s+(?:is\s+|gets\s+|has\s+|goes\s+|comes\s+)?(?:recover(?:s|ed)?|clears?|cleared|resolves?|resolved|fixed|back(?: up| to normal)?|healthy|normal|away|down|calms down|settles)\b/;
const SEVERITY_WORD = /\b(?:critical|crit|warnings?|warn|info|p[1-5]|sev(?:erity)?[\s-]?\d?)\b/;
const REASON = /\s*:\s+(?=\S)|\s+(?:because(?:\s+of)?|due\s+to|reason:?)\s+(?=\S)/i;
/** A silence's reason at most: a line in a list, not a document. */
export const REASON_MAX = 200;

/** The command and its reason, split at the first ": ", "because", "due to" or "reason". */
export function splitReason(s: string): { head: string; reason?: string } {
  const m = REASON.exec(s);
  if (!m) return { head: s };
  const reason = s
    .slice(m.index + m[0].length)
    .replace(/[<>&]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, REASON_MAX);
  return { head: s.slice(0, m.index), ...(reason ? { reason } : {}) };
}

/**
 * "Remove the silence on web-1", "end sl_…", "extend the snooze on db-1 by 1h": a command on a silence
 * that leads with another verb than the silence words. Without this they listed the silences.
 */
const MAINTENANCE_END =
  /^(?:please\s+)?(?:cancel|end|stop|lift|call off|abort|drop|remove|delete)\s+(?:the\s+|my\s+|our\s+|that\s+)?(?:scheduled\s+|planned\s+)?maintenance\b/;

/** "Cancel that silence", "undo my last snooze", "unmute what I just muted": the asker's latest silence. */
export const MY_SILENCE =
  /\b(?:that|this|my|my last|the last|my latest|the latest)\s+(?:silence|snooze|mute)\b|\b(?:the )?(?:silence|snooze|mute) i (?:just )?(?:made|set|added|created)\b|\bwhat i (?:just )?(?:muted|silenced|snoozed)\b/;

export function silenceEdit(
  text: string,
  verb: string | undefined,
  o: {
    sl?: string | undefined;
    target?: string | undefined;
    metric?: MetricKey | undefined;
    unknownTarget?: string | undefined;
    all?: boolean;
  },
): Intent | undefined {
  if (!verb || text.trim().endsWith('?')) return undefined;
  // "Cancel the maintenance on db-1": the silence scheduled ahead for it (chat.muteTimes are config).
  // "End / stop the maintenance" is the one in force now; "cancel" the one scheduled ahead.
  if (!o.sl && MAINTENANCE_END.test(text))
    return {
      kind: 'unsilence',
      ...(o.target ? { target: o.target } : {}),
      maintenance: /^(?:please\s+)?(?:end|stop|lift|finish|close)\b/.test(text) ? 'now' : true,
    };
  // "Extend it by an hour": the silence the last reply named (chat-service.ts fills it in).
  const extendIt = EXTEND_VERBS.has(verb) && /\b(?:it|this|that)\b/.test(text);
  if (!o.sl && !extendIt && !/\b(?:silences?|snoozes?|mutes?|silenced|snoozed|muted)\b/.test(text)) return undefined;
  if (LIFT_VERBS.has(verb))
    return {
      kind: 'unsilence',
      id: o.sl,
      target: o.target,
      ...(o.sl || o.target ? {} : MY_SILENCE.test(text) ? { mine: true } : o.all ? { all: true } : {}),
    };
  if (!EXTEND_VERBS.has(verb)) return undefined;
  const asked = silenceCommand(text, { target: o.target, metric: o.metric, unknownTarget: o.unknownTarget });
  return asked.kind === 'silence' ? { ...asked, extend: o.sl ? { id: o.sl } : {} } : asked;
}

/**
 * "Mute db-1 from 22:00 to 23:00", "silence web-1 tomorrow 02:00-04:00", "snooze api-1 at 14:00 for 30m",
 * "mute web-1 overnight": a silence that begins later. "Until 15:00" alone ends one that begins now.
 */
function scheduleOf(said: string): { from: ClockTime; until?: ClockTime } | undefined {
  const text = said.replace(/[–—]/g, '-');
  // Said of a silence, the night is the coming one, not the last.
  // A time said with it is the window: "tonight 22:00-23:00" is that hour, not 22:00 to 06:00.
  if (
    /\b(?:tonight|overnight|through the night|during the night|for the night)\b/.test(text) &&
    !/\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(?:am|pm)\b|\b(?:from|between|at)\s+\d/.test(text)
  )
    // "Tonight for 2h": from 22:00 for that long.
    return parseDuration(text) === undefined ? { from: { minute: 22 * 60 }, until: { minute: 6 * 60 } } : { from: { minute: 22 * 60 } };
  // "Schedule maintenance on db-1 tomorrow 02:00 for 1h", "mute db-1 tomorrow 2am for 1h": a bare clock
  // time in a silence is when it begins. Read as "at 02:00"; without this the silence began now.
  const bare =
    /(?<!\b(?:until|till|til|to|at|from|by|before|after|since|between|and)\s+(?:(?:today|tonight|tomorrow|(?:next\s+)?[a-z]+day|on\s+[a-z]+)\s+)?)\b(?:\d{1,2}:\d{2}\b|\d{1,2}(?::\d{2})?\s*(?:am|pm)\b)/.exec(
      text,
    );
  const lead = bare && /^\s*(?:[-–]|to\b|until\b|till\b)/.test(text.slice(bare.index + bare[0].length)) ? 'from' : 'at';
  const plain = findTimeSpan(text);
  // Only an end was read ("tomorrow 02:00 until 03:00"): the bare time before it is the start.
  const endOnly = plain && 'span' in plain && plain.span?.kind === 'range' && /^(?:until|till|til)\b/.test(plain.match);
  const found =
    plain && !endOnly
      ? plain
      : ((bare ? findTimeSpan(`${text.slice(0, bare.index)}${lead} ${text.slice(bare.index)}`) : undefined) ?? plain);
  if (!found || 'zone' in found || !found.span) return undefined;
  const { span, match } = found;
  if (span.kind === 'range' && !/^(?:until|till|til)\b/.test(match))
    return { from: aheadDated(span.from), ...(span.until ? { until: aheadDated(span.until) } : {}) };
  if (span.kind === 'clock' && /^(?:at|from|starting)\b/.test(match)) return { from: aheadDated(span.at) };
  return undefined;
}

/**
 * "Mute web-1 until dec 12 at 9am", "snooze db-1 until the 9th 09:00": an end on a date said by
 * month and day, the next such date. A date with no time is not taken as any hour of it.
 */
function datedUntil(text: string): ClockTime | undefined {
  const m = /\b(?:until|till|til)\s+(?:on\s+)?/.exec(text);
  if (!m) return undefined;
  const rest = `on ${text.slice(m.index + m[0].length)}`;
  const dated = dayDateIn(rest);
  if (!dated?.timed || !rest.startsWith(dated.match) || !mayExist(dated.date)) return undefined;
  const t = findUntil(`until ${rest.slice(dated.match.length).replace(/^\s*at\b/, '')}`);
  if (!t || t.day) return undefined;
  const { day, month, year } = dated.date;
  return {
    ...t,
    day: { dayOfMonth: day, ...(month !== undefined ? { month } : {}), ...(year !== undefined ? { year } : {}), ahead: true },
  };
}

/**
 * "Mute web-1 over the weekend", "silence api-1 this weekend": Saturday 00:00 to Monday 00:00 (UTC),
 * beginning now when said at the weekend. Without this the default hour was silenced.
 */
function weekendOf(text: string): { from: ClockTime; until: ClockTime } | undefined {
  if (!/\b(?:(?:during|over|for|through|throughout|at|on|across)\s+(?:the\s+|this\s+)?|this\s+)weekend\b/.test(text)) return undefined;
  if (findUntil(text) || parseDuration(text) !== undefined) return undefined;
  return { from: { minute: 0, day: { weekday: 6 } }, until: { minute: 0, day: { weekday: 1 } } };
}

/**
 * "Schedule maintenance on db-1 from 22:00 to 23:00", "put web-1 in maintenance for 2h", "create a
 * maintenance window for db-1 tomorrow 02:00-04:00": a silence (one-off; regular windows are
 * chat.muteTimes in the config). "Is there a maintenance window tonight?" asks, and is not this.
 */
export const MAINTENANCE_SET =
  /^(?:please\s+)?(?:(?:can|could) you\s+)?(?:schedule|create|add|set(?:\s+up)?|plan|start|open|put|begin|enter|book)\b(?:\s+\S+){0,6}?\s+(?:in(?:to)?\s+|a\s+|for\s+)?maintenance\b(?!.*\?\s*$)/;

/** "Silences", "is web-1 muted?", "who silenced what this week?": the listing (answer-silences.ts). */
export interface SilencesIntent {
  kind: 'silences';
  /** "Is web-1 muted?": those that cover it. */
  target?: string;
  /** "Who silenced what this week?", "silence history": the ended ones set in that time (the last 24 h otherwise). */
  span?: TimeSpan;
  /** "How many silences this week?", "who silenced the most?": the counts of those set in the span (answer-silence-stats.ts). */
  stats?: boolean;
  /** "Who silenced web-1?", "when does the db-1 silence start?", "what expires soon?": the line it leads with. */
  focus?: SilenceFocus;
  /** "My silences", "silences I set": only the asker's. */
  mine?: boolean;
}

// "What's paused?", "anything on hold?", "is anything being ignored?": the silences in force, not a command.
export const HELD =
  /\b(?:paused|on hold)\b|\b(?:is|are) (?:anything|something|any alerts?|alerts) being ignored\b|\bwhat (?:are|is) (?:we|you) ignoring\b/;
/** "Silence history", "mute log", "who silenced what this week?": the silences listed, not one to set. */
export const SILENCE_LOG =
  /^(?:the\s+|show\s+(?:me\s+)?(?:the\s+)?)?(?:silence|mute|snooze)s?\s+(?:history|log|logs|audit|records?|report|stats|statistics|summary)\b|\bwho (?:silenced|muted|snoozed) what\b/;

// "How many silences were set this week?", "who muted the most?", "average silence length": counted, not listed.
const SILENCE_STATS =
  /\bhow many (?:silences|mutes|snoozes)\b|\bwho (?:silenced|muted|snoozed|silences|mutes|snoozes) (?:the )?most\b|\b(?:average|mean|median|typical) (?:silence|mute|snooze)s? (?:length|duration|time)?\b|\bhow long (?:are|do|were|did) (?:silences|mutes|snoozes) (?:set|last|run)\b|\b(?:silence|mute|snooze)s? (?:stats|statistics)\b/;

/** The span whose ended silences a listing shows: the one said, a week for a history, or none (the last 24 h); counted when asked so. */
export function silenceSpan(
  text: string,
  span: TimeSpan | undefined,
): { span?: TimeSpan; stats?: true; focus?: SilenceFocus; mine?: true } {
  const stats = SILENCE_STATS.test(text) ? { stats: true as const } : undefined;
  const asked = stats ? { ...stats, ...silenceFocus(text, true) } : silenceFocus(text);
  if (span) return { span, ...asked };
  return SILENCE_LOG.test(text) || stats ? { span: { kind: 'last', ms: 7 * 86_400_000 }, ...asked } : asked;
}
