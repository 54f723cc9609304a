import type { Intent } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';
import { AVAILABILITY } from './uncollected-words.js';

const HEALTHY = /\b(?:healthy|ok|okay|fine|normal|green|alright|all right)\b/;
/** Said of several hosts, these ask for their state too: "status of the web tier", "how is the api doing?". */
const STATE = /\b(?:health|status|state|doing|going|holding up|looking)\b|^how(?:'s|\s+is|\s+are)\b/;

/**
 * "Is the api healthy?", "how are the web servers doing?": one target's overview, or a group's state
 * table with what is open there. A group's had been its figures alone, with no word of its state.
 */
export function healthQuestion(
  text: string,
  o: { target?: string | undefined; named: string[]; metric?: string | undefined; timed: boolean; anomalies: boolean },
): Intent | undefined {
  if (o.metric || o.anomalies) return undefined;
  // "When was api-2 last healthy?": its overview says what is open since when, or when the last one ended.
  if (o.target && HEALTHY.test(text)) return { kind: 'metrics', target: o.target };
  if (o.named.length > 1 && !o.timed && (HEALTHY.test(text) || STATE.test(text))) return { kind: 'status', group: o.named };
  return undefined;
}

/** "Availability of api-2 this week", "uptime % of the fleet", "SLA for db-1": whether data arrived. */
export function availabilityQuestion(
  text: string,
  o: {
    metric?: string | undefined;
    target?: string | undefined;
    named: string[];
    unknownTarget?: string | undefined;
    span?: TimeSpan | undefined;
  },
): Intent | undefined {
  if (o.metric || !AVAILABILITY.test(text)) return undefined;
  return {
    kind: 'availability',
    target: o.target,
    ...(o.named.length > 1 ? { group: o.named } : {}),
    unknownTarget: o.unknownTarget,
    ...(o.span ? { span: o.span } : {}),
    ...(/\bsla\b/.test(text) ? { sla: true } : {}),
  };
}
