import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { lazy } from '../../core/lazy.js';
import type { Executor } from '../../core/ports.js';
import type { ExecutionRequest, ExecutionResult } from '../../core/remediation.js';

export interface AwsClients {
  ec2: Pick<EC2Client, 'send'>;
  ssm: Pick<SSMClient, 'send'>;
  autoscaling: Pick<AutoScalingClient, 'send'>;
}

export interface AwsExecutorOptions {
  /** Built on first use: the three SDKs weigh over 100 MB, and most installs never run an AWS action. */
  clients: () => Promise<AwsClients>;
  ssmDocument: string;
}

const sdk = lazy(async () => {
  const [as, ec2, ssm] = await Promise.all([
    import('@aws-sdk/client-auto-scaling'),
    import('@aws-sdk/client-ec2'),
    import('@aws-sdk/client-ssm'),
  ]);
  return {
    DescribeAutoScalingGroupsCommand: as.DescribeAutoScalingGroupsCommand,
    SetDesiredCapacityCommand: as.SetDesiredCapacityCommand,
    RebootInstancesCommand: ec2.RebootInstancesCommand,
    SendCommandCommand: ssm.SendCommandCommand,
  };
});

/**
 * restart_service → SSM Run Command (`systemctl restart <service>`), or an EC2 reboot when the
 * service is "instance"; scale_up → Auto Scaling desired capacity + by, capped at max;
 * cleanup_disk → SSM with a fixed find/delete command. Every command string is built from validated
 * params (see action-params.ts).
 */
export function createAwsExecutor(opts: AwsExecutorOptions): Executor {
  async function run(req: ExecutionRequest): Promise<ExecutionResult> {
    const { target, params } = req;
    const { DescribeAutoScalingGroupsCommand, SetDesiredCapacityCommand, RebootInstancesCommand, SendCommandCommand } = await sdk();
    const c = await opts.clients();
    switch (req.action) {
      case 'restart_service': {
        if (!target.instanceId) return { ok: false, output: `${target.name} has no instanceId` };
        if (params.service === 'instance') {
          await c.ec2.send(new RebootInstancesCommand({ InstanceIds: [target.instanceId], DryRun: req.dryRun }));
          return { ok: true, output: `rebooted ${target.instanceId}` };
        }
        return sendSsm(c, SendCommandCommand, ssmInput(target.instanceId, [`systemctl restart -- ${String(params.service)}`], req), req);
      }
      case 'cleanup_disk': {
        if (!target.instanceId) return { ok: false, output: `${target.name} has no instanceId` };
        const paths = (params.paths as string[]).join(' ');
        const cmd = `find ${paths} -xdev -type f -mtime +${Number(params.olderThanDays)} -delete`;
        return sendSsm(c, SendCommandCommand, ssmInput(target.instanceId, [cmd], req), req);
      }
      case 'scale_up': {
        const group = target.autoScalingGroup;
        if (!group) return { ok: false, output: `${target.name} has no autoScalingGroup` };
        const d = await c.autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [group] }));
        const g = d.AutoScalingGroups?.[0];
        if (!g) return { ok: false, output: `auto scaling group ${group} not found` };
        const cap = Math.min(Number(params.max), g.MaxSize ?? Number(params.max));
        const want = Math.min((g.DesiredCapacity ?? 0) + Number(params.by), cap);
        if (want <= (g.DesiredCapacity ?? 0)) return { ok: true, output: `${group} already at its cap (${g.DesiredCapacity})` };
        if (req.dryRun) return { ok: true, output: `would set ${group} desired capacity ${g.DesiredCapacity} → ${want}` };
        await c.autoscaling.send(
          new SetDesiredCapacityCommand({ AutoScalingGroupName: group, DesiredCapacity: want, HonorCooldown: true }),
        );
        return { ok: true, output: `${group} desired capacity ${g.DesiredCapacity} → ${want}` };
      }
      case 'notify_only':
        return { ok: true, output: 'notified' };
    }
  }

  function ssmInput(instanceId: string, commands: string[], req: ExecutionRequest) {
    return {
      InstanceIds: [instanceId],
      DocumentName: opts.ssmDocument,
      Parameters: { commands },
      Comment: `smartcloudops ${req.proposalId}`.slice(0, 100),
    };
  }

  async function sendSsm(
    c: AwsClients,
    Command: Awaited<ReturnType<typeof sdk>>['SendCommandCommand'],
    input: ReturnType<typeof ssmInput>,
    req: ExecutionRequest,
  ): Promise<ExecutionResult> {
    if (req.dryRun) return { ok: true, output: `would run on ${input.InstanceIds[0]}: ${input.Parameters.commands.join('; ')}` };
    const out = await c.ssm.send(new Command(input));
    return { ok: true, output: `SSM command ${out.Command?.CommandId ?? '?'} sent to ${input.InstanceIds[0]}` };
  }

  return {
    kind: 'aws',
    async execute(req) {
      try {
        return await run(req);
      } catch (err) {
        const e = err as Error;
        // EC2's DryRun answers "DryRunOperation" when the call would have succeeded.
        if (e.name === 'DryRunOperation') return { ok: true, output: `dry run: ${req.action} on ${req.target.name} would succeed` };
        return { ok: false, output: `${e.name}: ${e.message}` };
      }
    },
  };
}
