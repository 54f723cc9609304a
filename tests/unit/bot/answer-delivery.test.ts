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
  // Delivered on the web console: one alert yesterday (not counted), one today with a reply.
  for (const id of [put('web', 'y', null, NOW - 86_400_000), put('web', 'a', null, NOW - 3_600_000), put('web', 'r', 'a', NOW - 3_500_000)])
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
      '• Web console: connected. Delivered today: 1 message, 1 thread reply, 0 updates in place. Nothing waiting.',
      '• Slack: NOT OK (disconnected). Nothing delivered today. 2 messages waiting, the oldest queued 10 min ago (2026-12-05 11:50:00 UTC); 1 failed at least once and is retried (last error: connect ECONNREFUSED 127.0.0.1:443).',
      'Everything is sent through the outbox: an outage leaves a backlog that is sent when the platform is back.',
    ]);
  });

  it('names what to set for a platform that is not set up', () => {
    expect(ask('is discord connected?').split('\n')[1]).toBe('• Discord: not connected here: set DISCORD_TOKEN; docs/discord.md.');
  });
});
