import type { RecordEntry } from '../core/ports.js';
import type { AnswerContext } from './answer-intent.js';
import { spanIn } from './answer-metric-span.js';
import { stamp } from './format-reply.js';
import type { TimeSpan } from './parse-time-span.js';
import { nearestRank, tally } from './tally.js';
import { formatDuration } from './text-tools.js';

const WEEK: TimeSpan = { kind: 'last', ms: 7 * 86_400_000 };
const READ_CAP = 10_000;

/**
 * "How many silences were set this week?", "who silenced the most?", "average silence length": the
 * silences set in the span (a week unless said), from the records, counted by who set them and by
 * target, with how long each was set for (extensions counted) and how many were lifted before they
 * ran out. Pure over the store.
 */
export function answerSilenceStats(c: AnswerContext, target?: string, asked?: TimeSpan, by?: string): string {
  const b = spanIn(asked ?? WEEK, c);
  // Lifts and extensions after the span still say how a silence set in it went.
  const recs = c.store.recordsBetween(b.from, c.now + 1, ['silence_added', 'silence_extended', 'silence_lifted'], READ_CAP);
  const added = recs.filter(
    (r) =>
      r.kind === 'silence_added' &&
      r.ts <= b.until &&
      typeof r.data.id === 'string' &&
      (!target || r.data.target === target || r.data.target === '*') &&
      (!by || r.data.actor === by),
  );
  const where = `${by ? ' by you' : ''}${target ? ` covering ${target}` : ''}`;
  if (!added.length) return `No silence was set${where} ${b.label}.`;
  const lengths = added.map((r) => {
    const from = typeof r.data.startsTs === 'number' ? r.data.startsTs : r.ts;
    const until = recs
      .filter((x) => x.kind === 'silence_extended' && x.data.id === r.data.id)
      .reduce((u, x) => (typeof x.data.untilTs === 'number' ? x.data.untilTs : u), Number(r.data.untilTs));
    const lifted = recs.find((x) => x.kind === 'silence_lifted' && x.ts >= r.ts && liftedIt(x, r));
    return { id: String(r.data.id), set: Math.max(0, until - from), early: lifted !== undefined && lifted.ts < until };
  });
  const sorted = lengths.map((l) => l.set).sort((x, z) => x - z);
  const longest = lengths.reduce((m, l) => (l.set > m.set ? l : m));
  const early = lengths.filter((l) => l.early).length;
  const capped = recs.length >= READ_CAP ? 'at least ' : '';
  return [
    `${capped}${added.length} silence${added.length === 1 ? '' : 's'} set${where} ${b.label} (the first ${stamp(added[0]!.ts)}, the last ${stamp(added.at(-1)!.ts)}).`,
    `By who set them: ${tally(added, (r) => String(r.data.actor))}.`,
    `By target: ${tally(added, (r) => (r.data.target === '*' ? 'all targets' : String(r.data.target)))}.`,
    `Set for (extensions counted): median ${formatDuration(nearestRank(sorted, 0.5))}, mean ${formatDuration(sorted.reduce((t, d) => t + d, 0) / sorted.length)}, longest ${formatDuration(longest.set)} (${longest.id}).`,
    `Lifted before they ran out: ${early} of ${added.length}.`,
    '"silence history" lists them; "silences" shows those in force.',
  ].join('\n');
}

/** A lift names the silence, its target, or every silence (once it has begun). */
export const liftedIt = (lift: RecordEntry, added: RecordEntry) =>
  lift.data.id === added.data.id ||
  // "Unsnooze all" and "unsnooze db-1" leave a silence scheduled ahead as it is.
  ((lift.data.all === true || (lift.data.id == null && lift.data.target === added.data.target)) &&
    !(typeof added.data.startsTs === 'number' && lift.ts < added.data.startsTs));
