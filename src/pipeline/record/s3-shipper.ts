import type { S3Client } from '@aws-sdk/client-s3';
import { lazy } from '../../core/lazy.js';
import type { Logger, Store } from '../../core/ports.js';

export interface S3ShipperOptions {
  store: Store;
  client: Pick<S3Client, 'send'> | (() => Promise<Pick<S3Client, 'send'>>);
  bucket: string;
  prefix: string;
  logger: Logger;
  maxBatch?: number;
}

const LAST_ID = 's3:last_record_id';
// Kept in the store so that "is the S3 upload working?" has an answer after a restart too.
const LAST_OK = 's3:last_upload_ts';
const LAST_FAIL = 's3:last_failure';

/** How the uploads stand, as /health shows it: the last success, the last failure, and what waits. */
// A type, not an interface: /health's components take it as a record of fields.
export type S3ShipperHealth = {
  /** False while the newest attempt failed. */
  ok: boolean;
  backlog: number;
  /** ISO times. */
  lastUpload?: string;
  lastErrorAt?: string;
  lastError?: string;
};

/**
 * Ships records to S3 as JSONL objects. New records are first copied into a persistent upload
 * queue, then uploads are attempted with exponential backoff; an outage only grows the queue.
 */
export function createS3Shipper(opts: S3ShipperOptions) {
  const { store } = opts;
  const maxBatch = opts.maxBatch ?? 5000;
  let flushing: Promise<{ uploaded: number; failed: number }> | undefined;
  const sdk = lazy(async () => {
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    const client = typeof opts.client === 'function' ? await opts.client() : opts.client;
    return { PutObjectCommand, client };
  });

  function enqueueNew(now: number): void {
    const last = Number(store.getKv(LAST_ID) ?? '0');
    // records() is newest-first; walk back to `last` and ship in id order.
    const batch: { id: number; line: string }[] = [];
    let before: number | undefined;
    outer: for (;;) {
      const page = store.records(500, before);
      if (page.length === 0) break;
      for (const r of page) {
        if (r.id <= last) break outer;
        batch.push({ id: r.id, line: JSON.stringify({ id: r.id, ts: new Date(r.ts).toISOString(), kind: r.kind, ...r.data }) });
      }
      before = page[page.length - 1]!.id;
    }
    if (batch.length === 0) return;
    batch.reverse();
    for (let i = 0; i < batch.length; i += maxBatch) {
      const part = batch.slice(i, i + maxBatch);
      const d = new Date(now).toISOString();
      const key = `${opts.prefix}records/${d.slice(0, 10)}/${d.slice(11, 19).replace(/:/g, '')}-${part[0]!.id}-${part[part.length - 1]!.id}.jsonl`;
      store.enqueueUpload(key, part.map((p) => p.line).join('\n') + '\n', now);
    }
    store.setKv(LAST_ID, String(batch[batch.length - 1]!.id));
  }

  async function doFlush(now: number) {
    enqueueNew(now);
    let uploaded = 0;
    let failed = 0;
    const due = store.dueUploads(now, 50);
    if (due.length === 0) return { uploaded, failed };
    const { PutObjectCommand, client } = await sdk();
    for (const u of due) {
      try {
        await client.send(new PutObjectCommand({ Bucket: opts.bucket, Key: u.key, Body: u.body, ContentType: 'application/x-ndjson' }));
        store.markUploaded(u.id);
        store.setKv(LAST_OK, String(now));
        uploaded++;
      } catch (err) {
        failed++;
        const delay = Math.min(3_600_000, 5_000 * 2 ** Math.min(u.attempts, 10));
        const error = (err as Error).message || String(err);
        store.markUploadFailed(u.id, now + delay, error);
        store.setKv(LAST_FAIL, JSON.stringify({ ts: now, error: error.slice(0, 300) }));
        opts.logger.warn(
          { key: u.key, attempts: u.attempts + 1, retryInMs: delay, err: (err as Error).message },
          's3 upload failed; will retry',
        );
        // Same endpoint, same outage: try again next flush rather than hammer it now.
        break;
      }
    }
    return { uploaded, failed };
  }

  return {
    flush(now: number) {
      flushing ??= doFlush(now).finally(() => (flushing = undefined));
      return flushing;
    },
    pending: () => store.pendingUploadCount(),
    health(): S3ShipperHealth {
      const okTs = Number(store.getKv(LAST_OK) ?? NaN);
      const failure = failureOf(store.getKv(LAST_FAIL));
      const iso = (ts: number) => new Date(ts).toISOString();
      return {
        // A success in the same flush comes before its failure (the loop stops at one), hence ">".
        ok: !failure || okTs > failure.ts,
        backlog: store.pendingUploadCount(),
        ...(Number.isFinite(okTs) ? { lastUpload: iso(okTs) } : {}),
        ...(failure ? { lastErrorAt: iso(failure.ts), lastError: failure.error } : {}),
      };
    },
  };
}

export type S3Shipper = ReturnType<typeof createS3Shipper>;

function failureOf(raw: string | undefined): { ts: number; error: string } | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as { ts?: unknown; error?: unknown };
    return typeof v.ts === 'number' && typeof v.error === 'string' ? { ts: v.ts, error: v.error } : undefined;
  } catch {
    return undefined;
  }
}
