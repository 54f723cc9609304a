import { findClock, weekdayPhrase, type ClockSpan, type ClockTime } from './parse-clock.js';
import { findCalendarSpan } from './parse-calendar.js';
import { dayDateIn, mayExist, noSuchDate } from './parse-day-date.js';
import { scopeOf } from './scope-of.js';
import type { MetricKey } from './intent.js';
import { SPOKEN, SPOKEN_COUNTS } from './text-tools.js';

/**
 * The time a metrics question is about, relative to when it is answered: "an hour ago", "over the
 * last 6h", "today", "yesterday" (UTC days), or a time of day ("at 10:00", "since 09:30",
 * "between 9 and 10am": parse-clock.ts); and the statistic it asks for ("peak", "average").
 * Pure: text in, span out; the answer turns it into timestamps.
 */
export type TimeSpan = { kind: 'at'; agoMs: number } | { kind: 'last'; ms: number } | { kind: 'day'; daysBack: 0 | 1 } | ClockSpan;

/** A percentile is `p` and its rank: "p95", "95th percentile", "median" (p50). */
/** `sd`: the standard deviation ("how variable"); `quantiles`: p50, p90, p95 and p99 together ("latency percentiles"). */
export type Stat = 'max' | 'min' | 'avg' | 'sd' | 'quantiles' | `p${number}`;

const UNITS = 'weeks?|wks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s';
// Counts in digits or in words ("a few", "half an"), as lengths are read everywhere (text-tools.ts).
const COUNTS = `\\d+(?:\\.\\d+)?|${SPOKEN_COUNTS}`;
const WORD_COUNTS = SPOKEN;
const AGO = new RegExp(`\\b(${COUNTS})\\s*(${UNITS})\\s+ago\\b`);
const LAST = new RegExp(`\\b(?:last|past|previous)\\s+(?:(${COUNTS})\\s*)?(${UNITS})\\b`);
// "average over 24h", "peak across the 6 hours", "the 24h average", "a 7-day peak": a window ending now.
// "Lasted over 5 minutes", "firing for over 2 hours": a length, not a window.
const OVER = new RegExp(
  `\\b(?:(?<!\\b(?:lasted|lasting|took|for|open|firing|been|ran)\\s)over|across|during|within|throughout)\\s+(?:the\\s+)?(${COUNTS})\\s*(${UNITS})\\b`,
);
const SIZED = new RegExp(
  `\\b(\\d+(?:\\.\\d+)?)\\s*-?\\s*(${UNITS})\\s+(?:average|avg|mean|peak|max|maximum|min|minimum|high|low|median|p\\d{1,2}|percentile|window|trend|chart|graph|history|range)\\b`,
);
// "cpu 1h web-1", "alerts 24h", "db-1 mem 7d": a compact duration on its own, as chat shorthand writes a
// window. Not after a word that makes it a length ("for 2h", "in 2h", "snooze 2h") or before "ago".
const BARE =
  /(?<!\b(?:for|in|after|within|every|each|per|by|until|till|extend\w*|snooze\w*|mute\w*|silence\w*|quiet\w*|hold\w*|wait\w*|remind\w*|lasts?|lasted|of)\s+)(?<![\w.:-])(\d{1,3})(min|m|h|d|w)(?![\w.:-])(?!\s+ago\b)/;
const DAY_PARTS = { morning: [6, 12], afternoon: [12, 18], evening: [18, 22] } as const;

// Longer than retention is never stored; a year bounds what a typo ("10000 days") can ask for.
export const MAX_SPAN = 366 * 86_400_000;

function unitMs(u: string): number {
  if (u.startsWith('w')) return 7 * 86_400_000;
  if (u.startsWith('d')) return 86_400_000;
  if (u.startsWith('h')) return 3_600_000;
  if (u.startsWith('m')) return 60_000;
  return 1000;
}

function amount(count: string | undefined, unit: string): number | undefined {
  const n = count === undefined ? 1 : /^\d/.test(count) ? Number(count) : WORD_COUNTS[count];
  if (n === undefined || !Number.isFinite(n) || n <= 0) return undefined;
  return Math.min(n * unitMs(unit), MAX_SPAN);
}

