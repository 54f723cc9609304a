import { describe, expect, it } from 'vitest';
import { renderTimeline } from '../../../src/bot/alert-timeline.js';
import { whyNotAnnounced } from '../../../src/bot/why-not-announced.js';

const T = Date.UTC(2026, 11, 4, 21, 42, 30);
const kv = (entries: Record<string, string>) => ({ getKv: (k: string) => entries[k] });

describe('whyNotAnnounced', () => {
  it('names what held an anomaly, from what the store recorded', () => {
    const a = { id: 'an_x1', startTs: T, status: 'resolved' as const };
    expect(whyNotAnnounced(a, kv({ 'held:an_x1': 'silenced' }))).toBe('held by a silence');
    expect(whyNotAnnounced(a, kv({ 'held:an_x1': 'weekly patching' }))).toBe('held by the maintenance window "weekly patching"');
    // Opened before the end of the history replayed at the first start: never announced, and no silence to blame.
    expect(whyNotAnnounced(a, kv({ 'backfill:until': String(T + 60_000) }))).toBe(
      'it opened in the history replayed at the first start, which is not announced',
    );
    expect(whyNotAnnounced(a, kv({ 'backfill:until': String(T - 60_000) }))).toBe(
      'it ended within its pending period, or no chat was listening',
    );
    expect(whyNotAnnounced(a, kv({}))).toBe('it ended within its pending period, or no chat was listening');
    expect(whyNotAnnounced({ ...a, status: 'open' }, kv({}))).toBe('it is still within its pending period, or no chat is listening');
  });

  it('is what the timeline says of an alert that never was', () => {
    const members = [
      {
        ...{
          id: 'an_x1',
          key: 'web-2|cpu|robust',
          target: 'web-2',
          metric: 'cpu',
          detector: 'robust' as const,
          severity: 'critical' as const,
        },
        ...{ score: 0.5, observed: 96, expectedLow: 23, expectedHigh: 37, peak: 98.9, summary: 'a spike', startTs: T, endTs: T + 420_000 },
        ...{ status: 'resolved' as const, updatedTs: T + 420_000 },
      },
    ];
    const text = renderTimeline(
      {
        members,
        records: [],
        proposals: [],
        reminders: 0,
        notAnnounced: whyNotAnnounced(members[0]!, kv({ 'backfill:until': String(T + 7_200_000) })),
      },
      T + 7_200_000,
    );
    expect(text).toContain('21:42:30  not announced: it opened in the history replayed at the first start, which is not announced');
  });
});
