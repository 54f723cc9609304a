import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random.js';
import { startSlackHttpApp } from '../../helpers/slack-http-app.js';

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

// Values Slack sends, values it never sends, and values a forger would try.
const TEXTS = [
  'status',
  'cpu web-1',
  'approve rp_x',
  'ack',
  'snooze for 2h',
  'help',
  '',
  ' ',
  '<!channel>',
  '\u0000',
  'x'.repeat(5000),
  '{{7*7}}',
];
const USERS = ['UAPPROVER', 'U1', '', 'W0', undefined];
const ACTION_IDS = ['sco_approve', 'sco_deny', 'sco_silence', 'sco_ack', 'sco_runbook', 'sco_', 'other', '', undefined];

describe('Slack over HTTP under random signed payloads', () => {
  it('answers every signed request below 500 without an error log, and keeps what was recorded', async () => {
    const { app, slack, post, tick, logger } = await startSlackHttpApp();
    await tick(10);
    const before = app.store.recentAnomalies(500).map((a) => a.id);
    const proposals = app.store.listProposals({ limit: 20 }).map((p) => p.id);
    expect(before.length).toBeGreaterThan(0);
    expect(proposals.length).toBeGreaterThan(0);
    const ids = [...before.slice(0, 5), ...proposals, 'rp_zzz', 'an_zzz', 'x:y:z', '', '{"a":1}', 'rp_' + 'a'.repeat(3000)];
    // The alert's own message ts (the fake numbers its posts from 1700000000.000001), and others.
    const ts = ['1700000000.000001', '1700000000.000002', '1800000000.000001', 'nope', ''];
    const rnd = createRng(20261203);
    const maybe = <T>(v: T) => (rnd() < 0.85 ? v : undefined);

    const command = () =>
      new URLSearchParams(
        Object.entries({
          command: maybe(pick(rnd, ['/ops', '/other', ''])),
          text: maybe(pick(rnd, TEXTS)),
          user_id: maybe(pick(rnd, USERS)),
          channel_id: maybe(pick(rnd, ['C1', 'C-ALERTS', ''])),
          team_id: maybe('T1'),
          response_url: maybe(pick(rnd, [slack.responseUrl(`f${Math.floor(rnd() * 1e6)}`), 'not a url', 'http://127.0.0.1:1/x'])),
          trigger_id: maybe('1.2.3'),
        }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
      ).toString();
    const interaction = () => {
      const type = pick(rnd, ['block_actions', 'block_actions', 'block_actions', 'view_submission', 'shortcut', 'message_action', 'nope']);
      const payload = {
        type,
        team: maybe({ id: 'T1' }),
        user: maybe({ id: pick(rnd, USERS), name: 'x' }),
        api_app_id: 'A1',
        token: 'x',
        trigger_id: '1.2',
        response_url: maybe(slack.responseUrl(`i${Math.floor(rnd() * 1e6)}`)),
        channel: maybe({ id: pick(rnd, ['C-ALERTS', 'C9']) }),
        container: maybe({ type: 'message', message_ts: pick(rnd, ts), channel_id: 'C-ALERTS' }),
        message: maybe({ ts: pick(rnd, ts), text: 'alert' }),
        actions: maybe(
          rnd() < 0.1
            ? 'nope'
            : [
                {
                  type: pick(rnd, ['button', 'static_select']),
                  action_id: pick(rnd, ACTION_IDS),
                  value: maybe(pick(rnd, ids)),
                  action_ts: '1.0',
                },
              ],
        ),
      };
      const json = rnd() < 0.05 ? '{"type":' : JSON.stringify(payload);
      return new URLSearchParams({ payload: json }).toString();
    };
    const event = () =>
      JSON.stringify({
        type: pick(rnd, ['event_callback', 'event_callback', 'url_verification', 'app_rate_limited', 'nope']),
        token: 'x',
        team_id: 'T1',
        api_app_id: 'A1',
        challenge: maybe('c'),
        event_id: `Ev${Math.floor(rnd() * 1e9)}`,
        event_time: 1,
        event: maybe({
          type: pick(rnd, ['app_mention', 'message', 'reaction_added', 'nope']),
          subtype: rnd() < 0.2 ? pick(rnd, ['bot_message', 'message_changed', 'channel_join']) : undefined,
          user: maybe(pick(rnd, USERS)),
          text: maybe(`<@UBOT> ${pick(rnd, TEXTS)}`),
          channel: maybe(pick(rnd, ['C-ALERTS', 'C1'])),
          ts: maybe('1700000100.000100'),
          thread_ts: rnd() < 0.4 ? pick(rnd, ts) : undefined,
          bot_id: rnd() < 0.1 ? 'B1' : undefined,
        }),
      });

    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const kind = pick(rnd, ['command', 'interaction', 'event'] as const);
      const body = kind === 'command' ? command() : kind === 'interaction' ? interaction() : event();
      const r = await post(body, kind === 'event' ? 'application/json' : 'application/x-www-form-urlencoded');
      expect(r.status, `${kind} ${body.slice(0, 300)}`).toBeLessThan(500);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (i % 50 === 49) await tick(1);
    }
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    const after = new Set(app.store.recentAnomalies(500).map((a) => a.id));
    for (const id of before) expect(after.has(id), id).toBe(true);
    // A proper command still works afterwards.
    const ok = await post(
      new URLSearchParams({
        command: '/ops',
        text: 'status',
        user_id: 'U1',
        channel_id: 'C1',
        team_id: 'T1',
        response_url: slack.responseUrl('last'),
      }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(ok.status).toBe(200);
    await expect.poll(() => slack.responses.some((r) => r.path.endsWith('/last')), { timeout: 5000 }).toBe(true);
  }, 120_000);
});