/**
 * `text` is already cleaned and lower-cased. `match` is the phrase, so its count is not read twice.
 * `zone` is what is refused: a time zone abbreviation that is not read (see parse-clock.ts), or a
 * clock time that is none ("25:00"); zoneRefusal says which.
 */
export function findTimeSpan(text: string): { span: TimeSpan; match: string } | { zone: string } | undefined {
  // "At 25:00", "since 10:75", "between 10:00 and 27:00", "mute db-1 99:99 for 1h": a time that is no
  // time is refused, never read as now or dropped from a range.
  const bad = [...text.matchAll(/\b(\d{1,2}):(\d{2})\b/g)].find(
    (m) => Number(m[1]) > 24 || Number(m[2]) > 59 || (Number(m[1]) === 24 && Number(m[2]) > 0),
  );
  if (bad) return { zone: `${bad[1]}:${bad[2]}` };
  // "On 2026-13-45", "2026-02-30": a date that is no date is refused, not dropped for now.
  const badDate = [...text.matchAll(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g)].find((m) => {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]);
  });
  if (badDate) return { zone: badDate[0] };
  // "On february 30", "on the 32nd": refused the same way.
  const dated = dayDateIn(text);
  if (dated && !mayExist(dated.date)) return { zone: dated.match.replace(/^(?:on|for)\s+/, '') };
  const calendar = findCalendarSpan(text);
  if (calendar) return calendar;
  const clock = findClock(text);
  if (clock) return clock;
  const ago = AGO.exec(text);
  if (ago) {
    const ms = amount(ago[1], ago[2]!);
    if (ms) return { span: { kind: 'at', agoMs: ms }, match: ago[0] };
  }
  const last = LAST.exec(text);
  if (last) {
    // "The last hour and a half": half the unit more.
    const half = /^\s+and a half\b/.exec(text.slice(last.index + last[0].length));
    const ms = amount(last[1], last[2]!);
    if (ms) return { span: { kind: 'last', ms: half ? ms + unitMs(last[2]!) / 2 : ms }, match: last[0] + (half?.[0] ?? '') };
  }
  for (const re of [OVER, SIZED]) {
    const m = re.exec(text);
    const ms = m ? amount(m[1], m[2]!) : undefined;
    if (m && ms) return { span: { kind: 'last', ms }, match: m[0] };
  }
  const bare = BARE.exec(text);
  if (bare) {
    const ms = amount(bare[1], bare[2]!);
    if (ms) return { span: { kind: 'last', ms }, match: bare[0] };
  }
  // "The highest memory ever", "all-time peak": all that is stored; the reply says where that starts.
  const ever = /\b(?:ever|all[\s-]time|since (?:the )?(?:start|beginning))\b/.exec(text);
  if (ever) return { span: { kind: 'last', ms: MAX_SPAN }, match: ever[0] };
  // "The last month", "past month": the last 30 days ("last month" and "this month" are calendar months: parse-calendar.ts).
  const month = /\b(?:the\s+)?(?:last|past)\s+month\b/.exec(text);
  if (month) return { span: { kind: 'last', ms: 30 * 86_400_000 }, match: month[0] };
  const fortnight = /\b(?:(?:the\s+)?(?:last|past|previous|this)|over\s+(?:a|the))\s+fortnight\b/.exec(text);
  if (fortnight) return { span: { kind: 'last', ms: 14 * 86_400_000 }, match: fortnight[0] };
  // "Over the weekend": the latest Saturday (today included) to the Monday after it, in UTC; the reply names the days, and a weekend still under way ends now. "By the
  // weekend", "for the weekend" are ahead: a deadline or a length, not a window.
  const weekend =
    /(?<!\b(?:by|until|till|before|for|next|after)\s+)\b(?:(?:over|during|on|at|through)\s+)?(?:the|this|last|past|previous)\s+weekend\b/.exec(
      text,
    );
  if (weekend) {
    // "Last weekend" on a Sunday is the one before: the Saturday ahead of the latest Sunday before today.
    const last = /\b(?:last|past|previous)\s+weekend\b/.test(weekend[0]);
    const [day, start] = last ? [{ weekday: 0, before: true }, -1440] : [{ weekday: 6 }, 0];
    return { span: { kind: 'range', from: { minute: start, day }, until: { minute: start + 2 * 1440, day } }, match: weekend[0] };
  }
  // "This week" reads as the last seven days: the reply names the window, so a Monday-based week is not guessed.
  // "Summarise the week on web-1", "web-1's week" are that too ("day of the week", "the week before" are not).
  const week =
    /\bthis week\b|(?<!\b(?:of|per|a|each|every)\s)(?:\bthe|(?<=\w)['’]s) week\b(?!\s+(?:before|after|ahead|of|to come|end)\b|end)/.exec(
      text,
    );
  if (week) return { span: { kind: 'last', ms: 7 * 86_400_000 }, match: week[0] };
  // "Overnight", "last night": 22:00 the day before to 06:00 today, in UTC like every time here; the
  // reply names the window, so a reader in another zone sees which night was read.
  // "Since this morning", "since last night": from when that part began, up to now.
  const since = (m: RegExpExecArray) => /\b(?:since|from)\s+$/.test(text.slice(0, m.index));
  const night = /\b(overnight|last night|during the night|through the night|while (?:i|we) (?:was|were) (?:asleep|sleeping))\b/.exec(text);
  if (night) {
    const from = { minute: 22 * 60, day: { daysBack: 1 } };
    return {
      span: since(night) ? { kind: 'range', from } : { kind: 'range', from, until: { minute: 6 * 60, day: { daysBack: 0 } } },
      match: night[0],
    };
  }
  // "This morning", "yesterday afternoon": a part of the day, in UTC (06–12, 12–18, 18–22).
  const part = /\b(this|yesterday)\s+(morning|afternoon|evening)\b/.exec(text);
  if (part) {
    const [from, until] = DAY_PARTS[part[2] as keyof typeof DAY_PARTS];
    const day = { daysBack: part[1] === 'yesterday' ? 1 : 0 } as const;
    const start = { minute: from * 60, day };
    return {
      span: since(part) ? { kind: 'range', from: start } : { kind: 'range', from: start, until: { minute: until * 60, day } },
      match: part[0],
    };
  }
  // "In the evening", "at lunchtime", "in the early hours": that part of today (lunch 12–14, the early hours 00–06).
  const said =
    /\b(?:in|during) the (morning|afternoon|evening)\b|\b(?:over|during|around) lunch\b|\blunch ?time\b|\b(?:in )?the (?:early|small|wee) hours\b/.exec(
      text,
    );
  if (said && !(said[1] && weekdayPhrase(text))) {
    const [from, until] = said[1] ? DAY_PARTS[said[1] as keyof typeof DAY_PARTS] : /lunch/.test(said[0]) ? [12, 14] : [0, 6];
    const day = { daysBack: 0 } as const;
    return { span: { kind: 'range', from: { minute: from * 60, day }, until: { minute: until * 60, day } }, match: said[0] };
  }
  // "Since yesterday": from yesterday's start up to now, as "since monday" is.
  const yesterday = /\bsince\s+yesterday\b(?!\s+(?:to|until|till|through|-)\b)/.exec(text);
  if (yesterday) return { span: { kind: 'range', from: { minute: 0, day: { daysBack: 1 } } }, match: yesterday[0] };
  if (/\byesterday\b/.test(text)) return { span: { kind: 'day', daysBack: 1 }, match: 'yesterday' };
  // "Last tuesday", "on friday": that whole UTC day.
  const wd = weekdayPhrase(text);
  if (wd) {
    // "Since monday": from that day's start up to now. "Friday morning", "last tuesday afternoon": that part of that day.
    const at = text.indexOf(wd.match);
    const partOf = /^\s+(?:in the\s+)?(morning|afternoon|evening)\b/.exec(text.slice(at + wd.match.length));
    const [from, until] = partOf ? DAY_PARTS[partOf[1] as keyof typeof DAY_PARTS].map((h) => h * 60) : [0, 1440];
    const start = { minute: from!, day: wd.day };
    const match = partOf ? wd.match + partOf[0] : wd.match;
    if (/\b(?:since|from)\s+$/.test(text.slice(0, at))) return { span: { kind: 'range', from: start }, match };
    return { span: { kind: 'range', from: start, until: { minute: until!, day: wd.day } }, match };
  }
  if (/\btoday\b/.test(text)) return { span: { kind: 'day', daysBack: 0 }, match: 'today' };
  return undefined;
}

