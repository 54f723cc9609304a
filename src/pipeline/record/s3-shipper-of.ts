import type { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../../config/load-config.js';
import type { Logger, Store } from '../../core/ports.js';
import { createS3Shipper, type S3Shipper } from './s3-shipper.js';

/** The S3 shipper that records.s3 asks for, or none without a bucket. The SDK is loaded only when one is set. */
export function s3ShipperOf(config: Config, store: Store, logger: Logger, given?: Pick<S3Client, 'send'>): S3Shipper | undefined {
  const bucket = config.records.s3.bucket;
  if (!bucket) return undefined;
  const client =
    given ??
    (async () => {
      const { S3Client: Client } = await import('@aws-sdk/client-s3');
      return new Client({
        region: config.records.s3.region,
        endpoint: config.endpoints.s3,
        forcePathStyle: Boolean(config.endpoints.s3),
        maxAttempts: 2,
        // Non-AWS S3 servers store the aws-chunked framing literally otherwise.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
    });
  return createS3Shipper({ store, client, bucket, prefix: config.records.s3.prefix, logger: logger.child({ component: 's3' }) });
}
