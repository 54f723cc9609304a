import type { Intent, MetricKey } from './intent.js';
import { scopeOf } from './scope-of.js';
import type { TimeSpan } from './parse-time-span.js';

// "Compare latency before and after 14:00", "did latency degrade after 14:00?", "how has cpu changed since 10:00?",
// "latency before 14:00 vs after": a time said as a turning point, with a change asked about.
const TURN =
  /\bbefore and after\b|\bbefore\b.*\b(?:vs\.?|versus|against|compared (?:to|with)|and)\s+after\b|\b(?:changed?|degrad\w*|improv\w*|(?:got|gotten|get) (?:worse|better)|go(?:ne|es)? (?:up|down)|went (?:up|down)|rise|rose|drop(?:ped)?|fall|fell|different|differ)\b.*\b(?:since|after)\s+\d|\b(?:since|after)\s+\d.*\b(?:changed?|degrad\w*|improv\w*|worse|better)\b/;

/**
 * A metric before and after a clock time: the time since then against as long just before it (the
 * compare answer's "previous" windows), not the figures of one side alone. Pure; undefined unless a
 * clock time and a change are both asked.
 */
export function beforeAfterQuestion(
  text: string,
  o: { metric?: MetricKey | undefined; target?: string | undefined; named: string[]; span?: TimeSpan | undefined },
): Intent | undefined {
  if (o.span?.kind !== 'range' || !TURN.test(text)) return undefined;
  // "After 14:00" reads as from 14:00; "before 14:00 vs after" as until 14:00.
  const at = /\bbefore\s+\d/.test(text) && o.span.until ? o.span.until : o.span.from;
  if (o.span.from.day && at === o.span.from) return undefined;
  return {
    kind: 'compare',
    against: 'previous',
    from: at,
    ...(o.metric ? { metric: o.metric } : {}),
    ...scopeOf(o),
  };
}
