import { AGAINST, COMPARED } from './intent-words.js';

/**
 * "cpu on web-1 vs yesterday", "web-1 today compared to last week": the same hours then, side by
 * side. A day inside a clock window ("from yesterday 17:00 to today 09:00") is the window's own,
 * so the window's words (`clock`, the time phrase found) are left out first. Pure.
 */
export function againstAsked(text: string, clock: string | undefined): 'yesterday' | 'last_week' | undefined {
  const said = clock && /\d/.test(clock) ? text.replace(clock, ' ') : text;
  const against = COMPARED.test(said) || /\btoday\b/.test(said) ? AGAINST.exec(said)?.[0] : undefined;
  if (!against) return undefined;
  return against === 'yesterday' ? 'yesterday' : 'last_week';
}
