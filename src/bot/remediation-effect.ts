import { figureMetric, formatValue, METRIC_LABEL } from '../core/metrics.js';
import type { Proposal } from '../core/remediation.js';
import { stamp } from '../core/stamp.js';
import type { AnswerContext } from './answer-intent.js';
import { formatDuration } from './text-tools.js';

/** How long after a remediation its metric is read: long enough for a restart to settle. */
export const EFFECT_AFTER_MS = 10 * 60_000;

/** The figure each action is meant to move, for one asked for in chat with no anomaly behind it. */
const ACTION_METRIC: Record<string, string> = { cleanup_disk: 'disk', scale_up: 'cpu', restart_service: 'memory' };

/**
 * "Did the cleanup work?": the figure its anomaly was about when it ran and some minutes after, and
 * when the anomaly ended. Said as what was seen, not as what the action did: other things change a
 * series too, and a dry run or a simulation did nothing at all.
 */
export function effectLine(p: Proposal, c: AnswerContext): string | undefined {
  if (p.state !== 'succeeded' && p.state !== 'failed') return undefined;
  // One asked for in chat has no anomaly behind it: its action's own figure is read instead.
  const a = p.anomalyId ? c.store.getAnomaly(p.anomalyId) : undefined;
  const metric = a ? figureMetric(a) : p.anomalyId ? undefined : ACTION_METRIC[p.action];
  if (!metric) return undefined;
  const target = a?.target ?? p.target;
  const ran = p.updatedTs;
  const later = Math.min(ran + EFFECT_AFTER_MS, c.now);
  const at = (ts: number) => c.store.series(target, metric, ts - 2 * 60_000, ts).at(-1);
  const before = at(ran);
  const after = later > ran ? at(later) : undefined;
  const label = `${target} ${METRIC_LABEL[metric] ?? metric}`;
  // With no anomaly and no reading there is nothing seen to tell.
  if (!a && !before) return undefined;
  const seen =
    before && after
      ? `${label} was ${formatValue(metric, before.value)} when it ran and ${formatValue(metric, after.value)} ${formatDuration(later - ran)} after`
      : before
        ? `${label} was ${formatValue(metric, before.value)} when it ran; nothing read since`
        : `no ${label} reading from when it ran`;
  const ended = !a
    ? 'no alert was behind it (asked for in chat)'
    : a.endTs === null
      ? `${a.id} is still open`
      : a.endTs >= ran
        ? `${a.id} ended ${formatDuration(a.endTs - ran)} after it ran (${stamp(a.endTs)})`
        : `${a.id} had ended before it ran`;
  const caveat =
    p.mode === 'dry_run' || p.executor === 'simulate'
      ? ' (nothing was done: it was a dry run or a simulation, so this is not its effect)'
      : ' (what was seen, not what the action alone did)';
  return `  ${seen}; ${ended}${caveat}.`;
}

/**
 * "Did it work?": a yes, a no or a "not clearly" before the record, from how the run ended and what
 * its anomaly did after. A simulation or a dry run did nothing, so it is never a yes.
 */
export function workedLine(p: Proposal, c: AnswerContext): string {
  if (p.state === 'failed') return `No: ${p.id} failed${p.result ? ` (${p.result.slice(0, 120)})` : ''}.`;
  if (p.state !== 'succeeded') return `Not yet: ${p.id} is ${p.state}.`;
  if (p.mode === 'dry_run' || p.executor === 'simulate')
    return `Nothing really ran: ${p.id} was ${p.mode === 'dry_run' ? 'a dry run' : 'a simulation (executor "simulate")'}, so it cannot have helped; what followed is below.`;
  const a = p.anomalyId ? c.store.getAnomaly(p.anomalyId) : undefined;
  if (!a) return `It ran and succeeded; no alert was behind it, so the figure below is the only sign.`;
  const ran = p.updatedTs;
  if (a.endTs === null) return `Not so far: it ran and succeeded, but ${a.id} is still open ${formatDuration(c.now - ran)} later.`;
  if (a.endTs < ran) return `It ran after ${a.id} had already ended, so there was nothing left for it to fix.`;
  return a.endTs - ran <= EFFECT_AFTER_MS
    ? `It looks so: ${a.id} ended ${formatDuration(a.endTs - ran)} after it ran (other things may have helped too).`
    : `Not clearly: ${a.id} ended only ${formatDuration(a.endTs - ran)} after it ran.`;
}
