import { describe, expect, it } from 'vitest';
import { outlookLines } from '../../../src/bot/outlook-lines.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 6, 22, 0, 0);
const MIN = 60_000;
const rules = configSchema.parse({
  thresholds: [
    { metric: 'disk', above: 90, forSamples: 3, severity: 'critical' },
    { metric: 'cpu', above: 90, forSamples: 3, severity: 'warning' },
  ],
}).thresholds;

/** web-1 disk rises 20 points an hour to 80% now; its CPU is flat. db-1 was first read 10 min ago, its CPU rising 60 points/h to 30%. */
function store() {
  const s = createSqliteStore(':memory:');
  const at = (k: number) => NOW - k * 30_000;
  for (let k = 0; k <= 120; k++) {
    s.saveSamples([
      { target: 'web-1', metric: 'disk', ts: at(k), value: 80 - (k * 0.5 * 20) / 60 },
      { target: 'web-1', metric: 'cpu', ts: at(k), value: 30 },
    ]);
  }
  for (let k = 0; k <= 20; k++) s.saveSamples([{ target: 'db-1', metric: 'cpu', ts: at(k), value: 30 - k * 0.5 }]);
  return s;
}

describe('outlookLines', () => {
  it('lists the figures whose line reaches a threshold within the time ahead, soonest first, with the caveat', () => {
    expect(outlookLines(['web-1', 'db-1'], rules, store(), NOW, 60 * MIN)).toEqual([
      'Heading for a threshold within 60 min (by 2026-12-06 23:00:00 UTC), if its line holds:',
      '• web-1 disk 80.0%, rising 20.0 points/h: its critical line (above 90.0%) in about 30 min',
      "On each figure's straight line over the last 60 min: a line knows nothing of spikes or daily cycles.",
    ]);
  });

  it('says none when no line gets there in time, and carries a line at most four times the time it covers', () => {
    expect(outlookLines(['web-1'], rules, store(), NOW, 20 * MIN)[0]).toBe(
      "No figure's line heads for a threshold within 20 min (by 2026-12-06 22:20:00 UTC). On each figure's straight line over the last 60 min: a line knows nothing of spikes or daily cycles.",
    );
    // db-1's CPU reaches 90% in 60 min at its rate, but 10 min of readings are carried 40 min at most.
    expect(outlookLines(['db-1'], rules, store(), NOW, 12 * 60 * MIN)[0]).toMatch(/^No figure's line heads for a threshold within 12 h /);
    // Asked further than four times the longest window: said.
    expect(outlookLines(['web-1'], rules, store(), NOW, 30 * 60 * MIN).at(-1)).toMatch(
      /A line is carried at most 4× its window, so not the whole 30 h asked\.$/,
    );
  });

  it('is asked as "will web-1 alert in the next hour?" and the like, never of the past', () => {
    const targets = [{ name: 'web-1' }, { name: 'db-1' }];
    expect(parseIntent('will web-1 alert in the next hour?', targets)).toEqual({
      kind: 'attention',
      target: 'web-1',
      building: true,
      aheadMs: 60 * MIN,
    });
    expect(parseIntent('is db-1 going to be ok tonight?', targets)).toMatchObject({
      kind: 'attention',
      target: 'db-1',
      aheadMs: 12 * 60 * MIN,
    });
    expect(parseIntent('what should I watch tonight?', targets)).toMatchObject({ kind: 'attention', aheadMs: 12 * 60 * MIN });
    expect(parseIntent('will disk on db-1 run out in the next 2 hours?', targets)).toMatchObject({ metric: 'disk', aheadMs: 120 * MIN });
    expect(parseIntent('anything about to fire?', targets)).toEqual({ kind: 'attention', building: true });
    expect(parseIntent('did anything alert overnight?', targets)).toMatchObject({ kind: 'anomalies' });
  });
});
