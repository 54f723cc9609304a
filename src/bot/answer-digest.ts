import type { Anomaly } from '../core/anomaly.js';
import type { AnswerContext } from './answer-intent.js';
import { describeAnomaly, METRIC_LABEL } from './format-reply.js';
import { tally } from './tally.js';
import { formatDuration } from './text-tools.js';

const LISTED = 5;

/**
 * "Summarise today", "recap yesterday": the counts (`counts`, from the anomaly count answer), then
 * what a reader of a digest looks for next: what is still open, the longest anomalies, and what the
 * remediations of that time came to. Each line is read from the store; nothing is ranked by a guess.
 */
export function digestLines(
  counts: string[],
  list: Anomaly[],
  span: { from: number; until: number; target?: string },
  c: AnswerContext,
): string[] {
  const open = list.filter((a) => a.status === 'open');
  const lengthOf = (a: Anomaly) => (a.endTs ?? c.now) - a.startTs;
  // The critical ones when there are any: a digest's reader wants the worst, then the longest.
  const critical = list.filter((a) => a.severity === 'critical');
  const longest = [...(critical.length ? critical : list)].sort((a, z) => lengthOf(z) - lengthOf(a) || z.startTs - a.startTs).slice(0, 3);
  const proposals = c.store
    .listProposals({ updatedSince: span.from, limit: 10_000, ...(span.target ? { target: span.target } : {}) })
    .filter((p) => p.createdTs >= span.from && p.createdTs < span.until);
  return [
    // The counts' one-line "Still open: 2, the oldest …" is said again, in full, just below.
    ...counts.filter((l) => !l.startsWith('Still open: ')),
    ...(open.length
      ? [`Still open (${open.length}):`, ...open.slice(0, LISTED).map((a) => `• ${describeAnomaly(a, c.now)}`)]
      : ['Nothing from then is still open.']),
    ...(open.length > LISTED ? [`…and ${open.length - LISTED} more: ask for "open anomalies".`] : []),
    `${critical.length ? 'Longest critical' : 'Longest'}: ${longest
      .map(
        (a) =>
          `${a.id} ${a.target} ${METRIC_LABEL[a.metric] ?? a.metric} ${formatDuration(lengthOf(a))}${a.status === 'open' ? ' so far' : ''}`,
      )
      .join('; ')}.`,
    proposals.length
      ? `Remediations proposed then: ${proposals.length} (${tally(proposals, (p) => p.state)}); "remediation history" lists them.`
      : 'No remediation was proposed then.',
    'Ask without "summary" for the list.',
  ];
}
