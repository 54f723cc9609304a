import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 12 - 1, 5, 12, 0, 0);
const MIN = 60_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

/**
 * Two hours every 30 s: web-1 cpu moves; web-1 memory is stuck at 41.5% for the last 20 min; db-1
 * network out reads 0 for 5 min at 11:00 and moves otherwise; db-1 disk is always zero.
 */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  for (let ts = NOW - 120 * MIN, k = 0; ts <= NOW; ts += 30_000, k++) {
    samples.push({ target: 'web-1', metric: 'cpu', ts, value: 20 + (k % 7) });
    samples.push({ target: 'web-1', metric: 'memory', ts, value: ts >= NOW - 20 * MIN ? 41.5 : 40 + (k % 3) * 0.1 });
    const quiet = ts >= NOW - 60 * MIN && ts < NOW - 55 * MIN;
    samples.push({ target: 'db-1', metric: 'net_out', ts, value: quiet ? 0 : 1000 + (k % 5) });
    samples.push({ target: 'db-1', metric: 'disk', ts, value: 0 });
  }
  store.saveSamples(samples);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx()).split('\n');

describe('series that stopped moving or fell to zero', () => {
  it('reads "did anything flatline?", "is web-1 cpu stuck?", "did anything drop to zero?", and leaves a stuck pipeline alone', () => {
    expect(parseIntent('did anything flatline?', targets)).toEqual({ kind: 'flatline' });
    expect(parseIntent('is web-1 cpu stuck?', targets)).toEqual({ kind: 'flatline', target: 'web-1', metric: 'cpu' });
    expect(parseIntent('did anything drop to zero today?', targets)).toMatchObject({ kind: 'flatline', zero: true });
    expect(parseIntent('is the pipeline stuck?', targets)).toMatchObject({ kind: 'pipeline' });
    expect(parseIntent('cpu dropped to 0.5%', targets)).toMatchObject({ kind: 'metrics' });
  });

  it('lists the series whose readings have not changed for 10 min, longest first, and those that read zero though they usually do not', () => {
    const lines = ask('did anything flatline?');
    expect(lines[0]).toBe('Unchanged for 10 min or more (the same reading every sample), longest first, of 4 series read:');
    const rows = lines.filter((l) => /^(?:web|db)-1 /.test(l));
    // db-1 disk has read 0 for two hours; web-1 memory 41.5% for the last 20 min.
    expect(rows.map((l) => l.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['db-1 disk', '0.0%'],
      ['web-1 memory', '41.5%'],
    ]);
    expect(lines).toContain('Read exactly zero in the last 24 h, though not usually zero:');
    expect(lines).toContain(
      '• db-1 network out: 10 readings at 0, between 2026-12-05 11:00:00 UTC and 2026-12-05 11:04:30 UTC (median 1.0 kB/s)',
    );
    // The always-zero disk is flat, not "dropped".
    expect(lines.some((l) => l.startsWith('• db-1 disk'))).toBe(false);
  });

  it('answers one series plainly, and leads with zeros when they were asked about', () => {
    expect(ask('is web-1 cpu stuck?')[0]).toBe('Not flat: web-1 CPU changed within its last 10 min (or 5 readings).');
    expect(ask('did anything drop to zero?')[0]).toBe('Read exactly zero in the last 24 h, though not usually zero:');
  });
});
