import type { Anomaly } from '../core/anomaly.js';
import { stamp } from '../core/stamp.js';
import type { AnswerContext } from './answer-intent.js';
import { notesOf } from './alert-notes.js';
import { changesBetween } from './change-log.js';
import type { Episode } from './episodes.js';
import { formatDuration } from './text-tools.js';

// Work done just after an episode ended may still be what ended it.
const AFTER_MS = 15 * 60_000;

/**
 * "How was this fixed before?", "what did we do last time?": for each earlier episode, what the
 * records show was done while it was open: remediations that ran, who took the alert on, the notes
 * left on it, and changes recorded on the host. Where nothing was, it is said to have ended on its
 * own, as far as the records go. Records only: nothing is inferred about cause.
 */
export function pastFixLines(episodes: readonly Episode[], c: AnswerContext): string[] {
  if (!episodes.length) return [];
  const lines = episodes.map((e) => {
    const end = e.endTs ?? c.now;
    const ids = new Set(e.members.map((m) => m.id));
    const ran = c.store
      .listProposals({ target: e.target, states: ['succeeded', 'failed'], updatedSince: e.startTs, limit: 50 })
      .filter((p) => ids.has(p.anomalyId) || (p.createdTs >= e.startTs && p.createdTs <= end + AFTER_MS))
      .map((p) => `${p.action} ${p.state === 'succeeded' ? 'ran' : 'failed'} (${p.id}${p.mode === 'dry_run' ? ', a dry run' : ''})`);
    const acks = [...new Set(e.members.flatMap((m: Anomaly) => c.store.chat.ackOfAnomaly(m.id)?.by ?? []))].map(
      (by) => `taken on by ${by}`,
    );
    const notes = e.members
      .flatMap((m) => notesOf(c.store, m, c.now))
      .slice(0, 2)
      .map((n) => `noted ${n.replace(/^• /, '')}`);
    const changes = changesBetween(c.store, e.startTs, end + AFTER_MS, [e.target]).map((x) => `change "${x.text}" (${x.actor})`);
    const done = [...ran, ...acks, ...notes, ...changes];
    const when = `${stamp(e.startTs)}, ${e.endTs === null ? 'still open' : `for ${formatDuration(e.endTs - e.startTs)}`}`;
    return `• ${when}: ${done.length ? done.join('; ') : 'nothing recorded as done: it ended on its own, as far as the records go'}`;
  });
  return [
    `What was done the last ${episodes.length === 1 ? 'time' : `${episodes.length} times`}, from the records (remediations, acks, notes, changes):`,
    ...lines,
  ];
}
