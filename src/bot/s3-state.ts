import { stamp } from './format-reply.js';
import { formatDuration, plural, quoteUntrusted } from './text-tools.js';

/** /health's s3 component as the shipper reports it (pipeline/record/s3-shipper.ts), read loosely. */
type S3Component = { ok: boolean; [k: string]: unknown } | undefined;

const tsOf = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : NaN);

/**
 * "Is the S3 upload working?": one line that answers it, from what the shipper last saw: the last
 * batch that landed, the last that failed and why, and what waits. Pure.
 */
export function s3StateLine(s3: S3Component, now: number): string {
  if (!s3) return 'S3 uploads are off here (records.s3.bucket or SCO_S3_BUCKET): records stay in the daily JSON files on this host.';
  const backlog = typeof s3.backlog === 'number' ? s3.backlog : undefined;
  const waiting = backlog === undefined ? '' : `${plural(backlog, 'batch', 'batches')} waiting`;
  const okTs = tsOf(s3.lastUpload);
  const ago = (ts: number) => `${stamp(ts)}, ${formatDuration(Math.max(0, now - ts))} ago`;
  const landed = Number.isFinite(okTs) ? `the last batch landed at ${ago(okTs)}` : 'no batch has landed yet';
  if (!s3.ok) {
    const failTs = tsOf(s3.lastErrorAt);
    const why = typeof s3.lastError === 'string' ? `: ${quoteUntrusted(s3.lastError, 160)}` : '';
    return `S3 uploads are FAILING: the last try${Number.isFinite(failTs) ? `, at ${ago(failTs)},` : ''} failed${why}. ${landed[0]!.toUpperCase()}${landed.slice(1)}; ${waiting || 'batches wait'} and are retried with backoff, so nothing is lost.`;
  }
  if (!Number.isFinite(okTs))
    return `S3 uploads are on; no batch has been uploaded since the last start of the records${waiting ? ` (${waiting})` : ''}.`;
  return `S3 uploads work: ${landed}${waiting ? `; ${waiting}` : ''}.`;
}
