import { quoteUntrusted } from './text-tools.js';
import type { FileConfig, RemediationRule } from '../config/schema.js';
import type { ChatUser } from '../core/chat.js';
import { ACTIONS } from '../core/remediation.js';
import type { Intent } from './intent.js';
import { effectiveMode } from '../pipeline/remediate/plan-remediation.js';

/** What the remediation policy is, from config: the rules, who decides, and how long a proposal waits. */
export interface PolicyFacts {
  rules: RemediationRule[];
  approvers: FileConfig['approvers'];
  ttlMinutes: number;
  allowSelfApproval: boolean;
  withdrawOnResolve: boolean;
}

export const policyFactsOf = (config: Pick<FileConfig, 'remediation' | 'approvers'>): PolicyFacts => ({
  rules: config.remediation.rules,
  approvers: config.approvers,
  ttlMinutes: config.remediation.approvalTtlMinutes,
  allowSelfApproval: config.remediation.allowSelfApproval,
  withdrawOnResolve: config.remediation.withdrawOnResolve,
});

const MODE_SAYS = {
  dry_run: 'dry run: proposed and recorded, never run',
  approval: 'run once an approver says yes',
  auto: 'run at once, no approval',
} as const;

const EXAMPLE: Record<string, string> = {
  restart_service: 'restart <service> on <target>',
  scale_up: 'scale up <target>',
  cleanup_disk: 'clean up the disk on <target>',
};

const EXECUTOR_SAYS = {
  simulate: 'simulated, nothing touches a host',
  script: 'a local script',
  aws: 'AWS (SSM, EC2, Auto Scaling)',
} as const;

/** What a policy question leads with: who approves, how long a proposal waits, or whether anything runs for real ("is dry run on?"). */
export type PolicyFocus = NonNullable<Extract<Intent, { kind: 'policy' }>['focus']>;

/** "Partly: 2 of 4 rules are dry runs (…); 2 wait for an approver; none runs by itself. Every rule uses the simulate executor: …" */
function modesLead(rules: readonly RemediationRule[]): string {
  const n = rules.length;
  const of = (mode: string) => rules.filter((r) => effectiveMode(r) === mode);
  const names = (rs: readonly RemediationRule[]) => rs.map((r) => `"${r.name}"`).join(', ');
  const [dry, approval, auto] = [of('dry_run'), of('approval'), of('auto')];
  const dryPart =
    dry.length === n
      ? 'Yes: every rule is a dry run (proposed and recorded, never run)'
      : dry.length === 0
        ? 'No: no rule is a dry run'
        : `Partly: ${dry.length} of ${n} rules ${dry.length === 1 ? 'is a dry run' : 'are dry runs'} (${names(dry)})`;
  const rest = [
    approval.length ? `${approval.length} ${approval.length === 1 ? 'waits' : 'wait'} for an approver (${names(approval)})` : '',
    auto.length
      ? `${auto.length} ${auto.length === 1 ? 'runs' : 'run'} at once with no approval (${names(auto)})`
      : dry.length < n
        ? 'none runs by itself (no rule is in auto mode)'
        : '',
  ].filter(Boolean);
  const live = rules.filter((r) => effectiveMode(r) !== 'dry_run');
  const simulated = live.filter((r) => r.executor === 'simulate').length;
  const executor = !live.length
    ? ''
    : simulated === live.length
      ? ` ${live.length === 1 ? 'The one that can run uses' : `The ${live.length} that can run use`} the simulate executor: even an approved action touches no host.`
      : simulated
        ? ` ${simulated} of them ${simulated === 1 ? 'uses' : 'use'} the simulate executor, which touches no host.`
        : '';
  return `${dryPart}${rest.length ? `; ${rest.join('; ')}` : ''}.${executor}`;
}

/**
 * "Who can approve?", "am I an approver?", "is auto-remediation on?", "are remediations dry run?",
 * "how long do proposals wait?": the policy as config sets it, and where the asker stands in it.
 */
