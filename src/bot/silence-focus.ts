import type { Silence } from '../core/chat-store.js';
import { METRIC_LABEL } from '../core/metrics.js';
import { stamp } from '../core/stamp.js';
import { formatDuration } from './text-tools.js';

/** What a question about silences asks first: who set them, when a scheduled one starts, which ends next. */
export type SilenceFocus = 'who' | 'starts' | 'ends_next';

// "Who silenced web-1?", "who muted db-1", "who set the silence on web-2?"; "who silenced what" is the log, "the most" the counts.
const WHO =
  /\bwho(?:'s| is| has| had)? (?:silenced|muted|snoozed|silencing|muting|snoozing|set|put|added|created)\b(?! what\b)(?!.*\bmost\b)|\bby whom\b/;
// "When does the db-1 silence start?", "when will the maintenance mute kick in?".
const STARTS = /\bwhen\b.*\b(?:start|starts|begin|begins|kick in|kicks in|take effect|takes effect)\b/;
// "What silences expire soon?", "which silence ends first?", "next to run out".
const ENDS_NEXT =
  /\b(?:expir\w*|end|ends|ending|run out|runs out|running out|lapse\w*)\s+(?:soon|next|first|soonest)\b|\bnext to (?:expire|end|run out|lapse)\b|\b(?:which|what) (?:silences?|mutes?|snoozes?) (?:expire|end|run out|lapse)s?\b/;

// "My silences", "silences I set", "which mutes did I add?": the asker's own.
const MINE =
  /\bmy (?:silences|mutes|snoozes)\b|\b(?:silences|mutes|snoozes) (?:i|i've|i have) (?:set|made|added|created|put on)\b|\b(?:silences|mutes|snoozes) (?:did|have) i (?:set|make|add|create)\b/;

/** Pure: the part a silences question leads with, if it names one, and whether it asks only for the asker's; `mineOnly`: not the focus. */
export function silenceFocus(text: string, mineOnly = false): { focus?: SilenceFocus; mine?: true } {
  const focus = WHO.test(text) ? 'who' : ENDS_NEXT.test(text) ? 'ends_next' : STARTS.test(text) ? 'starts' : undefined;
  return { ...(focus && !mineOnly ? { focus } : {}), ...(MINE.test(text) ? { mine: true as const } : {}) };
}

const scopeOf = (s: Pick<Silence, 'target' | 'metric'>) =>
  `${s.target === '*' ? 'all targets' : s.target} / ${s.metric === '*' ? 'all metrics' : (METRIC_LABEL[s.metric] ?? s.metric)}`;

/**
 * The line that answers the focus before the listing, from the silences in force and scheduled that
 * cover what was asked about, and (for "who") the last one set on it when none holds now. Pure.
 */
export function focusLead(
  focus: SilenceFocus,
  o: { target?: string | undefined; active: readonly Silence[]; ahead: readonly Silence[]; lastSet?: LastSet | undefined; now: number },
): string {
  const where = o.target ?? 'anything';
  if (focus === 'who') {
    // One set on the target itself before one on every target, the newest first.
    const all = [...o.active, ...o.ahead].sort((a, z) => Number(a.target === '*') - Number(z.target === '*') || z.createdTs - a.createdTs);
    if (!all.length)
      return o.lastSet
        ? `Nobody silences ${where} now. The last silence on it, ${o.lastSet.id} (${scopeOf(o.lastSet)}), was set by ${o.lastSet.by} at ${stamp(o.lastSet.ts)}; how it ended is below.`
        : `Nobody silences ${where} now, and no silence on it was set in the last 7 days.`;
    const each = all
      .slice(0, 3)
      .map((s) => `${s.createdBy} set ${s.id} (${scopeOf(s)}) at ${stamp(s.createdTs)}${s.reason ? `, saying "${s.reason}"` : ''}`);
    return `${each.join('; ')}${all.length > 3 ? `; and ${all.length - 3} more below` : ''}.`;
  }
  if (focus === 'starts') {
    const next = [...o.ahead].sort((a, z) => a.startsTs! - z.startsTs!)[0];
    if (!next)
      return o.active.length
        ? `No silence on ${where} is scheduled ahead; ${o.active.length === 1 ? 'one holds' : `${o.active.length} hold`} already (below).`
        : `No silence on ${where} is scheduled or in force.`;
    return `${next.id} (${scopeOf(next)}) starts at ${stamp(next.startsTs!)}, in ${formatDuration(next.startsTs! - o.now)}, and holds until ${stamp(next.untilTs)} (${formatDuration(next.untilTs - next.startsTs!)}).`;
  }
  const first = [...o.active].sort((a, z) => a.untilTs - z.untilTs)[0];
  if (!first) return `No silence on ${where} is in force, so none is about to end.`;
  return `Ends first: ${first.id} (${scopeOf(first)}) at ${stamp(first.untilTs)}, in ${formatDuration(first.untilTs - o.now)}.`;
}

/** The last silence set on a target, from the records, for "who silenced web-1?" once none holds. */
export interface LastSet {
  id: string;
  target: string;
  metric: string;
  by: string;
  ts: number;
}
