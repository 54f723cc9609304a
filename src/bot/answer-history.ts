import type { Proposal, ProposalState } from '../core/remediation.js';
import type { RemediationRule } from '../config/schema.js';
import { effectiveMode } from '../pipeline/remediate/plan-remediation.js';
import { effectLine, workedLine } from './remediation-effect.js';
import type { AnswerContext } from './answer-intent.js';
import { spanBounds } from './answer-metric-span.js';
import { describeProposal, stamp } from './format-reply.js';
import type { HistoryIntent, Outcome } from './parse-history.js';
import { tally } from './tally.js';
import { formatDuration } from './text-tools.js';

const DONE: ProposalState[] = ['succeeded', 'failed', 'denied', 'expired', 'withdrawn', 'running', 'approved'];
/** A count or a filtered list reads this many proposals at most, and says so when it hits the cap. */
const READ_CAP = 20_000;

// A requester's cancel records who and when (withdrawn), but nobody decided it.
const byDecision = (p: Proposal) => p.decidedBy !== null && p.state !== 'withdrawn';
const KEEP: Record<Outcome, (p: Proposal) => boolean> = {
  approved: (p) => byDecision(p) && p.state !== 'denied',
  denied: (p) => p.state === 'denied',
  decided: byDecision,
  failed: (p) => p.state === 'failed',
  succeeded: (p) => p.state === 'succeeded',
  expired: (p) => p.state === 'expired',
  withdrawn: (p) => p.state === 'withdrawn',
  automatic: (p) => p.decidedBy?.startsWith('policy:') === true,
};

/** "What restarts happened today", "who approved the last scale up", "how many remediations this week". */
export function answerHistory(i: HistoryIntent, c: AnswerContext): string {
  const b = i.span ? spanBounds(i.span, c) : undefined;
  if (b?.ahead) return b.ahead;
  // "Approved today" asks when the decision was made; otherwise it is when the proposal last moved.
  const decision = i.outcome === 'approved' || i.outcome === 'denied' || i.outcome === 'decided';
  const tsOf = (p: Proposal) => (decision ? (p.decidedTs ?? p.updatedTs) : p.updatedTs);
  // "The last restart" is the last that ran: a denied one after it must not hide it, so read them all.
  const filtered = Boolean(b || i.outcome || i.count || i.ran);
  const read = c.store.listProposals({
    states: DONE,
    ...(i.target ? { target: i.target } : {}),
    ...(i.action ? { action: i.action } : {}),
    ...(b ? { updatedSince: b.from } : {}),
    limit: filtered ? READ_CAP : i.limit,
  });
  const atLeast = filtered && read.length >= READ_CAP ? 'at least ' : '';
  const all = read
    .filter((p) => (!b || (tsOf(p) >= b.from && tsOf(p) <= b.until)) && (!i.outcome || KEEP[i.outcome](p)))
    .sort((a, z) => tsOf(z) - tsOf(a) || a.id.localeCompare(z.id));
  const list = i.ran ? all.filter((p) => RAN.includes(p.state)) : all;
  const notRun = notRunLine(all.filter((p) => !RAN.includes(p.state)));
  const what = i.action ?? 'remediation';
  const how = i.outcome ? `${i.outcome} ` : '';
  const scope = `${i.target ? ` on ${i.target}` : ''}${b ? ` ${b.label}` : ''}`;
  // "Did the scale up fix web-2?" while it still waits for a decision: said, not just "none ran".
  // Only a proposal newer than what ran, so "when was web-1 last scaled up?" is not padded with an older request.
  const since = list.length === 0 ? 0 : i.ran && i.limit === 1 && i.action ? tsOf(list[0]!) : Infinity;
  const waiting =
    i.outcome || (b !== undefined && b.until < c.now)
      ? []
      : waitingLine(
          c.store
            .listProposals({
              states: ['proposed'],
              ...(i.target ? { target: i.target } : {}),
              ...(i.action ? { action: i.action } : {}),
              limit: 5,
            })
            .filter((p) => p.createdTs > since),
        );
  const outside = [
    ...(i.ran ? notRun : []),
    ...waiting,
    ...(i.action === 'restart_service' ? [OUTSIDE_RESTARTS] : []),
    ...(i.outcome === 'automatic' ? modesLine(c.remediationRules) : []),
  ];
  if (list.length === 0) {
    const none =
      i.outcome === 'automatic'
        ? `No ${what} ran automatically${scope}: each was decided by a person, or none was proposed.`
        : i.outcome
          ? i.outcome === 'expired' || i.outcome === 'withdrawn'
            ? `No ${what === 'remediation' ? 'proposal' : `${what} proposal`} ${i.outcome === 'expired' ? 'expired undecided' : 'was withdrawn'}${scope}.`
            : `No ${what} ${i.outcome === 'failed' || i.outcome === 'succeeded' ? '' : 'was '}${i.outcome}${scope}.`
          : i.ran
            ? `No ${what} ran${scope}.`
            : filtered || i.target || i.action
              ? `No ${what} ran or was decided${scope}.`
              : 'No remediation has run or been decided yet.';
    return [none, ...outside].join('\n');
  }
  if (i.took)
    return [
      ...tookLines(list.slice(0, i.limit === 1 ? 1 : list.length), `${what === 'remediation' ? 'remediations' : what}${scope}`),
      ...outside,
    ].join('\n');
  if (i.count)
    return [
      ...countLines(list, `${atLeast}${list.length} ${how}${plural(what, list.length)}${i.ran ? ' that ran' : ''}${scope}`),
      ...outside,
    ].join('\n');
  const shown = list.slice(0, i.limit);
  const head =
    shown.length === 1
      ? `The last ${how}${what}${scope}:`
      : `The last ${shown.length} ${how}${i.action ? `${i.action} remediations` : 'remediations'}${scope}${list.length > shown.length ? ` (of ${atLeast}${list.length})` : ''}:`;
  return [
    ...(i.worked && shown.length === 1 ? [workedLine(shown[0]!, c)] : []),
    // "What did the bot do overnight?": how they ended, before a line each.
    ...(shown.length >= OUTCOMES_FROM && !i.outcome ? [outcomesLine(list)] : []),
    head,
    // A few at most get what their metric did after: "did the cleanup work?" asks of one.
    ...shown.flatMap((p) => [
      `• ${stamp(tsOf(p))} ${describeProposal(p)}${p.result ? ` — ${p.result.slice(0, 160)}` : ''}`,
      ...(shown.length <= 3 ? [effectLine(p, c)].filter((l): l is string => l !== undefined) : []),
    ]),
    ...outside,
  ].join('\n');
}

