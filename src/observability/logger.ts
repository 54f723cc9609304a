import path from 'node:path';
import pino from 'pino';
import type { Logger } from '../core/ports.js';
import { DailyFileWriter } from '../pipeline/record/daily-file-writer.js';

/** Anything that looks like a credential is redacted wherever it appears in a log object. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'apiKey',
  '*.apiKey',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'config.http.webToken',
  'config.http.webUsers',
  'credentials',
  '*.credentials',
  'secretAccessKey',
  '*.secretAccessKey',
];

export interface LoggerOptions {
  level: string;
  /** When set, JSON logs also go to <dataDir>/logs/app-YYYY-MM-DD.jsonl. */
  dataDir?: string;
  keepDays?: number;
  destination?: { write(s: string): void };
}

export function createLogger(opts: LoggerOptions): Logger {
  const streams: pino.StreamEntry[] = [{ level: opts.level as pino.Level, stream: opts.destination ?? process.stdout }];
  if (opts.dataDir) {
    const file = new DailyFileWriter(path.join(opts.dataDir, 'logs'), 'app', opts.keepDays ?? 14);
    streams.push({ level: opts.level as pino.Level, stream: { write: (s: string) => file.write(s) } });
  }
  return pino(
    { level: opts.level, base: { service: 'smartcloudops' }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    pino.multistream(streams),
  ) as unknown as Logger;
}
