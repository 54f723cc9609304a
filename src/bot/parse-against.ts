import { namedDayOf, type NamedDay } from './day-start.js';
import { AGAINST, COMPARED } from './intent-words.js';

/**
 * "cpu on web-1 vs yesterday", "web-1 today compared to last week", "cpu today vs friday": the same hours then, side by
 * side. A day inside a clock window ("from yesterday 17:00 to today 09:00") is the window's own,
 * so the window's words (`clock`, the time phrase found) are left out first. Pure.
 */
export function againstAsked(
  text: string,
  clock: string | undefined,
): { against: 'yesterday' | 'last_week'; day?: NamedDay; week?: true } | undefined {
  const said = clock && /\d/.test(clock) ? text.replace(clock, ' ') : text;
  // "cpu today vs friday": that day's same hours, as "vs yesterday" is the day before's.
  const day = /\btoday\b/.test(said) && COMPARED.test(said) ? namedDayOf(said) : undefined;
  if (day) return { against: 'yesterday', day };
  const against = COMPARED.test(said) || /\btoday\b/.test(said) ? AGAINST.exec(said)?.[0] : undefined;
  if (!against) return undefined;
  // "Memory this week vs last week": the week so far, not today, against the same stretch a week before.
  if (against !== 'yesterday' && /\bthis week\b|\bweek to date\b|\bwtd\b/.test(said)) return { against: 'last_week', week: true };
  return { against: against === 'yesterday' ? 'yesterday' : 'last_week' };
}
