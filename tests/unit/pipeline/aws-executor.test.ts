import { describe, expect, it } from 'vitest';
import { createAwsExecutor } from '../../../src/pipeline/remediate/aws-executor.js';

interface Sent {
  service: string;
  command: string;
  input: Record<string, unknown>;
}

/** Records the SDK command objects the executor builds; answers like the real services would. */
function fakeClients(opts: { desired?: number; max?: number; fail?: string } = {}) {
  const sent: Sent[] = [];
  const client = (service: string) => ({
    async send(cmd: { constructor: { name: string }; input: Record<string, unknown> }) {
      sent.push({ service, command: cmd.constructor.name, input: cmd.input });
      if (opts.fail && cmd.constructor.name === opts.fail)
        throw Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' });
      if (cmd.constructor.name === 'DescribeAutoScalingGroupsCommand') {
        return { AutoScalingGroups: [{ AutoScalingGroupName: 'web-asg', DesiredCapacity: opts.desired ?? 2, MaxSize: opts.max ?? 10 }] };
      }
      if (cmd.constructor.name === 'SendCommandCommand') return { Command: { CommandId: 'cmd-123' } };
      return {};
    },
  });
  return { sent, clients: async () => ({ ec2: client('ec2'), ssm: client('ssm'), autoscaling: client('autoscaling') }) as never };
}

const target = { name: 'web-1', instanceId: 'i-0123456789abcdef0', autoScalingGroup: 'web-asg' };

describe('aws executor', () => {
  it('restart_service sends SSM Run Command with a fixed command built from the validated service', async () => {
    const f = fakeClients();
    const ex = createAwsExecutor({ clients: f.clients, ssmDocument: 'AWS-RunShellScript' });
    const r = await ex.execute({ proposalId: 'rp_1', action: 'restart_service', params: { service: 'nginx' }, target, dryRun: false });
    expect(r).toEqual({ ok: true, output: 'SSM command cmd-123 sent to i-0123456789abcdef0' });
    expect(f.sent).toEqual([
      {
        service: 'ssm',
        command: 'SendCommandCommand',
        input: expect.objectContaining({
          InstanceIds: ['i-0123456789abcdef0'],
          DocumentName: 'AWS-RunShellScript',
          Parameters: { commands: ['systemctl restart -- nginx'] },
        }),
      },
    ]);
  });

  it('service "instance" reboots through EC2; dry-run passes DryRun', async () => {
    const f = fakeClients();
    const ex = createAwsExecutor({ clients: f.clients, ssmDocument: 'AWS-RunShellScript' });
    await ex.execute({ proposalId: 'rp_2', action: 'restart_service', params: { service: 'instance' }, target, dryRun: true });
    expect(f.sent[0]).toMatchObject({
      service: 'ec2',
      command: 'RebootInstancesCommand',
      input: { InstanceIds: [target.instanceId], DryRun: true },
    });
  });

  it('scale_up raises desired capacity by N, capped by the rule and the group', async () => {
    const f = fakeClients({ desired: 3, max: 4 });
    const ex = createAwsExecutor({ clients: f.clients, ssmDocument: 'AWS-RunShellScript' });
    const r = await ex.execute({ proposalId: 'rp_3', action: 'scale_up', params: { by: 2, max: 10 }, target, dryRun: false });
    expect(r.output).toBe('web-asg desired capacity 3 → 4');
    expect(f.sent[1]).toMatchObject({
      command: 'SetDesiredCapacityCommand',
      input: { AutoScalingGroupName: 'web-asg', DesiredCapacity: 4 },
    });
    const dry = fakeClients({ desired: 1 });
    const r2 = await createAwsExecutor({ clients: dry.clients, ssmDocument: 'x' }).execute({
      proposalId: 'rp_4',
      action: 'scale_up',
      params: { by: 1, max: 5 },
      target,
      dryRun: true,
    });
    expect(r2.output).toBe('would set web-asg desired capacity 1 → 2');
    expect(dry.sent.map((s) => s.command)).toEqual(['DescribeAutoScalingGroupsCommand']);
  });

  it('turns API errors and missing target fields into failed results', async () => {
    const f = fakeClients({ fail: 'SendCommandCommand' });
    const ex = createAwsExecutor({ clients: f.clients, ssmDocument: 'x' });
    expect(
      await ex.execute({
        proposalId: 'rp_5',
        action: 'cleanup_disk',
        params: { paths: ['/var/log'], olderThanDays: 7 },
        target,
        dryRun: false,
      }),
    ).toEqual({
      ok: false,
      output: 'AccessDeniedException: not authorized',
    });
    expect(
      (await ex.execute({ proposalId: 'rp_6', action: 'scale_up', params: { by: 1, max: 2 }, target: { name: 'x' }, dryRun: false })).ok,
    ).toBe(false);
  });
});
