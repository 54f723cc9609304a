import type { Intent, MetricKey } from './intent.js';
import { scopeOf } from './scope-of.js';
import { findTimeSpan, type TimeSpan } from './parse-time-span.js';

// "Cpu this morning vs this afternoon", "compare memory at 09:00 with now", "latency yesterday evening
// against this evening": two times said, one on each side of the word that sets them against each other.
const SPLIT = /\s+(?:vs\.?|versus|against|compared (?:to|with)|than|(?:with|and|to)(?=\s))\s+/g;
const LOOSE = /\b(?:compare|comparing|difference between)\b/;
// "Now" opens the second side ("vs now") or closes the first ("cpu now vs 09:00").
const NOW =
  /^(?:(?:right|just) )?now\b|\bnow$|^(?:the )?current(?:ly)?\b|\bcurrently$|\bat (?:present|the moment)$|^at (?:present|the moment)\b|^(?:the )?latest\b/;
// A bare time on one side ("9am vs 3pm", "09:00 vs 15:00") reads as "at" that time.
const BARE_TIME =
  /(?<!\b(?:at|since|from|until|till|between|and|to|after|before)\s)\b(?=(?:\d{1,2}(?::\d{2})?\s*(?:am|pm)|\d{1,2}:\d{2}|noon|midnight)\b)/g;

/** A time said and the words it was said in ("this morning", "9am", "now"), which head its column. */
export interface SaidSpan {
  span: TimeSpan;
  said: string;
}

const DAY_WORD = /\b(?:yesterday|today|(?:last |on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/;

const sideSpan = (side: string): SaidSpan | undefined => {
  const text = side.replace(/[?!.]+$/, '').trim();
  if (NOW.test(text)) return { span: { kind: 'at', agoMs: 0 }, said: 'now' };
  const found = findTimeSpan(text.replace(BARE_TIME, 'at '));
  if (!found || !('span' in found)) return undefined;
  // "At 10:00 yesterday" is found as "at 10:00": its day goes with it.
  const day = DAY_WORD.exec(text)?.[0];
  const said = found.match.replace(/^(?:at|on)\s+/, '');
  return { span: found.span, said: day && !said.includes(day) ? `${day} ${said}` : said };
};

// Whole days or weeks on both sides ("today vs yesterday", "today vs friday", "today vs same time last week") are the
// same hours set side by side (answer-compare.ts), and so is a bare "vs yesterday" ("cpu since 09:00 vs yesterday").
const dayLevel = (s: TimeSpan) =>
  s.kind === 'day' || (s.kind === 'last' && s.ms >= 86_400_000) || (s.kind === 'range' && s.from.minute === 0 && s.until?.minute === 1440);

/**
 * A metric at two times said, each side its own window or instant ("this morning vs this afternoon",
 * "at 09:00 vs now"), not the first alone. Pure; undefined unless both sides name a time, and for
 * two whole days, which the same-hours comparison answers.
 */
export function twoSpansQuestion(
  text: string,
  o: { metric?: MetricKey | undefined; target?: string | undefined; named: string[]; anomalies: boolean },
): Intent | undefined {
  if (o.anomalies || (!o.metric && !o.target && o.named.length < 2)) return undefined;
  // "Between 9 and 10": one window whose "and" is its own, not a second side.
  const whole = findTimeSpan(text);
  const joined = whole && 'span' in whole && SPLIT.test(whole.match);
  SPLIT.lastIndex = 0;
  if (joined) return undefined;
  for (const m of text.matchAll(SPLIT)) {
    if (!/vs|versus|against|compared|than/.test(m[0]) && !LOOSE.test(text)) continue;
    const a = sideSpan(text.slice(0, m.index));
    const b = sideSpan(text.slice(m.index + m[0].length));
    if (
      !a ||
      !b ||
      (dayLevel(a.span) && dayLevel(b.span)) ||
      a.span.kind === 'day' ||
      b.span.kind === 'day' ||
      JSON.stringify(a.span) === JSON.stringify(b.span)
    )
      continue;
    return { kind: 'compare', against: 'previous', spans: [a, b], ...(o.metric ? { metric: o.metric } : {}), ...scopeOf(o) };
  }
  return undefined;
}
