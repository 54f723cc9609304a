import type { Intent, MetricKey } from './intent.js';
import { scopeOf } from './scope-of.js';
import { listSpan } from './parse-list-shape.js';
import type { TimeSpan } from './parse-time-span.js';

const HOW_OFTEN = /\bhow (?:often|frequently)\b|\bhow many times\b/;
// Something going wrong, said as people say it of a host: what a count of anomalies answers.
const DOWN = String.raw`(?:go(?:es)?|went|gone) (?:down|offline|dark|silent|away)|crash(?:es|ed)?|die[sd]?|(?:stop|stops|stopped) (?:reporting|responding)|(?:become|becomes|became) unreachable`;
const FULL = String.raw`fill(?:s|ed)? up|(?:get|gets|got) full|(?:run|runs|ran) out(?! of (?:memory|ram|cpu))`;
const TROUBLE = String.raw`max(?:es|ed)? out|overload(?:s|ed)?|(?:get|gets|got) (?:overloaded|slow|hot)|(?:act|acts|acted) up|misbehave[sd]?|(?:break|breaks|broke)|(?:run|runs|ran) out of (?:memory|ram|cpu)`;
const EVENT = new RegExp(String.raw`\b(?:${DOWN}|${FULL}|${TROUBLE})\b`);

/**
 * "How often does monitoring-1 disk fill up?", "how often does db-1 go down?", "how many times did
 * api-1 max out this week?": how many times it went wrong, counted as anomalies (the disk's when it
 * fills, the silent-host detector's when it goes down), with the rate over the time watched. Pure;
 * undefined when not asked so.
 */
export function howOftenQuestion(
  text: string,
  o: { metric?: MetricKey | undefined; target?: string | undefined; named: string[]; span?: TimeSpan | undefined },
): Intent | undefined {
  if (!HOW_OFTEN.test(text) || !EVENT.test(text)) return undefined;
  const down = new RegExp(String.raw`\b(?:${DOWN})\b`).test(text);
  const metric: MetricKey | undefined =
    o.metric ??
    (new RegExp(String.raw`\b(?:${FULL})\b`).test(text) ? 'disk' : /\bout of (?:memory|ram)\b/.test(text) ? 'memory' : undefined);
  return {
    kind: 'anomalies',
    limit: 5,
    count: true,
    ...scopeOf(o),
    ...(down && !o.metric ? { silent: true } : metric ? { metric } : {}),
    ...listSpan(o.span),
  };
}
