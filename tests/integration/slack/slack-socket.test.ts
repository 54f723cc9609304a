import { describe, expect, it } from 'vitest';
import { createSocketWatchdog } from '../../../src/bot/slack/socket-watchdog.js';
import { startSlackSocketApp } from '../../helpers/slack-app.js';

describe('Slack in Socket Mode against a local WebSocket server', () => {
  it('connects, acks a slash command over the socket, answers, reports health, and reconnects after a drop', async () => {
    const { addr, slack, acks, sockets, send, logger } = await startSlackSocketApp();
    const health = async () =>
      ((await (await fetch(`http://127.0.0.1:${addr.port}/health`)).json()) as { components: Record<string, Record<string, unknown>> })
        .components.chat_slack!;

    await expect.poll(async () => (await health()).state, { timeout: 10_000 }).toBe('connected');
    expect(await health()).toMatchObject({ ok: true, mode: 'socket' });

    send({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'x',
        team_id: 'T1',
        channel_id: 'C1',
        user_id: 'U1',
        command: '/ops',
        text: 'cpu web-1',
        api_app_id: 'A1',
        response_url: slack.responseUrl('s1'),
        trigger_id: '1',
      },
    });
    await expect.poll(() => acks.some((a) => a.envelope_id === 'env-1'), { timeout: 5000 }).toBe(true);
    await expect
      .poll(() => slack.responses.find((r) => r.path.endsWith('/s1'))?.body.text, { timeout: 5000 })
      .toMatch(/^web-1 CPU \d+\.\d%/);
    expect((await health()).lastEvent).not.toBeNull();

    send({
      envelope_id: 'env-2',
      type: 'interactive',
      accepts_response_payload: false,
      payload: {
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: 'UMALLORY' },
        api_app_id: 'A1',
        token: 'x',
        response_url: slack.responseUrl('s2'),
        channel: { id: 'C1' },
        container: { type: 'message', channel_id: 'C1', message_ts: '1.1' },
        message: { ts: '1.1' },
        actions: [{ type: 'button', action_id: 'sco_approve', block_id: 'b', value: 'rp_abc123', action_ts: '1' }],
      },
    });
    await expect.poll(() => slack.responses.find((r) => r.path.endsWith('/s2'))?.body.text, { timeout: 5000 }).toMatch(/not an approver/);

    // What Slack sends is acknowledged by the listeners themselves, not by the guard's fallback.
    expect(logger.lines.filter((l) => l.msg?.startsWith('slack'))).toEqual([]);

    // The server drops the connection: the client opens a new one by itself.
    sockets[0]!.terminate();
    await expect.poll(() => sockets.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(async () => (await health()).state, { timeout: 10_000 }).toBe('connected');
    expect(slack.calls.filter((c) => c.method === 'apps.connections.open').length).toBeGreaterThanOrEqual(2);
  }, 45_000);
});

describe('socket watchdog', () => {
  it('reconnects a connected socket that has been quiet too long, and only then', async () => {
    let now = 0;
    let reconnects = 0;
    let connected = true;
    const w = createSocketWatchdog({
      quietMs: 60_000,
      now: () => now,
      isConnected: () => connected,
      reconnect: async () => void reconnects++,
    });
    now = 50_000;
    expect(await w.check()).toBe(false);
    w.alive();
    now = 100_000;
    expect(await w.check()).toBe(false);
    now = 111_000;
    expect(await w.check()).toBe(true);
    expect(reconnects).toBe(1);
    expect(await w.check()).toBe(false);
    connected = false;
    now = 500_000;
    expect(await w.check()).toBe(false);
    expect(reconnects).toBe(1);
  });
});
