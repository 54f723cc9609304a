import { S3Client } from '@aws-sdk/client-s3';

/**
 * The real S3 SDK pointed at a stand-in on 127.0.0.1: path-style, one attempt (a test sees each
 * failure), fixed credentials, and checksums only where S3 requires them.
 */
export const localS3Client = (endpoint: string) =>
  new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
