import type { MetricKey } from './intent.js';
import { scopeOf } from './scope-of.js';
import type { TimeSpan } from './parse-time-span.js';

/** "Did anything flatline?", "is web-1 cpu stuck?", "did anything drop to zero today?" (answer-flatline.ts). */
export interface FlatlineIntent {
  kind: 'flatline';
  target?: string;
  group?: string[];
  metric?: MetricKey;
  /** Where to look for readings at zero; the last 24 h otherwise. */
  span?: TimeSpan;
  /** "Did anything drop to zero?": the readings at zero lead. */
  zero?: boolean;
}

// A series that stopped moving, or fell to nothing: a stuck exporter or a dead service, not a figure.
const FLAT =
  /\bflat[\s-]?lin\w*|\bstopped (?:changing|moving|updating)\b|\b(?:not|isn'?t|aren'?t) (?:changing|moving|updating)\b|\b(?:hasn'?t|haven'?t) (?:changed|moved)\b|\b(?:drop(?:s|ped)?|went|gone|go(?:es)?|fell|falls?|fall) (?:down )?to (?:zero|0)(?![\d.%])|\bzeroed\b|\bfrozen (?:metrics?|series|values?|readings?|graphs?)\b/;
const STUCK = /\bstuck\b/;
const FIGURE = /\b(?:metrics?|series|values?|readings?|figures?|exporters?|gauges?|graphs?|numbers?)\b/;
// "Is the pipeline stuck?", "stuck proposals", "stuck approvals" are other questions.
const NOT_FIGURES =
  /\b(?:pipeline|ticks?|proposals?|approvals?|remediations?|restarts?|deploy\w*|queue|outbox|backlog|incidents?|alerts?)\b/;

/** Pure; undefined when not asked. */
export function flatlineQuestion(
  text: string,
  o: { metric?: MetricKey | undefined; target?: string | undefined; named: string[]; span?: TimeSpan | undefined },
): FlatlineIntent | undefined {
  if (NOT_FIGURES.test(text)) return undefined;
  const stuck = STUCK.test(text) && (FIGURE.test(text) || Boolean(o.metric));
  if (!FLAT.test(text) && !stuck) return undefined;
  return {
    kind: 'flatline',
    ...scopeOf(o),
    ...(o.metric ? { metric: o.metric } : {}),
    ...(o.span ? { span: o.span } : {}),
    ...(/\b(?:zero|0)\b|\bzeroed\b/.test(text) ? { zero: true } : {}),
  };
}
