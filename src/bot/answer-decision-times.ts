import type { Proposal } from '../core/remediation.js';
import type { AnswerContext } from './answer-context.js';
import { spanIn } from './answer-metric-span.js';
import type { TimeSpan } from './parse-time-span.js';
import { nearestRank } from './tally.js';
import { formatDuration, plural } from './text-tools.js';

/** "How long do approvals take?", "time to approve this week", "approval latency" (answer-decision-times.ts). */
export interface DecisionTimesIntent {
  kind: 'decision_times';
  span?: TimeSpan;
}

export const DECISION_TIMES =
  /\bhow (?:long|fast|quickly) (?:do|does|did|are|is|were|was) (?:the )?(?:approvals?|proposals?|decisions?|requests?)\b(?!.*\b(?:wait|last|stay)\b)|\btime to (?:approve|decide|approval|decision)\b|\bhow long (?:does|do|did) it take (?:for \w+ )?to (?:approve|decide on|deny|get (?:an? )?(?:approval|decision))\b|\bapproval (?:times?|latency|delays?|speed)\b|\bhow (?:long|fast|quickly) (?:do|does|did) (?:we|people|approvers|the team|you) (?:approve|decide|answer|respond to (?:proposals|requests))\b/;

const byPerson = (p: Proposal) => p.decidedBy !== null && !p.decidedBy.startsWith('policy:') && p.decidedTs !== null;

/**
 * How long proposals that needed a person waited for one, over the span (a week by default): the
 * median, 90th percentile and longest time from proposed to decided, by outcome and by approver;
 * those that expired or were withdrawn undecided; and what waits now. Pure over the store.
 */
export function answerDecisionTimes(i: DecisionTimesIntent, c: AnswerContext): string {
  const b = spanIn(i.span ?? { kind: 'last', ms: 7 * 86_400_000 }, c);
  const all = c.store.listProposals({ updatedSince: b.from, limit: 5_000 });
  const needed = all.filter((p) => p.mode === 'approval' && p.createdTs >= b.from && p.createdTs <= b.until);
  const waiting = c.store.listProposals({ states: ['proposed'], limit: 500 }).filter((p) => p.mode === 'approval');
  const now = waiting.length
    ? [
        `Waiting now: ${waiting.length}, the oldest for ${formatDuration(c.now - Math.min(...waiting.map((p) => p.createdTs)))} (${
          waiting.reduce((a, p) => (p.createdTs < a.createdTs ? p : a)).id
        }); "pending approvals" lists them.`,
      ]
    : ['Nothing waits for a decision now.'];
  if (!needed.length) return [`No proposal needed a person ${b.label}: none was made, or every rule ran by itself.`, ...now].join('\n');
  // A requester's cancel carries who and when, but decides nothing: it is undecided, below.
  const decided = needed.filter((p) => byPerson(p) && p.state !== 'withdrawn');
  const took = (p: Proposal) => p.decidedTs! - p.createdTs;
  const times = decided.map(took).sort((x, y) => x - y);
  const approved = decided.filter((p) => p.state !== 'denied').length;
  const lines = [`Decision times ${b.label}, of ${plural(needed.length, 'proposal')} that needed a person:`];
  if (times.length) {
    const longest = decided.reduce((a, p) => (took(p) > took(a) ? p : a));
    lines.push(
      `• Decided: ${decided.length} (approved ${approved}, denied ${decided.length - approved}): median ${formatDuration(nearestRank(times, 0.5))}, 90th percentile ${formatDuration(nearestRank(times, 0.9))}, longest ${formatDuration(took(longest))} (${longest.id}, ${longest.action} on ${longest.target}).`,
    );
    const people = new Map<string, number[]>();
    for (const p of decided) people.set(p.decidedBy!, [...(people.get(p.decidedBy!) ?? []), took(p)]);
    const median = (t: number[]) =>
      formatDuration(
        nearestRank(
          [...t].sort((x, y) => x - y),
          0.5,
        ),
      );
    const ranked = [...people].sort((x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0]));
    lines.push(`• By approver: ${ranked.map(([who, t]) => `${who} ${t.length} (median ${median(t)})`).join(', ')}.`);
  } else lines.push('• Decided: none by a person.');
  const expired = needed.filter((p) => p.state === 'expired').length;
  // A requester's cancel records who; the pipeline withdraws one whose anomaly ended first, as nobody.
  const cancelled = needed.filter((p) => p.state === 'withdrawn' && p.decidedBy).length;
  const ended = needed.filter((p) => p.state === 'withdrawn' && !p.decidedBy).length;
  if (expired || cancelled || ended)
    lines.push(
      `• Undecided: ${[
        expired ? `${expired} expired (no one decided within remediation.approvalTtlMinutes)` : '',
        ended ? `${ended} withdrawn because their anomaly ended first` : '',
        cancelled ? `${cancelled} cancelled by who asked` : '',
      ]
        .filter(Boolean)
        .join(', ')}.`,
    );
  return [...lines, ...now].join('\n');
}
