import type { MetricKey } from './intent.js';
import type { NamedDay } from './day-start.js';
import type { ClockTime } from './parse-clock.js';
import type { SaidSpan } from './parse-two-spans.js';

/** "cpu on web-1 vs yesterday": today so far against the same hours a day (or a week) before. */
/** `ranked`: "which host changed the most since yesterday?", the largest change in the average first. */
export type CompareIntent = {
  kind: 'compare';
  metric?: MetricKey;
  target?: string;
  group?: string[];
  /** `previous`: "what changed the most in the last hour?", the last `windowMs` against the same length before it. */
  against: 'yesterday' | 'last_week' | 'previous';
  /** "This week vs last week": with `against` 'last_week', the week so far (from Monday 00:00) against the same stretch a week before. */
  week?: boolean;
  /** "Today vs friday": that day's same hours, with `against` 'yesterday'. */
  day?: NamedDay;
  /** "Before and after 14:00": with `against` 'previous', the time since then against as long before it. */
  from?: ClockTime;
  /** "This morning vs this afternoon", "at 09:00 vs now": each side its own window or instant (answer-compare-spans.ts); `against` is unused. */
  spans?: [SaidSpan, SaidSpan];
  windowMs?: number;
  ranked?: boolean;
  /** "Which host improved the most?" (down first), "what got worse?" (up first): a ranking one way. */
  direction?: 'better' | 'worse';
};