export function parseStat(raw: string): Stat | undefined {
  // "At least 90%", "at most 10%" are bounds (parse-bound.ts), not a lowest or a highest.
  // "In the last 15 min": a duration's "min" is no minimum.
  const text = raw.replace(/\bat (?:least|most)\s*(?=\d)/g, ' ').replace(/\b\d+(?:\.\d+)?\s*mins?\b/g, ' ');
  const p = /\bp(\d{1,2}(?:\.\d{1,2})?)\b|\b(\d{1,2}(?:\.\d{1,2})?)(?:st|nd|rd|th)? percentile\b/.exec(text);
  const rank = p ? Number(p[1] ?? p[2]) : /\bmedian\b/.test(text) ? 50 : undefined;
  if (rank !== undefined && rank > 0 && rank < 100) return `p${rank}`;
  if (/\b(?:percentiles|quantiles|distribution|histogram)\b/.test(text)) return 'quantiles';
  // "Is cpu stable?" asks how much it varies; "the most stable host" ranks it, least variable first (sdLowFirst).
  if (
    /\b(?:std\s?dev|stdev|standard deviation|variance|variability|variation|(?:most )?(?:variable|spiky|jumpy|erratic|unstable)|spikiest|spikier|jumpiest|volatil\w*|jitter\w*|fluctuat\w*)\b/.test(
      text,
    ) ||
    /\b(?:stable|steady|stablest|steadiest)\b/.test(text)
  )
    return 'sd';
  // "The highest average cpu", "lowest mean latency": averages ranked, not peaks (avgLowFirst).
  if (AVG_RANKED.test(text)) return 'avg';
  if (
    /\b(max|maximum|most|peak|peaked|highest|top|worst|busiest|slowest|fullest)\b|\bhow high (?:did|has|have|had|was|were)\b|\b(?:worked (?:the )?hardest|hardest[- ]working)\b/.test(
      text,
    )
  )
    return 'max';
  if (/\b(min|minimum|lowest|least|quietest|fastest)\b|\bhow low (?:did|has|have|had|was|were)\b|\bbottom\s+\d/.test(text)) return 'min';
  // "Fleet-wide cpu", "overall memory usage": one figure for the targets asked about, their mean (with each below it).
  // "Memory usage across the fleet": the same one figure, with each below it.
  if (
    /\b(avg|average|mean|typical|overall)\b|\bfleet[\s-]wide\b|\bacross (?:the (?:whole )?fleet|all (?:the |our )?(?:hosts|servers|targets|machines))\b/.test(
      text,
    )
  )
    return 'avg';
  // "Hosts sorted by memory": a ranking, highest first unless asked otherwise.
  if (
    /\b(?:sort(?:ed)?|order(?:ed)?|rank(?:ed)?)\s+(?:\w+\s+)?by\b|^(?:the\s+|all\s+)?(?:hosts|targets|servers|machines)\s+by\s+(?!health|role|region|tier|env|label|asg)/.test(
      text,
    ) ||
    // "Disk usage sorted", "sort cpu ascending", "memory high to low": the same ranking with nothing after "by".
    // ("Is the disk issue sorted?" is fixed, not ordered: a bare "sorted" counts only at the end of a read.)
    /^(?:please\s+)?sort\b|^(?!(?:is|are|was|were|has|have|got)\b).*\bsorted(?:\s+(?:asc\w*|desc\w*|(?:high|low)(?:est)? (?:to low(?:est)?|to high(?:est)?|first)))?\s*[?.!]*$|\b(?:in\s+)?(?:asc|desc)(?:ending)? order\b|\b(?:high|low)(?:est)? to (?:high|low)(?:est)?\b/.test(
      text,
    )
  )
    return /\b(?:asc|ascending|smallest first|low(?:est)? (?:to high|first))/.test(text) ? 'min' : 'max';
  return undefined;
}

