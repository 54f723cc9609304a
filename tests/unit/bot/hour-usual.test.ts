import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { hourUsualLine } from '../../../src/bot/hour-usual.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

// Monday 2026-12-07 06:00 UTC. Each earlier morning web-1 CPU runs 20–30 % around 06:00 and 70 %
// at noon: the hour's own level, not the day's.
const NOW = Date.UTC(2026, 11, 7, 6, 0, 0);
const MIN = 60_000;
const D = 86_400_000;
const targets = [{ name: 'web-1' }];

function ctx(days: number, now: number): AnswerContext {
  const store = createSqliteStore(':memory:');
  for (let d = 1; d <= days; d++)
    for (let m = -40; m <= 40; m += 2) {
      const ts = NOW - d * D + m * MIN;
      store.saveSamples([
        { target: 'web-1', metric: 'cpu', ts, value: 20 + ((m + 40) % 11) },
        { target: 'web-1', metric: 'cpu', ts: ts + 6 * 3_600_000, value: 70 },
      ]);
    }
  store.saveSamples([{ target: 'web-1', metric: 'cpu', ts: NOW - 30_000, value: now }]);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const read = (c: AnswerContext) => (from: number, until: number) => c.store.series('web-1', 'cpu', from, until);

describe('the same hour on earlier days', () => {
  it('gives the 5th–95th percentile and mean of ±30 min on each earlier day, and where now sits', () => {
    const c = ctx(3, 90);
    // 31 samples a day in the hour's window (every 2 min from −30 to +30), 20 % to 30 %.
    expect(hourUsualLine('web-1', 'cpu', NOW, read(c))).toBe(
      'At this time of day (05:30–06:30 UTC) on 3 earlier days with samples: web-1 CPU 20.0%–30.0% (5th–95th percentile of 93 samples), mean 24.9%. Now 90.0%: above what this hour usually is.',
    );
    expect(hourUsualLine('web-1', 'cpu', NOW, read(ctx(3, 25)))).toMatch(/Now 25\.0%: within it\.$/);
    expect(hourUsualLine('web-1', 'cpu', NOW, read(ctx(3, 5)))).toMatch(/Now 5\.0%: below what this hour usually is\.$/);
  });

  it('says when one day is all there is, and gives nothing with no earlier day', () => {
    expect(hourUsualLine('web-1', 'cpu', NOW, read(ctx(1, 90)))).toMatch(
      /on the one earlier day with samples: .* Only one earlier day has this hour: a daily rhythm shows once several days agree\.$/,
    );
    expect(hourUsualLine('web-1', 'cpu', NOW, read(ctx(0, 90)))).toBeUndefined();
    // Kept 24 h (the default), the retention is why: said, with what keeps a week.
    expect(hourUsualLine('web-1', 'cpu', NOW, read(ctx(1, 90)), 24 * 3_600_000)).toMatch(
      /a daily rhythm shows once several days agree\. Samples are kept 24 h \(retention\.samplesHours\); 192 h keeps a week of this hour\.$/,
    );
    expect(hourUsualLine('web-1', 'cpu', NOW, read(ctx(0, 90)), 24 * 3_600_000)).toBe(
      'No earlier day has samples at this time of day. Samples are kept 24 h (retention.samplesHours); 192 h keeps a week of this hour.',
    );
  });

  it('answers "is cpu on web-1 normal for this time of day?" with it, after the figure now', () => {
    expect(parseIntent('is cpu on web-1 normal for this time of day?', targets)).toMatchObject({ kind: 'explain', usual: true });
    const lines = answerIntent(parseIntent('is cpu on web-1 normal for this time of day?', targets), ctx(3, 90)).split('\n');
    expect(lines[0]).toMatch(/^web-1 CPU 90\.0%/);
    expect(lines[1]).toMatch(/^At this time of day \(05:30–06:30 UTC\) on 3 earlier days .* above what this hour usually is\.$/);
  });
});
