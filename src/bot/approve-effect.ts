import type { Proposal } from '../core/remediation.js';

/**
 * What approving a proposal would run, in words, from its action, parameters and executor: "what would
 * happen if I approve?" is answered before anyone presses the button. Pure.
 */
export function approveEffect(p: Pick<Proposal, 'action' | 'params' | 'executor' | 'target'>): string {
  const q = p.params;
  if (p.action === 'notify_only') return 'Approving only records and announces it: nothing runs.';
  if (p.executor === 'simulate')
    return `Approving runs it in simulation (executor "simulate"): the result is recorded as if it ran, and nothing on ${p.target} changes.`;
  const what: Record<Exclude<Proposal['action'], 'notify_only'>, string> = {
    restart_service: q.service === 'instance' ? `reboots ${p.target}` : `restarts the service "${String(q.service)}" on ${p.target}`,
    cleanup_disk: `deletes files older than ${String(q.olderThanDays)} days under ${Array.isArray(q.paths) ? q.paths.join(', ') : String(q.paths)} on ${p.target}`,
    scale_up: `raises the Auto Scaling group's desired capacity of ${p.target} by ${String(q.by)}, to ${String(q.max)} at most`,
  };
  const how =
    p.executor === 'aws'
      ? p.action === 'scale_up'
        ? 'through Auto Scaling'
        : q.service === 'instance'
          ? 'through EC2'
          : 'through an SSM Run Command on its instance'
      : `with the script configured for ${p.action} (remediation.scripts), given the target and parameters`;
  return `Approving ${what[p.action]} ${how}.`;
}
