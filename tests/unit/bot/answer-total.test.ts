import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { formatBytes, volumeOf } from '../../../src/bot/answer-total.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

// 11:49 UTC on 2026-12-03.
const NOW = Date.UTC(2026, 11, 3, 11, 49, 0);
const DAY0 = Date.UTC(2026, 11, 3);
const targets = [{ name: 'web-1' }, { name: 'web-2' }, { name: 'db-1' }];
const s = (target: string, metric: string, ts: number, value: number): Sample => ({ target, metric, ts, value });

describe('volumeOf', () => {
  it('integrates a rate between neighbouring samples and leaves a long gap out', () => {
    // 0 → 100 B/s over 10 s is 500 B; 100 B/s held for 10 s is 1,000 B; the 10-minute gap is not bridged.
    const points = [s('h', 'net_in', 0, 0), s('h', 'net_in', 10_000, 100), s('h', 'net_in', 20_000, 100), s('h', 'net_in', 620_000, 100)];
    expect(volumeOf(points, 120_000)).toEqual({ bytes: 1500, coveredMs: 20_000 });
    expect(volumeOf(points, 1_000_000)).toEqual({ bytes: 61_500, coveredMs: 620_000 });
    expect(volumeOf([], 120_000)).toEqual({ bytes: 0, coveredMs: 0 });
  });

  it('prints volumes in decimal units', () => {
    expect([999, 1500, 2.5e6, 3.21e9, 4e12].map(formatBytes)).toEqual(['999 B', '1.5 kB', '2.50 MB', '3.21 GB', '4.00 TB']);
  });
});

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  // Today since midnight, every 30 s: web-1 receives 1 MB/s and sends 0.5 MB/s; web-2 receives 3 MB/s
  // but stopped reporting two hours ago; db-1 reports CPU only.
  for (let ts = DAY0; ts <= NOW; ts += 30_000) {
    samples.push(s('web-1', 'net_in', ts, 1e6), s('web-1', 'net_out', ts, 5e5), s('db-1', 'cpu', ts, 40));
    if (ts <= NOW - 2 * 3_600_000) samples.push(s('web-2', 'net_in', ts, 3e6), s('web-2', 'cpu', ts, 20));
  }
  store.saveSamples(samples);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}

const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c);

describe('totals', () => {
  it('adds up the fresh rates now and names the targets left out', () => {
    const c = ctx();
    expect(ask('total network in', c)).toBe(
      [
        'Total network in now (latest readings, newest 2026-12-03 11:49:00 UTC): 1.00 MB/s across 1 target.',
        'Left out, no reading in the last 2 min: web-2.',
      ].join('\n'),
    );
    expect(ask('total traffic', c).split('\n')).toEqual([
      'Total network in now (latest readings, newest 2026-12-03 11:49:00 UTC): 1.00 MB/s across 1 target.',
      'Left out, no reading in the last 2 min: web-2.',
      // web-2 never sent a network-out figure, so it is not left out of that total.
      'Total network out now (latest readings, newest 2026-12-03 11:49:00 UTC): 500.0 kB/s across 1 target.',
    ]);
    // At an instant, each target's reading nearest then: both were reporting at 09:00.
    expect(ask('total network in at 09:00', c)).toBe('Total network in at 2026-12-03 09:00:00 UTC: 4.00 MB/s across 2 targets.');
  });

  it('gives the volume moved over a window, per target with its share', () => {
    const c = ctx();
    // web-1: 1 MB/s for 11 h 49 min = 42.54 GB; web-2: 3 MB/s for 9 h 49 min = 106.02 GB.
    expect(ask('total network in today', c)).toBe(
      [
        'Network today (UTC): 148.56 GB received across 2 targets (rates integrated between samples).',
        '```',
        'target  received   share',
        'web-2   106.02 GB  71%',
        'web-1   42.54 GB   29%',
        '```',
        'Covered less of the window (gaps over 3 min are not counted): web-2 83%.',
      ].join('\n'),
    );
    expect(ask('how much data did web-1 send today', c)).toBe(
      'Network today (UTC): 21.27 GB sent across 1 target (rates integrated between samples).',
    );
    // A volume however it is asked: with 'network' before 'traffic', or in bytes.
    for (const q of ['how much network traffic did web-1 send today', 'how many GB did web-1 send today'])
      expect(ask(q, c), q).toBe('Network today (UTC): 21.27 GB sent across 1 target (rates integrated between samples).');
  });

  it('says a time still ahead has no figures, and points at the trend', () => {
    expect(ask('total network in tomorrow', ctx())).toBe(
      'That is still ahead (it is 2026-12-03 11:49:00 UTC now): I only answer about what has happened. For where a metric is heading, ask for its trend ("is disk filling up on db-1?", "when will db-1 run out of space?").',
    );
  });

  it('says a share or a latency has no sum and gives the mean instead', () => {
    const c = ctx();
    expect(ask('total cpu', c)).toBe('CPU is a share of each target, so a sum would mean nothing: the mean across 1 target now is 40.0%.');
    expect(ask('sum of latency', c)).toBe('A latency is per target, so it has no total; and there are no fresh readings to average.');
  });
});
