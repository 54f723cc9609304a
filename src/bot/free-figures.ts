import type { Sample } from '../core/sample.js';
import type { Store } from '../core/ports.js';
import type { MetricKey } from './parse-intent.js';
import { HOW_MANY_BYTES } from './intent-words.js';

/**
 * "Free disk on db-1", "least free memory", "hosts with under 20% disk left": the store keeps how
 * much is used, so a question about what is free is answered on derived series (100 − used) under
 * their own names. Every ranking, bound and statistic then means what was asked; answering with
 * the used figure would let "least free disk" name the emptiest host.
 */
export const FREE_OF: Partial<Record<MetricKey, string>> = { cpu: 'cpu_idle', memory: 'memory_free', disk: 'disk_free' };

const USED_OF: Record<string, string> = Object.fromEntries(Object.entries(FREE_OF).map(([k, v]) => [v, k]));

const flip = (s: Sample, metric: string): Sample => ({ ...s, metric, value: Math.min(100, Math.max(0, 100 - s.value)) });

/** The store, with the free series readable beside the used ones. Writes go to the store itself. */
export function withFreeFigures(store: Store): Store {
  return {
    ...store,
    latestSamples() {
      const all = store.latestSamples();
      const free = all.flatMap((s) => {
        const f = FREE_OF[s.metric as MetricKey];
        return f ? [flip(s, f)] : [];
      });
      return [...all, ...free];
    },
    series(target, metric, fromTs, untilTs) {
      const used = USED_OF[metric];
      return used ? store.series(target, used, fromTs, untilTs).map((s) => flip(s, metric)) : store.series(target, metric, fromTs, untilTs);
    },
  };
}

// "in GB", "how many MB", "gigabytes free": a size, where only a share is read.
const ABSOLUTE_SIZE =
  /\b(?:in|how many|many|of)\s+(?:[kmgt]i?b|bytes|kilobytes|megabytes|gigabytes|terabytes)\b|\b\d+(?:\.\d+)?\s*(?:[kmgt]i?b|gigabytes|megabytes)\b|\b(?:gigabytes|megabytes|terabytes)\b/;

/** "Free memory on db-1 in GB": memory and disk are read as a share used, never as a size; the reply says so. */
export function sizeAsked(metric: MetricKey, text: string): string | undefined {
  if (metric !== 'memory' && metric !== 'disk') return undefined;
  return ABSOLUTE_SIZE.test(text) ? `${metric} as a size in bytes (only the share used, in %)` : undefined;
}

/** "Which host sends the most data?", "who received the most traffic today?": bytes moved, not a label or a word. */
// A ranking or an amount only: "has db-1 sent any data?" and "sending no data" ask whether it reports.
export const BYTES_MOVED =
  /\b(?:sends?|sent|sending|receives?|received|receiving|uploads?|uploaded|downloads?|downloaded|transfers?|transferred|moves?|moved)\b.*\b(?:most|least|more|less|top|biggest|largest)\s+(?:data|bytes|traffic)\b/;

// "Bytes sent by api-1 today", "data received by db-1": a volume of traffic, said by its bytes.
export const BYTES_SAID = /\b(?:bytes|data|traffic|gb|gigabytes|mb|megabytes)\s+(?:sent|received|transferred|uploaded|downloaded)\b/;

/**
 * "How much data did web-1 send today?", "how many GB did it receive?" is its network traffic;
 * "network out on web-1", "traffic in" one direction ("in" alone is too common to mean one).
 */
export function networkMetric(text: string, metric: MetricKey | undefined): MetricKey | undefined {
  // "How many GB free on db-1?" is room on a disk (a size not read: said), never traffic.
  if (!metric && HOW_MANY_BYTES.test(text) && /\b(?:free|left|available|remaining|spare)\b/.test(text)) return 'disk';
  const m =
    !metric &&
    (/\bhow much data\b(?! (?:do|does) (?:you|we|it|the bot) (?:keep|store|hold))/.test(text) ||
      HOW_MANY_BYTES.test(text) ||
      BYTES_MOVED.test(text) ||
      BYTES_SAID.test(text))
      ? 'network'
      : metric;
  if (m !== 'network') return m;
  const dir =
    /\b(?:network|net|traffic|bandwidth|throughput)[\s_-]*(?:(in)\b(?!\s+(?:(?:the|last|past|this|a|an)\b|\d))|(out)\b)|\b(rx|tx|received|receives?|receiving|sent|sends?|sending|downloaded|uploaded)\b/.exec(
      text,
    );
  // "In the last hour" is a time, "out this week" still a direction.
  return dir ? (/^(in|rx|received|receives?|receiving|downloaded)$/.test(dir[1] ?? dir[2] ?? dir[3]!) ? 'net_in' : 'net_out') : m;
}
