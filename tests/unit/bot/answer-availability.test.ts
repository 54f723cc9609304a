import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const H = 3_600_000;
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);

/** web-1 and db-1 read for two days; db-1 went silent twice (2 h, and 30 min still going), web-1 never. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  for (const target of ['web-1', 'db-1'])
    store.saveSamples(Array.from({ length: 48 }, (_, k) => ({ target, metric: 'memory', ts: NOW - (48 - k) * H, value: 50 })));
  // A silent-host anomaly opens when the silence is noticed; its peak is how long the host had been silent.
  const silent = { target: 'db-1', metric: 'heartbeat', detector: 'silence' as const };
  store.upsertAnomaly(resolvedAnomaly('an_gap', NOW, { ...silent, startTs: NOW - 20 * H + 120_000, endTs: NOW - 18 * H, peak: 7200 }));
  store.upsertAnomaly(
    resolvedAnomaly('an_now', NOW, { ...silent, status: 'open', startTs: NOW - 30 * 60_000 + 120_000, endTs: null, peak: 1800 }),
  );
  return { store, targets: [{ name: 'web-1' }, { name: 'db-1' }], now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string) => answerIntent(parseIntent(q, ctx().targets), ctx()).split('\n');

describe('"availability of db-1 this week"', () => {
  it('is the share of the time watched that data arrived, with each silent stretch from the last sample', () => {
    const lines = ask('availability of db-1 this week');
    // Watched 48 h; silent 2 h + 30 min.
    expect(lines[0]).toBe(
      'db-1 reported data 94.79% of the time over the last 7 d (watched since 2026-12-03 12:00:00 UTC): silent 2 h 30 min in 2 stretches: ' +
        '2026-12-04 16:00:00 UTC for 2 h; 2026-12-05 11:30:00 UTC for 30 min (still silent).',
    );
    expect(lines[1]).toBe('Samples held over the last 7 d: memory 48.');
    expect(lines[2]).toBe(
      'This is whether data arrived (silent-host anomalies), not whether a service answered. I was running throughout.',
    );
    expect(ask('sla for web-1')[0]).toBe(
      'web-1 reported data 100% of the time over the last 7 d (watched since 2026-12-03 12:00:00 UTC): no silent stretch.',
    );
    expect(ask('sla for web-1')[2]).toMatch(/: no SLO is set \("error budget" says how\)\. /);
  });

  it('ranks the fleet least available first, and counts only the part of a stretch inside the window', () => {
    const fleet = ask('uptime % of the fleet');
    expect(fleet[0]).toBe('Data arrival over the last 7 d: 1 of 2 targets had silent stretches.');
    expect(fleet[3]).toMatch(/^db-1 +94\.79% +2 h 30 min +2 /);
    expect(fleet[4]).toMatch(/^web-1 +100% +- +0 /);
    // Today (from 00:00): only the 30 min still going, of 12 h watched.
    expect(ask('availability of db-1 today')[0]).toMatch(
      /^db-1 reported data 95\.83% of the time today \(UTC\): silent 30 min in 1 stretch: /,
    );
  });
});

describe('"which host had the longest outage?"', () => {
  it('leads with the longest silent stretch, or says none went silent and names the longest alert', () => {
    const lines = ask('which host had the longest outage?');
    expect(lines[0]).toBe('Longest silent stretch over the last 7 d: db-1, from 2026-12-04 16:00:00 UTC for 2 h.');
    expect(lines[1]).toBe('Data arrival over the last 7 d: 1 of 2 targets had silent stretches.');
    const c = ctx();
    c.store.upsertAnomaly(resolvedAnomaly('an_cpu', NOW, { target: 'web-1', startTs: NOW - 5 * H, endTs: NOW - 4 * H }));
    expect(answerIntent(parseIntent('was web-1 down the longest?', c.targets), c).split('\n')[0]).toBe(
      'No target went silent over the last 7 d; the longest alert was an_cpu (web-1 CPU, warning) from 2026-12-05 07:00:00 UTC for 60 min ("longest alerts this week" lists them).',
    );
  });
});

describe('"any new hosts?"', () => {
  it('names the targets whose first sample came an hour or more after the rest, newest first', () => {
    expect(parseIntent('any new hosts?', ctx().targets).kind).toBe('availability');
    const c = ctx();
    c.targets = [...c.targets, { name: 'api-9' }];
    c.store.saveSamples(Array.from({ length: 3 }, (_, k) => ({ target: 'api-9', metric: 'memory', ts: NOW - (3 - k) * H, value: 40 })));
    expect(answerIntent(parseIntent('any new hosts?', c.targets), c).split('\n')).toContain(
      'Newer than the rest: api-9 (first sample 2026-12-05 09:00:00 UTC, 3 h ago).',
    );
    // None newer: no line.
    expect(ask('any new hosts?').some((l) => l.startsWith('Newer than the rest'))).toBe(false);
  });
});

describe('availability when I was not running', () => {
  it('leaves out the time from my last tick before a restart to the restart, also from a silent stretch it overlaps', () => {
    const c = ctx();
    // Down 1 h (last tick 11 h ago, started 10 h ago), and 30 min inside db-1's 2 h silence.
    const start = (ts: number, lastTickBeforeTs: number) =>
      c.store.appendRecord('started', ts, { version: 'x', config: 'h', changes: [], previousStartTs: null, lastTickBeforeTs });
    start(NOW - 10 * H, NOW - 11 * H);
    start(NOW - 18.5 * H, NOW - 19 * H);
    const lines = answerIntent(parseIntent('availability of db-1 this week', c.targets), c).split('\n');
    // Watched 48 h less 1 h 30 min; silent 2 h 30 min less the 30 min I was down inside it: 1 - 2 / 46.5.
    expect(lines[0]).toMatch(
      /^db-1 reported data 95\.70% of the time over the last 7 d \(watched since 2026-12-03 12:00:00 UTC\): silent 2 h in 2 stretches: /,
    );
    expect(lines[2]).toBe(
      'This is whether data arrived (silent-host anomalies), not whether a service answered. I was not running for 1 h 30 min of it (from my last tick before a restart to the restart: "when were you last restarted?"), which counts neither way.',
    );
  });
});
