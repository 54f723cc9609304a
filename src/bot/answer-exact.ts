import { METRIC_LABEL, unitOf } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { metricsOf } from './answer-metric-span.js';
import { clock } from './format-reply.js';
import type { Intent } from './intent.js';

const ROWS = 12;

/**
 * "Exact cpu on web-1", "memory to 3 decimal places": the reply as it was, then the latest stored
 * values themselves, to the places asked; replies round to one decimal everywhere else. Network
 * rates are bytes per second as stored. Pure over the store.
 */
export function withExact(i: Extract<Intent, { kind: 'metrics' }>, said: string, c: Pick<AnswerContext, 'store' | 'targets'>): string {
  if (i.exact === undefined) return said;
  const names = new Set(i.target ? [i.target] : (i.group ?? c.targets.map((t) => t.name)));
  const metrics = new Set([...(metricsOf(i.metric) ?? []), ...(i.more ?? []).flatMap((m) => metricsOf(m) ?? [])]);
  const rows = c.store
    .latestSamples()
    .filter((s) => names.has(s.target) && (metrics.size === 0 || metrics.has(s.metric)))
    .sort((a, z) => a.target.localeCompare(z.target) || a.metric.localeCompare(z.metric));
  if (!rows.length) return said;
  const unit = (m: string) => (unitOf(m) === '%' ? '%' : unitOf(m) ? ` ${unitOf(m)}` : '');
  return [
    said,
    `As stored, to ${i.exact} decimal place${i.exact === 1 ? '' : 's'}:`,
    ...rows
      .slice(0, ROWS)
      .map(
        (s) =>
          `• ${s.target} ${METRIC_LABEL[s.metric] ?? s.metric} ${Number.isInteger(s.value) ? s.value : s.value.toFixed(i.exact)}${unit(s.metric)} (at ${clock(s.ts)})`,
      ),
    ...(rows.length > ROWS ? [`…and ${rows.length - ROWS} more; name a target or a metric.`] : []),
  ].join('\n');
}
