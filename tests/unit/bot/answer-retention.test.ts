import { describe, expect, it } from 'vitest';
import { aboutFactsOf } from '../../../src/bot/answer-about.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const H = 3_600_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  // web-1 from 20 h ago, db-1 from 6 h ago.
  for (let ts = NOW - 20 * H; ts <= NOW; ts += 60_000) samples.push({ target: 'web-1', metric: 'cpu', ts, value: 10 });
  for (let ts = NOW - 6 * H; ts <= NOW; ts += 60_000) samples.push({ target: 'db-1', metric: 'cpu', ts, value: 10 });
  store.saveSamples(samples);
  store.upsertAnomaly(resolvedAnomaly('an_old', NOW, { startTs: NOW - 10 * H, endTs: NOW - 9 * H }));
  const facts = aboutFactsOf(configSchema.parse({ retention: { samplesHours: 48, anomaliesDays: 60, recordsDays: 14 } }), {
    intervalMs: 30_000,
    targets,
    platforms: ['web'],
  });
  return { store, targets, now: NOW, staleAfterMs: 90_000, about: () => facts };
}

describe('"how far back does your data go?"', () => {
  it('reads retention and interval questions as the pipeline', () => {
    expect(parseIntent('how far back does your data go?', targets)).toEqual({ kind: 'pipeline', focus: 'retention' });
    expect(parseIntent('how long do you keep data?', targets)).toEqual({ kind: 'pipeline', focus: 'retention' });
    expect(parseIntent("what's the sampling interval?", targets)).toEqual({ kind: 'pipeline', focus: 'next' });
  });

  it('says what is kept for how long, and how far back it reaches now', () => {
    const lines = answerIntent(parseIntent('how far back does your data go?', targets), ctx()).split('\n');
    expect(lines[0]).toBe(
      "Kept: samples 2 d (retention.samplesHours), anomalies and proposals 60 d (retention.anomaliesDays), the records of who did what and the daily JSON record files on this host 14 d (retention.recordsDays); what S3 keeps is up to the bucket's own rules.",
    );
    expect(lines[1]).toBe(
      'Now: the oldest sample is from 2026-12-05 16:00:00 UTC (20 h ago); the oldest anomaly from 2026-12-06 02:00:00 UTC (10 h ago).',
    );
  });
});

describe('samples older than the limit', () => {
  it('says why: they go in blocks, each once its newest sample is past the limit', () => {
    const c = ctx();
    // 20 h of web-1 kept under a 12 h limit: the oldest block has not gone yet.
    const facts = aboutFactsOf(configSchema.parse({ retention: { samplesHours: 12 } }), {
      intervalMs: 30_000,
      targets,
      platforms: ['web'],
    });
    const lines = answerIntent(parseIntent('how far back does your data go?', targets), { ...c, about: () => facts }).split('\n');
    expect(lines[1]).toBe(
      'Now: the oldest sample is from 2026-12-05 16:00:00 UTC (20 h ago), older than the limit because samples go in blocks of up to 6 h at this tick, each once its newest sample is past it; the oldest anomaly from 2026-12-06 02:00:00 UTC (10 h ago).',
    );
  });
});
