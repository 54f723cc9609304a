import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 10, 2, 12, 0, 0);
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'db-1', role: 'db' },
];

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.saveSamples([
    { target: 'web-1', metric: 'cpu', ts: NOW - 20_000, value: 42.35 },
    { target: 'web-1', metric: 'memory', ts: NOW - 20_000, value: 61 },
    { target: 'db-1', metric: 'cpu', ts: NOW - 3_600_000, value: 12.5 },
    { target: 'db-1', metric: 'net_in', ts: NOW - 3_600_000, value: 2_500_000 },
  ]);
  const a: Anomaly = {
    id: 'an_one',
    key: 'web-1|cpu|threshold',
    target: 'web-1',
    metric: 'cpu',
    detector: 'threshold',
    status: 'resolved',
    severity: 'warning',
    score: 1,
    observed: 50,
    expectedLow: 0,
    expectedHigh: 90,
    startTs: NOW - 600_000,
    endTs: NOW - 300_000,
    updatedTs: NOW - 300_000,
    peak: 97.2,
    summary: 'cpu 97.2 > 90 for 3 samples',
  };
  store.upsertAnomaly(a);
  store.upsertAnomaly({
    ...a,
    id: 'an_two',
    key: 'db-1|memory|robust',
    target: 'db-1',
    metric: 'memory',
    detector: 'robust',
    status: 'open',
    endTs: null,
    startTs: NOW - 60_000,
    peak: 88,
    expectedLow: 60,
    expectedHigh: 70,
    summary: 'memory up',
  });
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}

const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c);

describe('answers', () => {
  it('gives one target’s figure with its time', () => {
    expect(ask('cpu on web-1')).toBe('web-1 CPU 42.4% (at 11:59:40 UTC, 20 s ago)');
  });

  it('calls stale data stale, with its age', () => {
    expect(ask('cpu on db-1')).toBe('db-1 CPU 12.5% (STALE: from 2026-11-02 11:00:00 UTC, 60 min old)');
    const table = ask("what's current CPU?");
    expect(table).toMatch(/^Current CPU for 2 targets:/);
    expect(table).toMatch(/web-1\s+42\.4%\s+11:59:40 UTC\n/);
    expect(table).toMatch(/db-1\s+12\.5%\s+11:00:00 UTC STALE/);
  });

  it('summarises anomalies with figures, ranges, detector and times', () => {
    const r = ask('summarise the last 3 anomalies');
    expect(r).toMatch(/^2 anomalies, 1 open; all:/);
    expect(r).toContain(
      'an_two [warning] db-1 memory: peak 88.0% (expected 60.0%–70.0%); since 2026-11-02 11:59:00 UTC (60 s, ongoing); robust',
    );
    expect(r).toContain(
      'an_one [warning] web-1 CPU: peak 97.2% (expected 0.0%–90.0%); 2026-11-02 11:50:00 UTC for 5 min, resolved; threshold',
    );
    expect(ask('what happened on db-1')).toMatch(/^1 anomaly on db-1/);
    expect(ask('anomalies today')).toMatch(/today \(UTC\)/);
  });

  it('explains an anomaly, including that nothing was proposed', () => {
    const r = ask('explain an_one');
    expect(r).toContain('What: cpu 97.2 > 90 for 3 samples.');
    expect(r).toContain('No remediation was proposed');
    expect(ask('explain an_nothere')).toBe('No anomaly "an_nothere".');
  });

  it('handles unknown hosts, network units and the empty cases', () => {
    expect(ask('cpu on web-99')).toMatch(/^I don't know a target called "web-99". Targets: web-1, db-1\.$/);
    expect(ask('network on db-1')).toMatch(/^db-1 network in 2\.50 MB\/s \(STALE/);
    expect(ask('pending approvals')).toBe('No proposals are waiting for approval.');
    expect(ask('remediation history')).toBe('No remediation has run or been decided yet.');
    expect(ask('tell me a joke')).toMatch(/^I'm not sure what you mean\. I answer from the live data/);
    expect(ask('status')).toMatch(/^2 targets, 1 open anomalies, 0 pending approvals\./);
  });
});
