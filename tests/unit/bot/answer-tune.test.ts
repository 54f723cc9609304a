import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const STEP = 30_000;
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'db-1', role: 'db' },
];

/**
 * Two hours of CPU every 30 s at 40 %: web-1 at 95 % for 10 samples and at 93 % for 6, db-1 at 99 %
 * for 3; web-1 memory flat at 60 %.
 */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  for (let k = 0; k < 240; k++) {
    const ts = NOW - (240 - k) * STEP;
    const web = k >= 20 && k < 30 ? 95 : k >= 100 && k < 106 ? 93 : 40;
    samples.push({ target: 'web-1', metric: 'cpu', ts, value: web });
    samples.push({ target: 'db-1', metric: 'cpu', ts, value: k >= 50 && k < 53 ? 99 : 40 });
    samples.push({ target: 'web-1', metric: 'memory', ts, value: 60 });
  }
  store.saveSamples(samples);
  return {
    store,
    targets,
    now: NOW,
    staleAfterMs: 90_000,
    resolveAfterSamples: 3,
    thresholds: [
      { metric: 'cpu', above: 90, forSamples: 3, severity: 'warning' },
      { metric: 'memory', above: 90, forSamples: 3, severity: 'warning' },
    ],
  };
}

const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c);

describe('threshold replay in chat', () => {
  it('replays each rule as set, at round bounds up to the furthest level held, and for twice the samples', () => {
    const lines = ask('suggest better thresholds', ctx()).split('\n');
    expect(lines[0]).toBe(
      'Threshold rules replayed on the stored samples over the last 24 h (samples from 2026-12-03 10:00:00 UTC: older ones are not kept), through the live detector and tracker (an episode ends after 3 normal samples):',
    );
    expect(lines.slice(1, 8)).toEqual([
      'CPU above 90% for 3 samples (warning), 2 targets: 3 episodes (web-1 2, db-1 1).',
      '• above 93%: 2 episodes (db-1 1, web-1 1)',
      '• above 96%: 1 episode (db-1 1)',
      '• above 99%: 0 episodes (the furthest held for 3 samples: 99%, db-1)',
      '• above 90% for 6 samples (about 3 min): 2 episodes (web-1 2)',
      'memory above 90% for 3 samples (warning), 1 target: 0 episodes.',
      '• The furthest any target held for 3 samples: 60% (web-1), 30% short of the bound.',
    ]);
    expect(lines.at(-1)).toMatch(/^Nothing was changed: a new bound goes in config \(thresholds\)/);
  });

  it('adds the bound asked about, and keeps to the target or metric named', () => {
    const c = ctx();
    const asked = ask('what if the cpu threshold were 94%?', c).split('\n');
    expect(asked).toContain('• above 94%: 2 episodes (db-1 1, web-1 1) (asked)');
    // The bound asked leads, against the rule as set (decision 0072).
    expect(asked[0]).toBe('CPU above 94% instead of 90%: 2 episodes against 3 as set, 1 fewer (33%).');
    expect(ask('how many alerts would a 94% cpu threshold have saved?', c).split('\n')[0]).toBe(asked[0]);
    const web = ask('is the cpu threshold on web-1 too low?', c).split('\n');
    expect(web[1]).toBe('CPU above 90% for 3 samples (warning), 1 target: 2 episodes (web-1 2).');
    expect(web.some((l) => l.startsWith('memory'))).toBe(false);
    expect(ask('tune the disk threshold', c)).toMatch(/^No threshold rule is set for disk \(thresholds in config\)/);
    expect(ask('tune the cpu threshold on web-9', c)).toMatch(/web-9/);
  });

  it('says when a raised bound splits an episode where the values dip between the bounds', () => {
    const store = createSqliteStore(':memory:');
    // web-1 at 95 % with one sample at 92 % in the middle: one episode above 90 %, two above 93.3 %.
    const values = [...Array(10).fill(40), 95, 95, 95, 92, 95, 95, 95, ...Array(10).fill(40)] as number[];
    store.saveSamples(values.map((value, k) => ({ target: 'web-1', metric: 'cpu', ts: NOW - (values.length - k) * STEP, value })));
    const c: AnswerContext = { ...ctx(), store, resolveAfterSamples: 1 };
    expect(ask('suggest a better cpu threshold for web-1', c).split('\n').slice(1, 6)).toEqual([
      'CPU above 90% for 3 samples (warning), 1 target: 1 episode (web-1 1).',
      '• above 91.7%: 1 episode (web-1 1)',
      '• above 93.3%: 2 episodes (web-1 2) (more: a dip below it splits an episode)',
      '• above 95%: 0 episodes (the furthest held for 3 samples: 95%, web-1)',
      '• above 90% for 6 samples (about 3 min): 1 episode (web-1 1)',
    ]);
  });
});
