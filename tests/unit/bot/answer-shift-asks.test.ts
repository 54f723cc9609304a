import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { spanBounds } from '../../../src/bot/answer-metric-span.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { TimeSpan } from '../../../src/bot/parse-time-span.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'web-2', role: 'web' },
  { name: 'db-1', role: 'db' },
];
const spanOf = (q: string) => (parseIntent(q, targets) as { span?: TimeSpan }).span!;
const window = (q: string, now: number) => spanBounds(spanOf(q), { now, staleAfterMs: 90_000 }).label;

describe('the weekend and a fortnight as windows', () => {
  it('reads "over the weekend" as the latest Saturday and Sunday, and "last weekend" as the one before when one is under way', () => {
    const sunday = Date.UTC(2026, 11, 6, 11);
    const wednesday = Date.UTC(2026, 11, 9, 11);
    expect(window('memory on db-1 over the weekend', sunday)).toBe('since 2026-12-05 00:00:00 UTC');
    expect(window('cpu last weekend', sunday)).toBe('between 2026-11-28 00:00:00 UTC and 2026-11-30 00:00:00 UTC');
    expect(window('cpu over the weekend', wednesday)).toBe('between 2026-12-05 00:00:00 UTC and 2026-12-07 00:00:00 UTC');
    expect(window('cpu last weekend', wednesday)).toBe('between 2026-12-05 00:00:00 UTC and 2026-12-07 00:00:00 UTC');
  });

  it('leaves a weekend ahead to what asks about it', () => {
    expect(spanOf('by the weekend will db-1 be full?')).toEqual({ kind: 'last', ms: 7 * 86_400_000 });
    expect(parseIntent('silence web-1 for the weekend', targets)).toMatchObject({ kind: 'silence', from: { day: { weekday: 6 } } });
  });

  it('reads a fortnight as 14 days', () => {
    expect(spanOf('network in on web-1 over the past fortnight')).toEqual({ kind: 'last', ms: 14 * 86_400_000 });
    expect(spanOf('alerts in the last fortnight')).toEqual({ kind: 'last', ms: 14 * 86_400_000 });
  });
});

describe('end-of-shift and incident questions', () => {
  it.each([
    ['is it safe to go home?', 'attention'],
    ['can I log off?', 'attention'],
    ['is this an outage?', 'attention'],
    ['is there an outage?', 'attention'],
    ['is it quiet enough to deploy?', 'deploy_check'],
    ['how much headroom do we have?', 'capacity'],
    ['do we need more web servers?', 'capacity'],
    ['can the db handle more load?', 'capacity'],
  ])('%s → %s', (q, kind) => {
    expect(parseIntent(q, targets).kind).toBe(kind);
  });

  it('keeps "headroom on db-1" its free space, and the capacity of a group its hosts', () => {
    expect(parseIntent('headroom on db-1', targets)).toEqual({ kind: 'metrics', target: 'db-1', free: true });
    expect(parseIntent('do we need more web servers?', targets)).toEqual({ kind: 'capacity', group: ['web-1', 'web-2'] });
  });

  it('says user impact is not measured here, and that latency is the nearest', () => {
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now: Date.UTC(2026, 11, 6, 11), staleAfterMs: 90_000 };
    c.store.saveSamples([{ target: 'web-1', metric: 'latency_ms', ts: c.now - 10_000, value: 80 }]);
    for (const q of ['are users affected?', "what's the customer impact?", 'are customers noticing anything?'])
      expect(parseIntent(q, targets), q).toMatchObject({ kind: 'uncollected', what: 'user impact' });
    expect(answerIntent(parseIntent('are users affected?', targets), c).split('\n')).toEqual([
      "I don't collect user impact: no source here reads it, so I have no figure to give.",
      'Latency is the nearest figure I have to what users feel: ask "latency", or "anything wrong?" for what is open now.',
      'What I have: latency.',
    ]);
  });
});
