import type { ActionId, Proposal } from '../core/remediation.js';
import type { AnswerContext } from './answer-intent.js';
import { describeProposal, stamp, unknownTargetReply } from './format-reply.js';
import type { Intent } from './intent.js';
import { formatDuration } from './text-tools.js';
import { describeChange, latestChange } from './change-log.js';

type Undo = Extract<Intent, { kind: 'action_request' }>;

const NAME: Record<ActionId, string> = {
  scale_up: 'scale-up',
  restart_service: 'restart',
  cleanup_disk: 'disk clean-up',
  notify_only: 'notification',
};

/** How a person reverses what an action did, since no action in the allow-list reverses another. */
function byHand(p: Pick<Proposal, 'action' | 'params'>, asg: string | undefined): string {
  switch (p.action) {
    case 'scale_up': {
      const by = typeof p.params['by'] === 'number' ? p.params['by'] : 1;
      return `To scale back in, lower the desired capacity of ${asg ? `${asg} (its auto scaling group in the targets file)` : "the target's auto scaling group"} by ${by} in AWS; I have no scale-in action.`;
    }
    case 'restart_service':
      return 'A restart cannot be undone: the service was stopped and started again. If it came back worse, look at the service on the host.';
    case 'cleanup_disk':
      return 'Files a clean-up removed cannot be brought back from here: restore them from a backup or snapshot.';
    case 'notify_only':
      return 'A notification changed nothing on the host.';
  }
}

/**
 * "Roll back the scale up", "undo the restart on web-1", "scale down web-2": nothing is run. The
 * reply names the last such action that ran (or was simulated, which changed nothing), how a person
 * reverses it, and what of it is still waiting for approval, which "deny" stops before it runs.
 */
export function answerUndo(i: Undo, c: AnswerContext): string {
  if (i.undoes === 'change') {
    const latest = latestChange(c.store, c.now, i.target ? [i.target] : undefined);
    return [
      `Nothing was done: deploys and other changes are not run by me, so roll ${i.target ? `${i.target} ` : ''}back with the tool that made the change.`,
      latest
        ? `The latest change recorded${i.target ? ` there` : ''}: ${describeChange(latest)}.`
        : `No change is recorded${i.target ? ` on ${i.target}` : ''} in the last 30 days.`,
      'Say "rolled back v2.4 on api-1" as you do it, so it is recorded beside the alerts.',
    ].join('\n');
  }
  const what = i.undoes ? NAME[i.undoes] : 'action';
  const lines = [
    i.undoes === 'scale_up' && /^(?:scale|resize)$/.test(i.verb)
      ? 'Nothing was done: scaling down or in is not an action I run (remediation has scale_up only).'
      : `Nothing was done: I don't undo actions, and none in remediation.rules reverses another.`,
  ];
  if (i.unknownTarget && !i.target) return [...lines, unknownTargetReply(i.unknownTarget, c.targets)].join('\n');
  const where = i.target ? ` on ${i.target}` : '';
  const scope = { ...(i.target ? { target: i.target } : {}), ...(i.undoes ? { action: i.undoes } : {}) };
  const last = c.store.listProposals({ states: ['succeeded', 'failed', 'running'], ...scope, limit: 1 })[0];
  const asg = (t: string) => c.targets.find((x) => x.name === t)?.autoScalingGroup;
  if (!last) {
    lines.push(`No ${what}${where} has run, so there is nothing of mine to reverse.`);
    if (i.undoes === 'scale_up') lines.push(byHand({ action: i.undoes, params: {} }, i.target ? asg(i.target) : undefined));
  } else {
    const ago = formatDuration(c.now - last.updatedTs);
    lines.push(`The last ${what}${where}: ${describeProposal(last)}, ${stamp(last.updatedTs)} (${ago} ago).`);
    // A dry run or the simulate executor changed nothing: there is nothing to reverse.
    if (last.mode === 'dry_run' || last.executor === 'simulate')
      lines.push(
        `It was ${last.mode === 'dry_run' ? 'a dry run' : 'simulated'}: nothing changed on ${last.target}, so there is nothing to reverse.`,
      );
    else if (last.state === 'failed')
      lines.push(`It failed (${last.result ?? 'no result recorded'}): check ${last.target} for a half-done change.`);
    else lines.push(byHand(last, asg(last.target)));
  }
  const waiting = c.store.listProposals({ states: ['proposed', 'approved'], ...scope, limit: 5 });
  if (waiting.length)
    lines.push(
      `Not run yet ("deny rp_…" stops one, and its asker may "cancel rp_…"): ${waiting.map((p) => `${p.id} ${p.action} on ${p.target} (${p.state})`).join('; ')}.`,
    );
  return lines.join('\n');
}
