import { describe, expect, it } from 'vitest';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { renderTimeline, type AlertHistory } from '../../../src/bot/alert-timeline.js';

const T = Date.UTC(2026, 10, 2, 23, 50, 0);
const M = 60_000;
const anomaly = (id: string, target: string, start: number, end: number | null): Anomaly => ({
  ...{ id, key: `${target}|disk|robust`, target, metric: 'disk', detector: 'robust', severity: 'critical', score: 0.6 },
  ...{ observed: 91, expectedLow: 40, expectedHigh: 60, peak: 93.5, summary: 'disk filling', startTs: start, endTs: end },
  ...{ status: end === null ? 'open' : 'resolved', updatedTs: end ?? start },
});
const rec = (ts: number, kind: string, data: Record<string, unknown>) => ({ id: ts, ts, kind, data });

describe('renderTimeline', () => {
  it('orders every kind of entry, dates the first and each new day, and says what is still open', () => {
    const key = `alert:db-1:${T + M}`;
    const h: AlertHistory = {
      key,
      members: [anomaly('an_a1', 'db-1', T, null), anomaly('an_b1', 'db-1', T + 2 * M, T + 15 * M)],
      destinations: [],
      records: [
        rec(T + 3 * M, 'alert_acknowledged', { key, actor: 'web:alice', afterMs: 2 * M }),
        rec(T + 4 * M, 'alert_acknowledged', { key: 'alert:other:1', actor: 'web:bob', afterMs: 1 }),
        rec(T + 5 * M, 'silence_added', { id: 'sl_x1', target: '*', metric: 'disk', untilTs: T + 65 * M, actor: 'slack:U1' }),
        rec(T + 6 * M, 'silence_added', { id: 'sl_y1', target: 'web-1', metric: '*', untilTs: T + 65 * M, actor: 'slack:U1' }),
        rec(T + 9 * M, 'silence_lifted', { id: 'sl_x1', target: null, actor: 'slack:U2' }),
        rec(T + 11 * M, 'alert_unacknowledged', { keys: [key], actor: 'web:alice' }),
      ],
      proposals: [],
      escalatedTs: T + 20 * M,
      reminders: 2,
    };
    expect(renderTimeline(h, T + 30 * M).split('\n')).toEqual([
      'Timeline of the alert on db-1 (UTC):',
      '2026-11-02 23:50:00  an_a1 opened: critical db-1 disk (robust) — disk filling',
      '23:51:00  alert routed nowhere (no route had a channel)',
      '23:52:00  an_b1 opened: critical db-1 disk (robust) — disk filling',
      '23:53:00  acknowledged by web:alice (2 min after it opened)',
      '23:55:00  silenced all targets disk until 2026-11-03 00:55:00 UTC by slack:U1 (sl_x1)',
      '23:59:00  silence sl_x1 lifted by slack:U2',
      '2026-11-03 00:01:00  handed back by web:alice',
      '00:05:00  an_b1 resolved after 13 min, peak 93.5%',
      '00:10:00  escalated: nobody had acknowledged it',
      'Still open (30 min). 2 reminders sent.',
    ]);
  });

  it('says when an anomaly was never announced, and caps a long history', () => {
    const held: AlertHistory = { members: [anomaly('an_h1', 'db-2', T, T + M)], records: [], proposals: [], reminders: 0 };
    expect(renderTimeline(held, T + 2 * M)).toContain(
      '23:50:00  not announced: held by a silence, an inhibit rule or a maintenance window',
    );
    const events = Array.from({ length: 60 }, (_, i) => ({
      ts: T + i * 1000,
      from: 'approved',
      to: 'running',
      actor: 'system',
      note: `try ${i}`,
    }));
    const long = { ...held, proposals: [{ id: 'rp_long1', action: 'restart_service', anomalyId: 'an_h1', events }] };
    const lines = renderTimeline(long, T + 2 * M).split('\n');
    expect(lines).toHaveLength(1 + 40 + 2);
    expect(lines.at(-2)).toBe('…and 23 more.');
    expect(lines.at(-1)).toBe('All resolved.');
  });
});
