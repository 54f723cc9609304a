import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createS3Shipper } from '../../src/pipeline/record/s3-shipper.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import { localS3Client } from '../helpers/local-s3.js';
import { startServer } from '../helpers/net.js';
import { captureLogger, tempDir } from '../helpers/test-config.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('S3 shipper over the real SDK', () => {
  it('keeps records through an outage and uploads each exactly once when S3 is back', async () => {
    let up = false;
    const objects = new Map<string, string>();
    const s3 = await startServer((req, res) => {
      if (!up) {
        res.writeHead(503, { 'content-type': 'application/xml' });
        res.end('<Error><Code>ServiceUnavailable</Code><Message>down</Message></Error>');
        return;
      }
      expect(req.method).toBe('PUT');
      objects.set(decodeURIComponent(req.url.split('?')[0]!), req.body);
      res.writeHead(200, { etag: '"abc"' });
      res.end();
    });
    cleanups.push(() => s3.close());
    const store = createSqliteStore(path.join(tempDir(), 'db.sqlite'));
    cleanups.push(() => store.close());
    const client = localS3Client(s3.url);
    const shipper = createS3Shipper({ store, client, bucket: 'logs', prefix: 'sco/', logger: captureLogger() });

    let now = Date.UTC(2026, 10, 2, 12, 0, 0);
    for (let i = 0; i < 5; i++) store.appendRecord('anomaly_opened', now, { n: i });
    expect(await shipper.flush(now)).toEqual({ uploaded: 0, failed: 1 });
    // /health and "is the S3 upload working?" read this: failing, with S3's own reason, nothing landed yet.
    const failing = shipper.health();
    expect(failing).toMatchObject({ ok: false, backlog: 1, lastErrorAt: new Date(now).toISOString() });
    expect(failing.lastError).toMatch(/down|ServiceUnavailable/);
    expect(failing.lastUpload).toBeUndefined();
    for (let i = 5; i < 8; i++) store.appendRecord('remediation', now, { n: i });
    now += 1000;
    // Still inside the backoff: the failed batch waits; the new batch is tried and fails too.
    expect((await shipper.flush(now)).uploaded).toBe(0);
    expect(shipper.pending()).toBe(2);

    up = true;
    now += 3_600_000;
    expect(await shipper.flush(now)).toEqual({ uploaded: 2, failed: 0 });
    expect(shipper.pending()).toBe(0);
    expect(shipper.health()).toMatchObject({ ok: true, backlog: 0, lastUpload: new Date(now).toISOString() });
    // Kept in the store: a new shipper (a restart) still knows when the last batch landed.
    expect(createS3Shipper({ store, client, bucket: 'logs', prefix: 'sco/', logger: captureLogger() }).health().lastUpload).toBe(
      new Date(now).toISOString(),
    );
    const lines = [...objects.values()].flatMap((b) =>
      b
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    );
    expect(lines.map((l) => l.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...objects.keys()].every((k) => /^\/logs\/sco\/records\/2026-11-02\/\d{6}-\d+-\d+\.jsonl$/.test(k))).toBe(true);
    // Nothing new: a flush uploads nothing more.
    expect(await shipper.flush(now + 60_000)).toEqual({ uploaded: 0, failed: 0 });
    expect(objects.size).toBe(2);
  });
});