export function answerPolicy(f: PolicyFacts, user?: ChatUser & { approver: boolean }, focus?: PolicyFocus, named?: string): string {
  const lines = [
    ...(focus === 'modes' && f.rules.length ? [modesLead(f.rules)] : []),
    `Remediation actions allowed (nothing else can run): ${ACTIONS.join(', ')}.`,
  ];
  if (f.rules.length === 0) lines.push('No remediation rule is configured (remediation.rules): nothing is ever proposed.');
  else {
    lines.push(`${f.rules.length} rule${f.rules.length === 1 ? '' : 's'}, by mode:`);
    for (const mode of ['auto', 'approval', 'dry_run'] as const) {
      const rs = f.rules.filter((r) => effectiveMode(r) === mode);
      if (rs.length === 0) continue;
      const each = rs.map((r) => `${r.name} → ${r.action} (${EXECUTOR_SAYS[r.executor]})`).join('; ');
      lines.push(`• ${mode} (${MODE_SAYS[mode]}): ${each}`);
    }
    if (!f.rules.some((r) => effectiveMode(r) === 'auto')) lines.push('Nothing runs without a person: no rule is in auto mode.');
    const askable = [...new Set(f.rules.map((r) => r.action))].filter((a) => a !== 'notify_only');
    if (askable.length)
      lines.push(
        `Anyone may ask in chat for ${askable.join(', ')} ("${EXAMPLE[askable[0]!]}") on a target that a rule with the action allows, with that rule's parameters; an approver then decides${f.rules.some((r) => effectiveMode(r) === 'auto') ? ', even under an auto rule' : ''}.`,
      );
  }
  lines.push(
    `A proposal waits ${f.ttlMinutes} min for a decision, then expires${f.withdrawOnResolve ? '; it is withdrawn if its anomaly ends first' : ''}. ${
      f.allowSelfApproval ? 'Whoever asked for an action may approve it.' : 'Nobody approves an action they asked for.'
    }`,
  );
  const sets = f.approvers as Record<string, { users: string[]; roles: string[] }>;
  const who = Object.entries(sets).map(([p, s]) => {
    const parts = [s.users.length ? `users ${s.users.join(', ')}` : '', s.roles.length ? `roles ${s.roles.join(', ')}` : ''].filter(
      Boolean,
    );
    return `${p}: ${parts.join('; ') || 'nobody'}`;
  });
  lines.push(`Approvers (config approvers): ${who.join(' · ')}.`);
  if (named) lines.push(namedApprover(named, sets));
  if (user && user.platform !== 'cli') {
    lines.push(
      user.approver
        ? `You (${user.platform}:${user.id}) can approve and deny.`
        : `You (${user.platform}:${user.id}) are not an approver here; approvers.${user.platform} lists who is.`,
    );
  }
  lines.push('"which rules propose restarts?" gives each rule\'s match and cooldown.');
  // "Who can approve?", "how long do proposals wait?": the line asked for first, the policy after it.
  const first =
    focus === 'approvers' ? /^(?:Approvers \(|You \(|Of the names listed)/ : focus === 'wait' ? /^A proposal waits / : undefined;
  return (first ? [...lines.filter((l) => first.test(l)), ...lines.filter((l) => !first.test(l))] : lines).join('\n');
}

/**
 * "Can bob approve?": whether the name is listed. Web users are listed by name; Slack and Discord
 * users by id, which a name cannot be matched to, so the reply says so rather than guess.
 */
function namedApprover(name: string, sets: Record<string, { users: string[]; roles: string[] }>): string {
  const on = Object.entries(sets).flatMap(([p, s]) => (s.users.some((u) => u.toLowerCase() === name.toLowerCase()) ? [p] : []));
  return on.length
    ? `Of the names listed, ${quoteUntrusted(name)} is an approver on ${on.join(', ')}.`
    : `Of the names listed, ${quoteUntrusted(name)} is none: on the web console approvers are listed by name; on Slack and Discord by user id or role, so a Slack or Discord user called ${quoteUntrusted(name)} approves only if their id or role is listed.`;
}

/** The "policy" reply in chat: the policy's facts when the remediation config is loaded here. */
export function policyReply(
  o: { remediationPolicy?: FileConfig['remediation'] | undefined; approvers: FileConfig['approvers'] },
  user: ChatUser & { approver: boolean },
  i: { focus?: PolicyFocus | undefined; who?: string | undefined },
): { text: string; intent: 'policy' } {
  const text = o.remediationPolicy
    ? answerPolicy(policyFactsOf({ remediation: o.remediationPolicy, approvers: o.approvers }), user, i.focus, i.who)
    : 'The remediation policy is not loaded here.';
  return { text, intent: 'policy' };
}
