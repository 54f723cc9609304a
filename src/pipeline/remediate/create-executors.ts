import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { Config } from '../../config/load-config.js';
import type { Executor } from '../../core/ports.js';
import { createAwsExecutor } from './aws-executor.js';
import { createScriptExecutor } from './script-executor.js';
import { createSimulateExecutor } from './simulate-executor.js';

export interface ExecutorClients {
  ec2?: Pick<EC2Client, 'send'>;
  ssm?: Pick<SSMClient, 'send'>;
  autoscaling?: Pick<AutoScalingClient, 'send'>;
}

/** Every executor kind, built from config; AWS clients load only when an AWS action first runs. */
export function createExecutors(config: Config, cwd: string, clients: ExecutorClients = {}): Record<string, Executor> {
  const region = config.remediation.aws.region;
  return {
    simulate: createSimulateExecutor(),
    script: createScriptExecutor({ scripts: config.remediation.scripts, cwd, timeoutMs: config.remediation.scriptTimeoutSeconds * 1000 }),
    aws: createAwsExecutor({
      clients: async () => {
        const [as, ec2, ssm] = await Promise.all([
          import('@aws-sdk/client-auto-scaling'),
          import('@aws-sdk/client-ec2'),
          import('@aws-sdk/client-ssm'),
        ]);
        return {
          ec2: clients.ec2 ?? new ec2.EC2Client({ region, endpoint: config.endpoints.ec2 }),
          ssm: clients.ssm ?? new ssm.SSMClient({ region, endpoint: config.endpoints.ssm }),
          autoscaling: clients.autoscaling ?? new as.AutoScalingClient({ region, endpoint: config.endpoints.autoscaling }),
        };
      },
      ssmDocument: config.remediation.aws.ssmDocument,
    }),
  };
}
