import type { Anomaly } from '../core/anomaly.js';
import type { AnswerContext } from './answer-intent.js';
import { describeAnomaly, METRIC_LABEL, stamp } from './format-reply.js';
import { tally } from './tally.js';
import { FLAP_REOPENS, seriesOf } from './answer-flapping.js';
import { STARTED, type StartRecord } from '../observability/record-start.js';
import { formatDuration } from './text-tools.js';
import { againstBefore } from './answer-anomaly-change.js';
import { changesLine } from './change-log.js';
import { incidentsLine } from './incidents.js';
import { capacityLine } from './answer-capacity.js';
import { sloLine } from './answer-slo.js';

const LISTED = 5;

/**
 * "Summarise today", "recap yesterday": the counts (`counts`, from the anomaly count answer), then
 * what a reader of a digest looks for next: what is still open, the longest anomalies, and what the
 * remediations of that time came to. Each line is read from the store; nothing is ranked by a guess.
 */
export function digestLines(
  counts: string[],
  list: Anomaly[],
  span: { from: number; until: number; target?: string; changed?: boolean | undefined },
  c: AnswerContext,
): string[] {
  const changes = changesLine(c.store, span.from, Math.min(span.until, c.now), span.target);
  const open = list.filter((a) => a.status === 'open');
  const lengthOf = (a: Anomaly) => (a.endTs ?? c.now) - a.startTs;
  // The critical ones when there are any: a digest's reader wants the worst, then the longest.
  const critical = list.filter((a) => a.severity === 'critical');
  const longest = [...(critical.length ? critical : list)].sort((a, z) => lengthOf(z) - lengthOf(a) || z.startTs - a.startTs).slice(0, 3);
  const proposals = c.store
    .listProposals({ updatedSince: span.from, limit: 10_000, ...(span.target ? { target: span.target } : {}) })
    .filter((p) => p.createdTs >= span.from && p.createdTs < span.until);
  return [
    // "What changed?": the changes recorded lead, and the anomalies follow as what else changed.
    ...(span.changed ? changes : []),
    // The counts' one-line "Still open: 2, the oldest …" is said again, in full, just below; so are the incidents declared.
    ...counts.filter((l) => !l.startsWith('Still open: ') && !l.startsWith('Incidents declared then: ')),
    ...againstBefore(span, c),
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
    ...flappingLine(list, c),
    ...(span.changed ? [] : changes),
    ...incidentsLine(c.store, span.from, Math.min(span.until, c.now), c.now, span.target),
    ...sloLine(c, span.target),
    // A week's digest is where capacity is reviewed; a day's says too little about it.
    ...(Math.min(span.until, c.now) - span.from >= 6 * 86_400_000
      ? capacityLine(span.from, Math.min(span.until, c.now), c, span.target)
      : []),
    ...startsLine(span, c),
    ...handover(span, c),
    'Ask without "summary" for the list.',
  ];
}

/** The series that flapped in the span ("show flapping alerts" has the detail). */
function flappingLine(list: Anomaly[], c: AnswerContext): string[] {
  const flapping = seriesOf(list, c.now).filter((r) => r.reopens >= FLAP_REOPENS);
  if (!flapping.length) return [];
  const shown = flapping.slice(0, 3).map((r) => `${r.series} (re-opened ${r.reopens} times)`);
  return [
    `Flapping: ${shown.join('; ')}${flapping.length > 3 ? `, and ${flapping.length - 3} more` : ''}; "show flapping alerts" has the detail.`,
  ];
}

/** My own restarts in the span, and whether one changed the config: news at handover too. */
function startsLine(span: { from: number; until: number }, c: AnswerContext): string[] {
  const starts = c.store.recordsBetween(span.from, Math.min(span.until, c.now) + 1, [STARTED], 1000);
  if (!starts.length) return [];
  const changed = starts.filter((r) => ((r.data as unknown as StartRecord).changes?.length ?? 0) > 0);
  const last = changed.at(-1);
  return [
    `I restarted ${starts.length === 1 ? 'once' : `${starts.length} times`} (the last at ${stamp(starts.at(-1)!.ts)})${
      last
        ? `; the config changed at ${stamp(last.ts)}: "what changed in the config?"`
        : starts.every((r) => (r.data as unknown as StartRecord).changes !== null)
          ? ', with the same config'
          : ''
    }.`,
  ];
}

/**
 * What the next shift inherits besides the alerts: the notes people left in the span, and the
 * silences scheduled in the next 24 h (a maintenance tonight is news at handover).
 */
function handover(span: { from: number; until: number; target?: string }, c: AnswerContext): string[] {
  const notes = c.store
    .recordsBetween(span.from, Math.min(span.until, c.now) + 1, ['alert_note'], 500)
    .filter((r) => !span.target || r.data.target === span.target);
  const ahead = c.store.chat
    .scheduledSilences(c.now)
    .filter((s) => s.startsTs! - c.now <= 86_400_000 && (!span.target || s.target === span.target || s.target === '*'));
  return [
    ...(notes.length
      ? [
          `Notes left then (${notes.length}${notes.length > 3 ? ', the last 3' : ''}):`,
          ...notes
            .slice(-3)
            .map((r) => `• ${String(r.data.anomaly)} ${String(r.data.target)}, ${String(r.data.actor)}: ${String(r.data.text)}`),
        ]
      : []),
    ...(ahead.length
      ? [
          'Silences scheduled in the next 24 h:',
          ...ahead.map(
            (s) =>
              `• ${s.id}: ${s.target === '*' ? 'all targets' : s.target}${s.metric === '*' ? '' : ` ${METRIC_LABEL[s.metric] ?? s.metric}`} from ${stamp(s.startsTs!)} to ${stamp(s.untilTs)}${s.reason ? `: ${s.reason}` : ''}`,
          ),
        ]
      : []),
  ];
}
