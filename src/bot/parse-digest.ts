import type { TimeSpan } from './parse-time-span.js';

// "Summarise today", "recap of yesterday", "daily digest", "weekly report", "shift handover", "sitrep".
const DIGEST =
  /\b(?:summari[sz]e|summary|recap|digest|rundown|round-?up|sitrep)\b|\b(?:daily|weekly|morning|nightly|shift|on-?call)\s+(?:report|update)\b|\bhand-?(?:over|off)\b/;
const WEEK = 7 * 86_400_000;

/**
 * Whether an anomaly question asks for a digest (answer-digest.ts), and of what span: the one named,
 * the last 7 days for "weekly", else none (the caller's today). Undefined for no digest, and for a
 * count asked for ("summarise the last 3 anomalies") or the open ones ("summary of open alerts"),
 * which stay lists.
 */
export function digestOf(
  text: string,
  o: { span: TimeSpan | undefined; counted: boolean; open: boolean },
): { span?: TimeSpan } | undefined {
  if (!DIGEST.test(text) || o.counted || o.open) return undefined;
  if (o.span) return { span: o.span };
  return /\bweekly\b/.test(text) ? { span: { kind: 'last', ms: WEEK } } : {};
}
