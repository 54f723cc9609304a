import { describe, expect, it } from 'vitest';
import { watchMet, type Watch } from '../../../src/bot/watches.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const T = Date.UTC(2026, 11, 5, 6, 0, 0);
const MIN = 60_000;

/** db-1 CPU every 30 s: 40% until 3 min ago, then 60% from 2.5 min ago to now. */
function store() {
  const s = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  for (let ts = T - 10 * MIN; ts <= T; ts += 30_000)
    samples.push({ target: 'db-1', metric: 'cpu', ts, value: ts <= T - 3 * MIN ? 40 : 60 });
  s.saveSamples(samples);
  return s;
}

const watch = (q: string): Watch => {
  const i = parseIntent(q, [{ name: 'db-1' }]);
  if (i.kind !== 'watch' || i.when === 'resolved') throw new Error(`not a line watch: ${JSON.stringify(i)}`);
  return {
    id: 'wt_1',
    platform: 'slack',
    channel: 'C1',
    user: 'slack:U1',
    target: 'db-1',
    metric: 'cpu',
    when: i.when,
    createdTs: T - MIN,
    untilTs: T + 60 * MIN,
    ...(i.sustainMs ? { sustainMs: i.sustainMs } : {}),
  };
};

describe('a watch on a line that must hold', () => {
  it('is met only once the readings have been past the line for as long as asked', () => {
    const s = store();
    expect(watchMet(watch('tell me when db-1 cpu stays above 50% for 2 min'), s, ['db-1'])).toBe(
      'db-1 CPU is 60.0% at 06:00:00 UTC, above 50.0%, and has been since 05:57:30 UTC.',
    );
    expect(watchMet(watch('tell me when db-1 cpu stays above 50% for 5 min'), s, ['db-1'])).toBeUndefined();
    expect(watchMet(watch('tell me when db-1 cpu stays below 50% for 2 min'), s, ['db-1'])).toBeUndefined();
    // Without "stays … for", crossing is enough.
    expect(watchMet(watch('tell me when db-1 cpu goes above 50%'), s, ['db-1'])).toBe('db-1 CPU is 60.0% at 06:00:00 UTC, above 50.0%.');
  });

  it('reads a plain "for" after a line as how long it must hold, and "for the next" as how long to watch', () => {
    expect(parseIntent('ping me when db-1 cpu is above 90% for 5 minutes', [{ name: 'db-1' }])).toMatchObject({
      sustainMs: 5 * MIN,
      forMs: 86_400_000,
    });
    expect(parseIntent('tell me when db-1 cpu drops below 50% for the next 2h', [{ name: 'db-1' }])).not.toHaveProperty('sustainMs');
    expect(parseIntent('tell me when db-1 recovers for 2h', [{ name: 'db-1' }])).toMatchObject({ when: 'resolved', forMs: 2 * 60 * MIN });
  });
});

describe('a watch on a range', () => {
  it('is met by a reading between both figures, and not by one past the top', () => {
    const s = store();
    expect(watchMet(watch('tell me when db-1 cpu is between 55 and 65%'), s, ['db-1'])).toBe(
      'db-1 CPU is 60.0% at 06:00:00 UTC, between 55.0% and 65.0%.',
    );
    expect(watchMet(watch('tell me when db-1 cpu is between 30 and 50%'), s, ['db-1'])).toBeUndefined();
  });
});