const RAN: ProposalState[] = ['running', 'succeeded', 'failed'];

/** A list this long opens with how its proposals ended. */
const OUTCOMES_FROM = 5;
const ENDED: Record<ProposalState, string> = {
  proposed: 'waiting',
  approved: 'approved, not yet run',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  denied: 'denied',
  expired: 'expired undecided',
  withdrawn: 'withdrawn',
};

/** "In short: 22 remediations: 18 withdrawn, 3 expired undecided, 1 succeeded (a simulation: no host touched)." */
function outcomesLine(list: readonly Proposal[]): string {
  const ran = list.filter((p) => RAN.includes(p.state));
  const pretend = ran.filter((p) => p.mode === 'dry_run' || p.executor === 'simulate').length;
  const touched =
    !ran.length || !pretend
      ? ''
      : pretend === ran.length
        ? ` (${ran.length === 1 ? 'a dry run or simulation' : 'all dry runs or simulations'}: no host was touched)`
        : ` (${pretend} of the ${ran.length} that ran only as dry runs or simulations)`;
  return `In short: ${list.length} ${plural('remediation', list.length)}: ${tally(list, (p) => ENDED[p.state], { countFirst: true })}${touched}.`;
}

/** What may act without a person now: an auto rule runs, a dry_run rule only records what it would do. */
function modesLine(rules: RemediationRule[] | undefined): string[] {
  if (!rules) return [];
  const names = (mode: string) => rules.filter((r) => effectiveMode(r) === mode).map((r) => `"${r.name}"`);
  const auto = names('auto');
  const dry = names('dry_run');
  if (auto.length) return [`Rules in auto mode (run with no approver): ${auto.join(', ')}.`];
  return [
    dry.length
      ? `No rule is in auto mode: only dry_run rules (${dry.join(', ')}) act without a person, and they record what they would do, never run it.`
      : 'No rule is in auto or dry_run mode: nothing is decided without an approver.',
  ];
}

