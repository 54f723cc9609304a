import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const H = 3_600_000;
const targets = [
  { name: 'web-1', autoScalingGroup: 'web-asg' },
  { name: 'web-2', autoScalingGroup: 'web-asg' },
  { name: 'db-1', role: 'db' },
];
const cfg = configSchema.parse({
  thresholds: [
    { metric: 'cpu', above: 90, forSamples: 3, severity: 'warning' },
    { metric: 'disk', above: 90, forSamples: 3, severity: 'critical' },
  ],
});

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  return { store, targets, now: NOW, staleAfterMs: 90_000, thresholds: cfg.thresholds, forecasts: cfg.forecasts };
}
const ask = (q: string, c: AnswerContext = ctx()) => answerIntent(parseIntent(q, targets), c).split('\n');

describe('a change to a rule asked for in chat', () => {
  it('changes nothing, and shows what is set now for the metric named, with the replay to try first', () => {
    const lines = ask('set the disk warning to 85%');
    expect(lines[0]).toMatch(/^I don't change my config from chat, so nothing was changed\./);
    const now = lines.indexOf('Set now:');
    expect(now).toBeGreaterThan(0);
    expect(lines).toContain('• disk above 90.0% for 3 samples: critical');
    // Only the disk rule: the cpu rule is not what was asked about.
    expect(lines.some((l) => l.startsWith('• CPU'))).toBe(false);
    expect(lines.at(-1)).toBe(
      '"How many alerts would we get with disk at …?" replays the rule at another bound on the stored samples first.',
    );
    // With no metric named, the refusal alone.
    expect(ask('increase the forecast horizon to 2 hours')).not.toContain('Set now:');
  });
});

describe('"what\'s the replica count?"', () => {
  it('says replicas are not read, and gives the hosts per auto scaling group as the targets file has them', () => {
    const lines = ask("what's the current replica count for app?");
    expect(lines[0]).toBe("I don't collect replica, pod or container counts: no source here reads them, so I have no figure to give.");
    expect(lines).toContain('• web-asg: 2 (web-1, web-2)');
    expect(lines.some((l) => l.includes('db-1'))).toBe(false);
  });
});

describe('false positives of one metric or rule', () => {
  it('narrows the false-positive rate to the disk threshold rule, and counts the disk anomalies marked noise', () => {
    const c = ctx();
    const add = (id: string, metric: string, detector: 'threshold' | 'robust', at: number) =>
      c.store.upsertAnomaly(resolvedAnomaly(id, at, { metric, detector, key: `${id}|k`, startTs: at - 60_000, endTs: at }));
    add('an_d1', 'disk', 'threshold', NOW - H);
    add('an_d2', 'disk', 'threshold', NOW - 2 * H);
    add('an_d3', 'disk', 'robust', NOW - 3 * H);
    add('an_c1', 'cpu', 'threshold', NOW - 4 * H);
    for (const [anomaly, verdict] of [
      ['an_d1', 'noise'],
      ['an_d2', 'useful'],
      ['an_c1', 'noise'],
    ])
      c.store.appendRecord('alert_feedback', NOW - 1000, { anomaly, verdict, actor: 'web:alice' });
    const rate = ask("what's the false positive rate of the disk rule?", c);
    expect(rate[0]).toBe(
      'Of the 2 marked in chat, 1 was noise (50 % false positives) and 1 useful; 0 of the 2 are unmarked, so the rate is of those people judged.',
    );
    expect(rate[1]).toBe('2 disk threshold anomalies in the last 7 d, 0 open.');
    expect(parseIntent('how many false positives for disk this week', targets)).toMatchObject({
      kind: 'anomalies',
      metric: 'disk',
      feedback: 'noise',
      count: true,
    });
    expect(ask('how many false positives for disk this week', c)[0]).toBe('1 marked-noise disk anomaly in the last 7 d, 0 open.');
  });
});

/** A silence of an hour on every metric of `target`, recorded as set at `at` by `actor`. */
const silenceSetter = (c: AnswerContext) => (id: string, at: number, actor: string, target: string) =>
  c.store.appendRecord('silence_added', at, { id, target, metric: '*', untilTs: at + H, actor });

describe('the history of silences', () => {
  it('lists the silences set in the span asked, how each ended, and who set them', () => {
    const c = ctx();
    const add = silenceSetter(c);
    add('sl_old', NOW - 3 * 24 * H, 'web:bob', 'db-1');
    add('sl_mid', NOW - 30 * H, 'web:alice', 'web-1');
    add('sl_new', NOW - 2 * H, 'web:alice', 'web-2');
    c.store.appendRecord('silence_lifted', NOW - 2 * H + 60_000, { id: 'sl_new', actor: 'web:bob' });
    const week = ask('who silenced what this week?', c);
    expect(week).toContain('Set in the last 7 d, now over:');
    expect(week).toContain(
      '• sl_new: web-2 / all metrics, set by web:alice at 2026-12-05 10:00:00 UTC; lifted by web:bob at 2026-12-05 10:01:00 UTC',
    );
    expect(week.filter((l) => l.startsWith('• sl_'))).toHaveLength(3);
    expect(week).toContain('Set by: web:alice 2, web:bob 1.');
    // Without a span, the last 24 h as before; "silence history" is never a silence to set.
    expect(ask('silences', c).filter((l) => l.startsWith('• sl_'))).toEqual([expect.stringMatching(/^• sl_new:/)]);
    expect(ask('silence history', c)).toContain('Set by: web:alice 2, web:bob 1.');
    expect(c.store.chat.silences(NOW)).toEqual([]);
  });

  it('counts them when asked how many, who set the most or how long they last, extensions counted', () => {
    const c = ctx();
    const add = silenceSetter(c);
    add('sl_old', NOW - 10 * 24 * H, 'web:bob', 'db-1');
    add('sl_mid', NOW - 30 * H, 'web:alice', 'web-1');
    add('sl_new', NOW - 5 * H, 'web:alice', '*');
    c.store.appendRecord('silence_extended', NOW - 5 * H + 60_000, { id: 'sl_mid', untilTs: NOW - 27 * H, actor: 'web:alice' });
    c.store.appendRecord('silence_lifted', NOW - 5 * H + 60_000, { id: 'sl_new', actor: 'web:bob' });
    for (const q of ['how many silences were set this week?', 'who silenced the most?', 'average silence length'])
      expect(parseIntent(q, c.targets), q).toEqual({ kind: 'silences', span: { kind: 'last', ms: 7 * 24 * H }, stats: true });
    expect(ask('who silenced the most?', c)).toEqual([
      '2 silences set in the last 7 d (the first 2026-12-04 06:00:00 UTC, the last 2026-12-05 07:00:00 UTC).',
      'By who set them: web:alice 2.',
      'By target: all targets 1, web-1 1.',
      'Set for (extensions counted): median 60 min, mean 2 h, longest 3 h (sl_mid).',
      'Lifted before they ran out: 1 of 2.',
      '"silence history" lists them; "silences" shows those in force.',
    ]);
    // A target's count takes the silences of every target with it; db-1's own is older than the week.
    expect(ask('how many silences on db-1?', c)[0]).toMatch(/^1 silence set covering db-1 in the last 7 d/);
    expect(ask('how many silences on db-1 in the last hour?', c)).toEqual(['No silence was set covering db-1 in the last 60 min.']);
  });
});

describe('the digest asked to change', () => {
  it('changes nothing and says when it goes now', () => {
    const lines = ask('change the digest time to 08:00');
    expect(lines[0]).toMatch(/^I don't change my config from chat, so nothing was changed\./);
    expect(lines.find((l) => l.startsWith('Set now: '))).toMatch(/digest/i);
  });
});

describe('short-lived alerts', () => {
  it('lists those that ended within the length asked (5 min for "short-lived"), never the open ones', () => {
    const c = ctx();
    const add = (id: string, at: number, minutes: number | null) =>
      c.store.upsertAnomaly(
        resolvedAnomaly(id, at, {
          key: `${id}|k`,
          startTs: at,
          endTs: minutes === null ? null : at + minutes * 60_000,
          status: minutes === null ? 'open' : 'resolved',
        }),
      );
    add('an_short', NOW - 3 * H, 2);
    add('an_long', NOW - 2 * H, 30);
    add('an_open', NOW - 60_000, null);
    expect(parseIntent('which alerts lasted less than 10 minutes?', targets)).toMatchObject({ kind: 'anomalies', shorterMs: 600_000 });
    const lines = ask('short-lived alerts today', c);
    expect(lines[0]).toMatch(/^1 anomaly today \(UTC\) that ended within 5 min/);
    expect(lines.filter((l) => l.startsWith('• ')).map((l) => l.split(' ')[1])).toEqual(['an_short']);
  });
});

describe('alerts in a part of the week', () => {
  it('keeps those that began at night, at the weekend, or in or outside business hours', () => {
    const c = ctx();
    // NOW is Saturday 2026-12-05 12:00 UTC.
    const add = (id: string, at: number) =>
      c.store.upsertAnomaly(resolvedAnomaly(id, at + 60_000, { key: `${id}|k`, startTs: at, endTs: at + 60_000 }));
    add('an_night', Date.UTC(2026, 11, 5, 3, 0));
    add('an_sat', Date.UTC(2026, 11, 5, 11, 0));
    add('an_fri', Date.UTC(2026, 11, 4, 10, 0));
    const ids = (q: string) =>
      ask(q, c)
        .filter((l) => l.startsWith('• '))
        .map((l) => l.split(' ')[1])
        .sort();
    expect(parseIntent('alerts outside business hours this week', targets)).toMatchObject({ daypart: 'business', outside: true });
    expect(ids('alerts at night this week')).toEqual(['an_night']);
    expect(ids('alerts outside business hours this week')).toEqual(['an_night', 'an_sat']);
    expect(ids('alerts during business hours this week')).toEqual(['an_fri']);
    expect(ids('weekend alerts this week')).toEqual(['an_night', 'an_sat']);
    expect(ask('alerts at night this week', c)[0]).toMatch(/that began at night \(22:00–06:00 UTC\)/);
  });
});

describe("one person's acknowledged alerts, and the quiet hosts", () => {
  it('lists the alerts bob took on, matched on the id after the platform, and the hosts with no alerts', () => {
    const c = ctx();
    const add = (id: string, target: string, by?: string) => {
      c.store.upsertAnomaly(resolvedAnomaly(id, NOW - H, { key: `${id}|k`, target, startTs: NOW - 2 * H, endTs: NOW - H }));
      c.store.chat.linkAlert(id, `msg-${id}`);
      if (by) c.store.chat.acknowledge({ msgKey: `msg-${id}`, by, ts: NOW - 90 * 60_000 });
    };
    add('an_bob', 'web-1', 'web:bob');
    add('an_alice', 'web-1', 'slack:alice');
    add('an_none', 'web-2');
    const lines = ask('which alerts did bob acknowledge?', c);
    expect(lines[0]).toMatch(/^1 anomaly acknowledged by bob/);
    expect(lines.filter((l) => l.startsWith('• ')).map((l) => l.split(' ')[1])).toEqual(['an_bob']);
    // db-1 had none: it is the quiet one, not a silence to list.
    expect(parseIntent('which hosts are quiet?', targets)).toMatchObject({ kind: 'anomalies', none: true });
    expect(ask('which hosts are quiet?', c).join('\n')).toMatch(/db-1/);
    expect(parseIntent("what hasn't alerted in a while?", targets)).toMatchObject({ kind: 'anomalies', none: true });
  });

  it('answers "what\'s bob working on?" with the open alerts bob took on, and says when there are none', () => {
    const c = ctx();
    c.store.upsertAnomaly(resolvedAnomaly('an_now', NOW, { key: 'now|k', target: 'web-1', startTs: NOW - H, endTs: null, status: 'open' }));
    c.store.upsertAnomaly(resolvedAnomaly('an_done', NOW, { key: 'done|k', target: 'web-2', startTs: NOW - 3 * H, endTs: NOW - 2 * H }));
    for (const id of ['an_now', 'an_done']) {
      c.store.chat.linkAlert(id, `msg-${id}`);
      c.store.chat.acknowledge({ msgKey: `msg-${id}`, by: 'web:bob', ts: NOW - 30 * 60_000 });
    }
    const lines = ask("what's bob working on?", c);
    expect(lines.filter((l) => l.startsWith('• ')).map((l) => l.split(' ')[1])).toEqual(['an_now']);
    expect(ask("what's alice working on?", c)[0]).toMatch(/^No open anomalies acknowledged by alice/);
  });
});

describe('hosts without alerts on a store with none kept', () => {
  it('answers instead of failing on a first-anomaly time that does not exist', () => {
    expect(ask('which hosts never alerted?')[0]).toBe('Without anomalies (no anomaly is kept yet): web-1, web-2, db-1 (3 of 3 targets).');
  });
});
