import type { Platform } from '../core/chat.js';
import type { AnswerContext } from './answer-context.js';
import { dayDate, dayStart, dayZone } from './day-start.js';
import { stamp } from './format-reply.js';
import { clockTs } from './parse-clock.js';

const HOUR = 3_600_000;
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A day or the weekend asked about ("tomorrow", a weekday 0–6 with 0 Sunday, "weekend", a date's UTC midnight). */
export type OnCallDay = 'tomorrow' | 'weekend' | 'next_week' | number | { date: number };

/**
 * The window a day names, on the asker's calendar: tomorrow; the next such weekday (the rest of
 * today when it is that day); the coming weekend (the rest of this one when it is under way). Pure.
 */
export function dayWindow(day: OnCallDay, now: number, zone?: string): { from: number; until: number; label: string } {
  const today = dayStart(now, zone);
  // A day is 23 to 25 hours across a daylight-saving change: 36 h on is always inside the next one.
  const next = (start: number, n = 1): number => (n <= 0 ? start : next(dayStart(start + 36 * HOUR, zone), n - 1));
  const weekday = (start: number) => new Date(`${dayDate(start, zone)}T00:00:00Z`).getUTCDay();
  const named = (start: number) => `${DAYS[weekday(start)]} ${dayDate(start, zone)}`;
  const z = dayZone(zone);
  if (typeof day === 'object') {
    // The date on the asker's calendar, whole, past or ahead.
    const from = clockTs({ minute: 0, day, ...(zone ? { zone } : {}) }, now);
    return { from, until: next(from), label: `on ${named(from)} (${z})` };
  }
  if (day === 'tomorrow') {
    const from = next(today);
    return { from, until: next(from), label: `tomorrow (${named(from)}, ${z})` };
  }
  const wd = weekday(today);
  if (day === 'next_week') {
    // Monday to Sunday, the week after this one (on a Sunday, the one that starts tomorrow).
    const from = next(today, (8 - wd) % 7 || 7);
    const until = next(from, 7);
    return { from, until, label: `next week (${named(from)} to ${named(next(from, 6))}, ${z})` };
  }
  if (day === 'weekend') {
    const under = wd === 6 || wd === 0;
    const start = wd === 6 ? today : wd === 0 ? dayStart(today - 12 * HOUR, zone) : next(today, 6 - wd);
    const until = next(start, 2);
    return {
      from: under ? now : start,
      until,
      label: `${under ? 'for the rest of this weekend' : 'over the weekend'} (${named(start)} to ${named(next(start))}, ${z})`,
    };
  }
  const ahead = (day - wd + 7) % 7;
  if (ahead === 0) return { from: now, until: next(today), label: `for the rest of today (${named(today)}, ${z})` };
  const from = next(today, ahead);
  return { from, until: next(from), label: `on ${named(from)} (${z})` };
}

/**
 * "Who's on call on friday?", "who has the pager this weekend?", "on call tomorrow": everyone who
 * holds each rotation's pager at any time of that day, with the covers and swaps recorded in chat,
 * not only whoever holds it at this time of day. Pure over the rotation.
 */
export function answerOnCallDay(day: OnCallDay, rotation: string | undefined, c: AnswerContext, me = false): string {
  const onCall = c.onCall!;
  const w = dayWindow(day, c.now, c.zone);
  const names = rotation && onCall.names.includes(rotation) ? [rotation] : onCall.names;
  const lines = [`On call ${w.label}:`];
  // The asker's own turns are marked: "am I on call this weekend?" is answered by the same list.
  const cut = c.asker?.indexOf(':') ?? -1;
  const mine = new Map(
    cut > 0
      ? onCall
          .rotationsOf({ platform: c.asker!.slice(0, cut) as Platform, id: c.asker!.slice(cut + 1) })
          .map((r) => [r.name, r.member.name])
      : [],
  );
  const yours: string[] = [];
  for (const name of names) {
    const held: { who: string; from: number; until: number }[] = [];
    for (let t = w.from; t < w.until && held.length < 48;) {
      const s = onCall.at(t, name);
      const how = !s.cover
        ? ''
        : 'swap' in s.cover
          ? ` (swapped with ${s.rotation.member.name})`
          : ` (covering ${s.rotation.member.name}'s shift)`;
      const who = `${s.member.name}${mine.get(name) === s.member.name ? ' (you)' : ''}${how}`;
      const last = held.at(-1);
      if (last && last.who === who && last.until === s.from) last.until = s.until;
      else held.push({ who, from: s.from, until: s.until });
      if (s.until <= t) break;
      t = s.until;
    }
    const say = (h: (typeof held)[number]) => `${h.who}, ${stamp(h.from)} to ${stamp(h.until)}`;
    for (const h of held)
      if (h.who.includes(' (you)')) yours.push(`${stamp(h.from)} to ${stamp(h.until)}${names.length > 1 ? ` for ${name}` : ''}`);
    if (held.length === 1) lines.push(`${names.length > 1 ? `For ${name}: ` : ''}${say(held[0]!)}: the whole time.`);
    else lines.push(...(names.length > 1 ? [`For ${name}:`] : []), ...held.map((h) => `• ${say(h)}`));
  }
  // "Am I on call this weekend?": the answer first, then who holds it; "was I on call on the 3rd?" in the past.
  const gone = w.until <= c.now;
  const lead = !me
    ? []
    : !mine.size
      ? ['You are in no on-call rotation (chat.onCall), so you have no shift.']
      : yours.length
        ? [`Yes: you ${gone ? 'were' : 'are'} on call ${w.label}, ${yours.join('; ')}.`]
        : [`No: you ${gone ? 'were' : 'are'} not on call ${w.label}.`];
  // One rotation held by one person: one line.
  return [...lead, lines.length === 2 ? `${lines[0]} ${lines[1]}` : lines.join('\n')].join('\n');
}
