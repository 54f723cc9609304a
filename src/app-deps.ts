import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { Config } from './config/load-config.js';
import type { Clock, Logger, MetricSource, Store } from './core/ports.js';
import type { LlmProvider } from './llm/llm-provider.js';

/** What createApp is built from: the config, and the edges a test or an embedding replaces. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  clock?: Clock;
  fetch?: typeof fetch;
  store?: Store;
  cwd?: string;
  /** Replaces the sources built from config (tests, embedding). */
  sources?: MetricSource[];
  clients?: {
    cloudwatch?: Pick<CloudWatchClient, 'send'>;
    s3?: Pick<S3Client, 'send'>;
    ec2?: Pick<EC2Client, 'send'>;
    ssm?: Pick<SSMClient, 'send'>;
    autoscaling?: Pick<AutoScalingClient, 'send'>;
    llm?: LlmProvider;
  };
}
