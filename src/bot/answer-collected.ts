import { METRIC_LABEL } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { ALL_METRICS } from './answer-metric-span.js';
import { clock } from './format-reply.js';

/**
 * "What are you watching on web-1?", "what do you collect for db-1?", "why no latency for db-1?":
 * for each host, the metrics it sends now and when each last came, and those other hosts send that
 * it does not (never, or not lately), so a missing figure is said to be missing, not zero.
 */
export function answerCollected(names: readonly string[], c: AnswerContext): string {
  const latest = c.store.latestSamples();
  const fleet = ALL_METRICS.filter((m) => latest.some((s) => s.metric === m));
  const lines = names.map((n) => {
    const mine = latest
      .filter((s) => s.target === n && fleet.includes(s.metric))
      .sort((x, z) => fleet.indexOf(x.metric) - fleet.indexOf(z.metric));
    if (!mine.length) return `${n}: nothing has arrived from it yet.`;
    const fresh = mine.filter((s) => c.now - s.ts <= c.staleAfterMs);
    const stale = mine.filter((s) => c.now - s.ts > c.staleAfterMs);
    const never = fleet.filter((m) => !mine.some((s) => s.metric === m));
    const label = (m: string) => METRIC_LABEL[m] ?? m;
    return [
      `${n}: ${fresh.length ? fresh.map((s) => label(s.metric)).join(', ') : 'no metric lately'}${fresh.length ? ` (latest ${clock(Math.max(...fresh.map((s) => s.ts)))})` : ''}`,
      ...(stale.length ? [`; stopped: ${stale.map((s) => `${label(s.metric)} (last ${clock(s.ts)})`).join(', ')}`] : []),
      ...(never.length
        ? [
            `; none from it: ${never.map((m) => `${label(m)} (${latest.filter((s) => s.metric === m).length} other targets send it)`).join(', ')}`,
          ]
        : []),
      '.',
    ].join('');
  });
  const a = c.about?.();
  return [
    ...lines,
    `Each metric that arrives is checked by the threshold rules set for it${a?.robust ? ', the robust detector (per series)' : ''}${a?.iforest ? ' and the Isolation Forest (CPU, memory, disk and network of a host together)' : ''}; a host that goes quiet opens a silent-host anomaly. A figure no source sends is not collected: the sources (sources in the config file) decide what arrives.`,
  ].join('\n');
}