export const AVG_RANKED =
  /\b(?:highest|lowest|top|most|least|max|maximum|min|minimum|biggest|smallest|largest)\s+(?:[\w-]+\s+)?(?:avg|average|mean)\b|\b(?:by|on) (?:avg|average|mean)\b/;
/** "Which host had the lowest average cpu?": averages ranked lowest first. */
export const avgLowFirst = (text: string): boolean => /\b(?:lowest|least|min|minimum|smallest)\b/.test(text);

/** "The most stable host", "least variable memory": a spread ranked lowest first. */
export const sdLowFirst = (text: string): boolean =>
  /\b(?:most (?:stable|steady|consistent)|stablest|steadiest|least (?:variable|volatile|spiky|jumpy|erratic|unstable|jittery))\b/.test(
    text,
  );

/** Why a time in a zone we do not read is refused, and how to say it instead. */
export function zoneRefusal(zone: string): string {
  const date = zone.includes('/') || /^\d{4}-/.test(zone) ? undefined : dayDateIn(`on ${zone}`)?.date;
  if (date && !mayExist(date)) return noSuchDate(date).replace(/\.$/, '');
  if (/^\d{4}-/.test(zone)) return `${zone} is not a date; write one as year-month-day, e.g. "2026-12-01 14:05"`;
  if (/^\d/.test(zone)) return `${zone} is not a time of day; write one from 00:00 to 23:59 (UTC, or with a zone), e.g. "at 15:00"`;
  const how =
    'write the time in UTC, with its offset or with an IANA zone name, e.g. "at 15:00 UTC", "at 15:00-08:00" or "at 15:00 America/Los_Angeles"';
  return zone.includes('/')
    ? `"${zone}" is not a time zone I know; ${how}`
    : `I read clock times as UTC and do not convert ${zone.toUpperCase()} (an abbreviation can name several zones, and summer time moves it); ${how}`;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/**
 * The count a question asks for ("the last 3 anomalies", "top five hosts"), if any. The span's own
 * number ("in the last 6 hours", passed as `spanMatch`) and a clock time's hour are never a count.
 */
export function countIn(text: string, spanMatch: string | undefined): number | undefined {
  // "In 3 bullets", "in two sentences" shape the reply; they count nothing.
  const counted = (spanMatch ? text.replace(spanMatch, ' ') : text)
    .replace(/\b\d{1,2}:\d{2}(:\d{2})?\b|\b\d{1,2}\s*(am|pm)\b/g, ' ')
    .replace(
      /\b(?:in|as|with)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:short\s+)?(?:bullets?|bullet points?|points?|lines?|sentences?|words?|paragraphs?)\b/g,
      ' ',
    );
  for (const t of counted.split(/[\s,;:!?()"'[\]{}]+/)) {
    if (/^\d{1,3}$/.test(t)) return Number(t);
    if (NUMBER_WORDS[t]) return NUMBER_WORDS[t];
  }
  return undefined;
}

// "When will web-1 disk reach 90%?", "at this rate when does it hit 90%?", "how many hours until db-1 memory hits 90%?":
// when the line gets there, not whether it is there now.
const REACH_BY =
  /\bwhen (?:will|does|do|would|might|could)\b.*\b(?:reach(?:es)?|hits?|get to|gets to|cross(?:es)?|exceeds?|pass(?:es)?|be at|be over|be above|go (?:above|over|past))\b|\bat this rate\b|\bhow long (?:until|till|before)\b|\bhow (?:far|close) (?:is|are)\b.*\b(?:from|to)\b|\bhow (?:many (?:minutes|hours|days|weeks)|much (?:time|longer)) (?:until|till|before|do we have|is left|left)\b/;

/** The level a trend question asks the time to, from its bound ("reach 90%"); undefined when it asks none. */
export const levelAsked = (text: string, bound: { value: number } | undefined): { level?: number } =>
  bound && REACH_BY.test(text) ? { level: bound.value } : {};

/**
 * The window a trend is fitted over: the one said, else a week when the question is in days or
 * weeks ("how many days until db-1 disk is full?"): six hours of line would see no further than a
 * day ahead. The answer fits what is stored of it.
 */
export function trendSpan(text: string, span: TimeSpan | undefined): { span?: TimeSpan; per?: 'day' | 'week' } {
  // "How fast is disk growing per day?": the rate in that unit (the answer fits over at least that long).
  const per = PER_WEEK.test(text) ? { per: 'week' as const } : PER_DAY.test(text) ? { per: 'day' as const } : {};
  if (span) return { span, ...per };
  return /\bhow many (?:days|weeks)\b|\b(?:this|next|within a|in a) week\b|\bby (?:next week|the weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/.test(
    text,
  )
    ? { span: { kind: 'last', ms: 7 * 86_400_000 }, ...per }
    : per;
}

const PER_DAY = /\b(?:per|each|every|a) day\b(?<!\b(?:in|within|once|twice|times) a day)|\/\s?day\b|\bdaily\b|\bday[\s-]on[\s-]day\b/;
const PER_WEEK =
  /\b(?:per|each|every|a) week\b(?<!\b(?:in|within|once|twice|times) a week)|\/\s?week\b|\bweekly\b|\bweek[\s-]on[\s-]week\b/;

const AHEAD_IN = new RegExp(`\\b(?:in|after|within)\\s+(${COUNTS})\\s*(${UNITS})\\b(?!\\s+ago)`);
const AHEAD_NEXT = new RegExp(`\\b(?:the\\s+)?next\\s+(?:(${COUNTS})\\s*)?(${UNITS})\\b`);

/**
 * "In 6 hours", "for the next hour", "over the next 2 days", "tomorrow": how far ahead of now a value
 * is asked for (at most 30 days), or undefined. Pure.
 */
export function aheadAsked(text: string): number | undefined {
  if (/\b(?:by |for |until )?tomorrow\b/.test(text)) return 86_400_000;
  const m = AHEAD_IN.exec(text) ?? AHEAD_NEXT.exec(text);
  const ms = m ? amount(m[1], m[2]!) : undefined;
  return ms === undefined ? undefined : Math.min(ms, 30 * 86_400_000);
}

/** "What will disk be on api-1 in 6 hours?", "how full will it be tomorrow?": a value asked ahead of now, read from the trend's line. */
export const futureValue = (text: string, ahead: number | undefined): boolean =>
  ahead !== undefined &&
  /\bwhat will\b|\bwhere will\b|\bwill (?:it|\S+) be\b|\bhow (?:high|full|much)\b.*\bwill\b|\b(?:going to|gonna) look\b|\bwill (?:it|\S+)(?: \S+)? look\b/.test(
    text,
  );

// "Is the disk on db-1 going to be a problem?", "will memory become an issue on api-1?": where it is heading.
const GOING_TO =
  /\b(?:going to|gonna|will it|will they|will that|will (?:the )?[\w-]+(?: [\w-]+)?) (?:be|become) (?:a |an )?(?:problem|issue|concern)\b/;

/** A metric's trend asked as a worry about what is coming (the trend answer), or undefined. Pure. */
export function goingToQuestion(
  text: string,
  o: { metric?: MetricKey | undefined; target?: string | undefined; named: string[] },
): { kind: 'trend'; metric: MetricKey; target?: string; group?: string[] } | undefined {
  if (!o.metric || !GOING_TO.test(text)) return undefined;
  return { kind: 'trend', metric: o.metric, ...scopeOf(o) };
}

/**
 * "What will cpu be at 18:00?", "how full will db-1 disk be at 6pm?": a value at a clock time still to
 * come, read from the trend's line at the next such time (a time already past today is tomorrow's).
 * A clock with a day said is a reading of then, not this. Pure; undefined otherwise.
 */
export function aheadAtQuestion(
  text: string,
  o: { metric?: MetricKey | undefined; target?: string | undefined; named: string[]; span?: TimeSpan | undefined },
): { kind: 'trend'; metric: MetricKey; target?: string; group?: string[]; aheadAt: ClockTime } | undefined {
  const s = o.span;
  // "How much disk will db-1 use by friday?": the end of the next Friday (UTC), not the Friday gone.
  const day =
    s?.kind === 'range' && s.from.day && 'weekday' in s.from.day && s.until?.minute === 1440 && /\bwill\b|\bgoing to\b/.test(text)
      ? { minute: 1440, day: { weekday: s.from.day.weekday } }
      : undefined;
  if (!o.metric || (!day && (s?.kind !== 'clock' || s.at.day))) return undefined;
  if (
    !/\bwhat will\b|\bwhere will\b|\bwill (?:it|\S+) be\b|\bhow (?:high|full|much|busy)\b.*\bwill\b|\b(?:forecast|predict\w*|projected|expected) \S+(?: \S+)? (?:at|for|by)\b|\b(?:will|going to)\b.*\b(?:by|on|before)\s+[a-z]+day\b/.test(
      text,
    )
  )
    return undefined;
  return { kind: 'trend', metric: o.metric, ...scopeOf(o), aheadAt: day ?? (s as { at: ClockTime }).at };
}
