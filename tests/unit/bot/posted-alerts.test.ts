import { describe, expect, it } from 'vitest';
import { postedLines, unpostedLines } from '../../../src/bot/posted-alerts.js';
import type { Anomaly } from '../../../src/core/anomaly.js';

const T = Date.UTC(2026, 11, 5, 12, 0, 0);

function anomaly(id: string, over: Partial<Anomaly> = {}): Anomaly {
  return {
    ...{ id, key: `web-1|cpu|${id}`, target: 'web-1', metric: 'cpu', detector: 'threshold', severity: 'warning' },
    ...{ score: 1, observed: 95, expectedLow: 0, expectedHigh: 90, peak: 95, summary: 'cpu 95', startTs: T, endTs: T + 60_000 },
    ...{ status: 'resolved', updatedTs: T + 60_000 },
    ...over,
  } as Anomaly;
}

// The notifier's records as the store keeps them: alert links and held reasons by anomaly id.
function store(links: Record<string, string>, kv: Record<string, string>) {
  return { chat: { alertKeyFor: (id: string) => links[id] }, getKv: (k: string) => kv[k] };
}

describe('postedLines', () => {
  it('counts the alert messages that carried the anomalies, and why each of the rest never reached chat', () => {
    const list = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((id) => anomaly(id));
    list[0] = anomaly('a', { startTs: T - 3_600_000 });
    list[8] = anomaly('i', { status: 'open', endTs: null });
    const links = {
      // Two joined one alert; one was in a fleet-wide message.
      b: `alert:web-1:${T}`,
      c: `alert:web-1:${T}`,
      d: `fleet-alert:cpu:${T}`,
      // Not an alert message: an incident's thread key is not a page.
      e: 'incident:in_1',
    };
    const kv = {
      'backfill:until': String(T - 60_000),
      'held:e': 'silenced',
      'held:f': 'inhibited|db causes api latency|an_db',
      'held:g': 'weekly patching',
    };
    expect(postedLines(list, store(links, kv))).toEqual([
      'Posted to chat: 2 alert messages (1 fleet-wide) carried 3 of them. Not posted: 1 held by a silence; 1 held by an inhibit rule; ' +
        '1 held by a maintenance window; 1 opened in the history replayed at the first start (never announced); ' +
        '1 ended within its pending period (chat.pendingFor) or with no chat listening; 1 still within its pending period.',
    ]);
  });

  it('counts a held anomaly that was posted late as posted, and says so plainly when all were', () => {
    const list = [anomaly('a'), anomaly('b')];
    const links = { a: `alert:web-1:${T}`, b: `alert:web-1:${T + 60_000}` };
    expect(postedLines(list, store(links, { 'held:b': 'silenced' }))).toEqual(['Posted to chat: 2 alert messages carried both.']);
    expect(postedLines([anomaly('a')], store(links, {}))).toEqual(['Posted to chat: 1 alert message carried it.']);
    expect(postedLines([], store(links, {}))).toEqual([]);
  });

  it('lists those held back by a silence, an inhibit rule or a maintenance window, newest first, after the counts', () => {
    const list = [
      anomaly('a', { startTs: T }),
      anomaly('b', { startTs: T + 60_000, target: 'db-1', metric: 'memory', severity: 'critical' }),
      anomaly('c', { startTs: T + 120_000 }),
      anomaly('d', { startTs: T - 3_600_000 }),
    ];
    const kv = { 'backfill:until': String(T - 60_000), 'held:a': 'silenced', 'held:b': 'inhibited|db causes api latency|an_db' };
    expect(unpostedLines(list, store({ c: `alert:web-1:${T}` }, kv))).toEqual([
      'Posted to chat: 1 alert message carried 1 of them. Not posted: 1 held by a silence; 1 held by an inhibit rule; ' +
        '1 opened in the history replayed at the first start (never announced).',
      'Held back, newest first (2):',
      '• b [critical] db-1 memory, from 2026-12-05 12:01:00 UTC: held by an inhibit rule',
      '• a [warning] web-1 CPU, from 2026-12-05 12:00:00 UTC: held by a silence',
    ]);
    expect(unpostedLines([anomaly('c')], store({ c: `alert:web-1:${T}` }, {}))).toEqual([
      'Posted to chat: 1 alert message carried it.',
      'None was held back by a silence, an inhibit rule or a maintenance window.',
    ]);
  });
});
