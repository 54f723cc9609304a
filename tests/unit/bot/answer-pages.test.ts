import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { alertKey } from '../../../src/bot/alert-keys.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const H = 3_600_000;
// 2026-12-06 08:00 UTC.
const NOW = Date.UTC(2026, 11, 6, 8, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

/** Three alerts last night: db-1 disk pinged <@U1> in Slack and was escalated, web-1 cpu went to Slack unmentioned, and one to the console. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const post = (
    id: string,
    target: string,
    at: number,
    where: { platform: 'slack' | 'web'; channel: string; mentions?: string[] }[],
    severity: 'warning' | 'critical' = 'warning',
  ) => {
    store.upsertAnomaly(resolvedAnomaly(id, at + 10 * 60_000, { startTs: at, endTs: at + 10 * 60_000, target, severity }));
    const key = alertKey(target, at);
    store.chat.linkAlert(id, key);
    store.chat.addDestinations(key, where, at);
    return key;
  };
  const db = post('an_dbdisk', 'db-1', NOW - 5 * H, [{ platform: 'slack', channel: 'C-OPS', mentions: ['<@U1>'] }], 'critical');
  store.setKv(`escalate:${db}`, String(NOW - 5 * H + 15 * 60_000));
  post('an_webcpu', 'web-1', NOW - 4 * H, [{ platform: 'slack', channel: 'C-OPS' }]);
  post('an_webmem', 'web-1', NOW - 2 * H, [{ platform: 'web', channel: 'console' }]);
  const routing = configSchema.parse({ chat: { escalate: { afterMinutes: 15, mentions: { slack: ['<!subteam^S1>'] } } } }).chat;
  return { store, targets, now: NOW, staleAfterMs: 90_000, routing };
}
const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c).split('\n');

describe('"was anyone paged last night?"', () => {
  it('lists the alerts that pinged someone, with where and whom, and counts the rest', () => {
    const lines = ask('was anyone paged last night?');
    expect(lines[0]).toBe(
      'Paged between 2026-12-05 22:00:00 UTC and 2026-12-06 06:00:00 UTC: 1 alert of 2 posted pinged someone; 1 went out without a mention.',
    );
    expect(lines[1]).toBe(
      '• 2026-12-06 03:00:00 UTC db-1 CPU [critical] (an_dbdisk): Slack C-OPS pinging <@U1>; escalated at 03:15:00 UTC (pinging <!subteam^S1>)',
    );
    expect(ask('who got pinged today?')[0]).toMatch(
      /^Paged today \(UTC\): 1 alert of 3 posted pinged someone; 2 went out without a mention\.$/,
    );
  });

  it('counts who was pinged most, by the alerts that pinged each, when more than one was', () => {
    const c = ctx();
    for (const [k, who] of [
      ['an_p1', ['<@U2>']],
      ['an_p2', ['<@U2>', '<@U1>']],
    ] as const) {
      const at = NOW - (k === 'an_p1' ? 3 : 1) * H;
      c.store.upsertAnomaly(resolvedAnomaly(k, at + 60_000, { startTs: at, endTs: at + 60_000, target: 'db-1' }));
      c.store.chat.linkAlert(k, alertKey('db-1', at));
      c.store.chat.addDestinations(alertKey('db-1', at), [{ platform: 'slack', channel: 'C-OPS', mentions: [...who] }], at);
    }
    expect(parseIntent("who's been paged the most this week?", targets)).toMatchObject({ kind: 'pages', span: { kind: 'last' } });
    const lines = ask("who's been paged the most today?", c);
    expect(lines[0]).toMatch(/^Paged today \(UTC\): 3 alerts of 5 posted pinged someone; 2 went out without a mention\.$/);
    expect(lines[1]).toBe('By who was pinged: <@U1> 2, <@U2> 2.');
    expect(ask('was anyone paged last night?')).not.toContainEqual(expect.stringMatching(/^By who/));
  });

  it('says nobody was paged when alerts went out without mentions, and why, or that none was posted', () => {
    expect(ask('any pages on web-1 today?')).toEqual([
      'Nobody was paged on web-1 today (UTC): 2 alerts were posted (to the web console, Slack C-OPS), none with a mention and none escalated.',
      'An alert pings people only where a route sets mentions (chat.routes[].mentions, or mentions.onCall for whoever is on call), or when chat.escalate pages after a wait; "where do alerts go?" shows the routes.',
    ]);
    expect(ask('was anyone paged yesterday?')).toEqual(['No alert was posted yesterday (2026-12-05 UTC), so nobody was paged.']);
  });
});