/** "Waiting for approval now: rp_… (scale_up on web-2, proposed …)." */
function waitingLine(open: Proposal[]): string[] {
  if (!open.length) return [];
  const one = (p: Proposal) => `${p.id} (${p.action} on ${p.target}, proposed ${stamp(p.createdTs)})`;
  return [
    `Waiting for approval now: ${open.slice(0, 3).map(one).join(', ')}${open.length > 3 ? ` and ${open.length - 3} more` : ''}; "pending approvals" lists them.`,
  ];
}

/** "Also proposed and not run: 2 (withdrawn 1, denied 1)." */
function notRunLine(others: Proposal[]): string[] {
  if (!others.length) return [];
  return [`Also proposed and not run: ${others.length} (${tally(others, (p) => p.state)}); ask for the history to list them.`];
}

// What we record is what we proposed: a reboot by hand or by the cloud provider leaves no trace here.
const OUTSIDE_RESTARTS =
  'Only restarts proposed here are listed; one done by hand or by the provider is not recorded, and host uptime is not a figure I collect.';

const plural = (what: string, n: number) =>
  what === 'remediation' ? (n === 1 ? 'remediation' : 'remediations') : `${what} remediation${n === 1 ? '' : 's'}`;

/** Totals by action, outcome, target and decider, largest first. */
/** "Success rate of remediations": of those that finished running, the share that succeeded (one still running counts in neither). */
function successLine(list: readonly Proposal[]): string[] {
  const ok = list.filter((p) => p.state === 'succeeded').length;
  const failed = list.filter((p) => p.state === 'failed').length;
  if (!ok && !failed) return [];
  const dry = list.filter(
    (p) => (p.state === 'succeeded' || p.state === 'failed') && (p.mode === 'dry_run' || p.executor === 'simulate'),
  ).length;
  return [
    `Of those that ran: ${ok} succeeded, ${failed} failed (${Math.round((100 * ok) / (ok + failed))}% succeeded)${dry ? `; ${dry} of them dry runs or simulations, which touch no host` : ''}.`,
  ];
}

function countLines(list: Proposal[], head: string): string[] {
  const decided = list.filter(byDecision);
  return [
    `${head}.`,
    `By action: ${tally(list, (p) => p.action)}`,
    `By outcome: ${tally(list, (p) => p.state)}`,
    ...successLine(list),
    `By target: ${tally(list, (p) => p.target)}`,
    ...(decided.length
      ? [
          `Decided by: ${tally(list, (p) => (!byDecision(p) || !p.decidedBy ? undefined : p.decidedBy.startsWith('policy:') ? `automatically (${p.decidedBy.slice(7)})` : p.decidedBy))}`,
        ]
      : []),
    'Ask without "how many" for the list.',
  ];
}

/** "How long does a restart take?": approval to result, of those that ended; the median, the range and the slowest. */
function tookLines(list: readonly Proposal[], what: string): string[] {
  const ended = list.filter((p) => (p.state === 'succeeded' || p.state === 'failed') && p.decidedTs !== null && p.updatedTs >= p.decidedTs);
  if (!ended.length) return [`None of the ${list.length} ${what} that ran has ended yet, so there is no time to give.`];
  const took = ended.map((p) => ({ p, ms: p.updatedTs - p.decidedTs! })).sort((a, z) => a.ms - z.ms);
  const mid = took[Math.floor((took.length - 1) / 2)]!.ms;
  const slowest = took.at(-1)!;
  const simulated = ended.filter((p) => p.executor === 'simulate' || p.mode === 'dry_run').length;
  return [
    `How long ${what} took, from approval to result (${ended.length} that ended): median ${formatDuration(mid)}, fastest ${formatDuration(took[0]!.ms)}, slowest ${formatDuration(slowest.ms)} (${slowest.p.id} on ${slowest.p.target}, ${slowest.p.state}).`,
    ...(simulated
      ? [
          `${simulated} of them ${simulated === 1 ? 'was a simulation or a dry run' : 'were simulations or dry runs'}, which take no time on a host: an executor that acts (script, aws) takes what the host or AWS takes.`,
        ]
      : []),
  ];
}
