import { describe, expect, it } from 'vitest';
import type { AboutFacts } from '../../../src/bot/answer-about.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { NeutralMessage } from '../../../src/core/chat.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const msg: NeutralMessage = { title: 't', severity: 'warning', text: 't', fields: [], actions: [] };

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const put = (platform: 'web' | 'slack', msgKey: string, threadKey: string | null, ts: number) =>
    store.chat.enqueue({ platform, channel: 'C1', op: 'post', msgKey, threadKey, payload: msg }, ts);
  // Delivered on the web console: a digest yesterday (not counted today), an alert today with a
  // reply, and an alert 8 days ago (past what the outbox keeps: no answer may count it).
  const alert = `alert:web-1:${NOW - 3_600_000}`;
  for (const id of [
    put('web', 'digest:2026-12-04T09:00', null, NOW - 86_400_000),
    put('web', alert, null, NOW - 3_600_000),
    put('web', `remind:${alert}`, alert, NOW - 3_500_000),
    put('web', `alert:web-1:${NOW - 8 * 86_400_000}`, null, NOW - 8 * 86_400_000),
  ])
    store.chat.markSent(id);
  // Slack is down: two wait, one of them tried.
  const first = put('slack', 'a', null, NOW - 600_000);
  put('slack', 'b', null, NOW - 300_000);
  store.chat.markRetry(first, NOW + 60_000, 'connect ECONNREFUSED 127.0.0.1:443');
  const about = {
    platforms: ['web', 'slack'],
    self: {
      startedTs: NOW - 7_200_000,
      lastTickTs: NOW,
      components: { chat_web: { ok: true }, chat_slack: { ok: false, mode: 'socket', state: 'disconnected' } },
    },
  } as unknown as AboutFacts;
  return { store, targets: [{ name: 'web-1' }], now: NOW, staleAfterMs: 90_000, about: () => about };
}

const ask = (q: string) => answerIntent(parseIntent(q, [{ name: 'web-1' }]), ctx());

describe('"is slack connected?"', () => {
  it('gives each platform its connection, what it delivered today and what waits with the last error', () => {
    expect(ask('how many alerts did you send today?').split('\n')).toEqual([
      'Chat delivery, today (UTC) so far:',
      '• The web console: connected. Delivered today (UTC) so far: 1 message (1 alert), 1 thread reply, 0 updates in place. Nothing waiting.',
      '• Slack: NOT OK (disconnected). Nothing delivered today (UTC) so far. 2 messages waiting, the oldest queued 10 min ago (2026-12-05 11:50:00 UTC); 1 failed at least once and is retried (last error: connect ECONNREFUSED 127.0.0.1:443).',
      'Everything is sent through the outbox: an outage leaves a backlog that is sent when the platform is back.',
    ]);
  });

  it('counts over the window asked, by what each message was, within the week the outbox keeps', () => {
    expect(ask('how many alerts did we send yesterday?').split('\n').slice(0, 2)).toEqual([
      'Chat delivery, yesterday (2026-12-04 UTC):',
      '• The web console: connected. Delivered yesterday (2026-12-04 UTC): 1 message (1 digest), 0 thread replies, 0 updates in place. Nothing waiting.',
    ]);
    expect(ask('how many messages were sent to the web console this week?').split('\n')[1]).toBe(
      '• The web console: connected. Delivered in the last 7 d: 2 messages (1 alert, 1 digest), 1 thread reply, 0 updates in place. Nothing waiting.',
    );
    const month = ask('how many alerts did you send in the last 30 days?').split('\n');
    expect(month[1]).toBe(
      '• The web console: connected. Delivered in the last 7 days: 2 messages (1 alert, 1 digest), 1 thread reply, 0 updates in place. Nothing waiting.',
    );
    expect(month).toContain('Delivered messages are kept 7 days: counted from 2026-11-28 12:00:00 UTC.');
  });

  it('names what to set for a platform that is not set up', () => {
    expect(ask('is discord connected?').split('\n')[1]).toBe('• Discord: not connected here: set DISCORD_TOKEN; docs/discord.md.');
  });
});
