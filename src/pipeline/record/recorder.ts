import type { Logger, Store } from '../../core/ports.js';
import type { DailyFileWriter } from './daily-file-writer.js';

export interface Recorder {
  record(kind: string, ts: number, data: Record<string, unknown>): void;
}

/** Every anomaly and remediation event: into the store (for /logs) and the daily JSONL file. */
export function createRecorder(store: Store, writer: DailyFileWriter, logger: Logger): Recorder {
  return {
    record(kind, ts, data) {
      const id = store.appendRecord(kind, ts, data);
      try {
        writer.write(JSON.stringify({ id, ts: new Date(ts).toISOString(), kind, ...data }), ts);
      } catch (err) {
        // The store already holds it; a full disk must not stop the pipeline.
        logger.error({ err, kind }, 'could not write record file');
      }
    },
  };
}
