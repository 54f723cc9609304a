import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { localS3Client } from '../helpers/local-s3.js';
import { startServer } from '../helpers/net.js';
import { captureLogger, testConfig } from '../helpers/test-config.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('S3 uploads refused, seen from outside', () => {
  it('makes /health degraded with S3\'s reason, and "is the s3 upload working?" says so', async () => {
    // A bucket that refuses every upload, as a wrong IAM policy would.
    const s3 = await startServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end('<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
    });
    cleanups.push(() => s3.close());
    const client = localS3Client(s3.url);
    const config = testConfig({
      overrides: { sources: { backfillHours: 0 }, records: { s3: { bucket: 'records', flushEverySeconds: 1 } } },
    });
    const app: App = createApp({ config, logger: captureLogger(), clients: { s3: client } });
    cleanups.push(() => app.stop().catch(() => undefined));
    const { port } = await app.start({ schedule: false });
    const base = `http://127.0.0.1:${port}`;
    // The start is recorded, so the first flush (after 1 s) has a batch to upload.
    let health: { status: string; components: { s3: { ok: boolean; lastError?: string; backlog: number } } } | undefined;
    for (let k = 0; k < 40 && !health?.components.s3.lastError; k++) {
      await new Promise((r) => setTimeout(r, 100));
      health = (await (await fetch(`${base}/health`)).json()) as typeof health;
    }
    expect(health!.status).toBe('degraded');
    expect(health!.components.s3).toMatchObject({ ok: false, lastError: expect.stringMatching(/Access Denied|AccessDenied/) });
    expect(health!.components.s3.backlog).toBeGreaterThan(0);
    const r = await fetch(`${base}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'is the s3 upload working?' }),
    });
    const { reply } = (await r.json()) as { reply: string };
    expect(reply.split('\n')[0]).toMatch(
      /^S3 uploads are FAILING: the last try, at .*, failed: "Access Denied"\. No batch has landed yet; \d+ batch(?:es)? waiting/,
    );
  });
});
