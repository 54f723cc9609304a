import { createHmac } from 'node:crypto';
import { expect, onTestFinished } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createApp } from '../../src/app.js';
import { startFakeSlackApi } from '../fakes/fake-slack-api.js';
import { bootIncidentConfig, captureLogger } from './test-config.js';

type FakeSlackApi = Awaited<ReturnType<typeof startFakeSlackApi>>;

export const SLACK_SECRET = 'test-signing-secret';

/** Slack's request signature (v0) over a body, at `ts` (seconds). */
export function signSlack(body: string, ts = Math.floor(Date.now() / 1000)) {
  return {
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': 'v0=' + createHmac('sha256', SLACK_SECRET).update(`v0:${ts}:${body}`).digest('hex'),
  };
}

/**
 * The app with a fake Slack Web API, web-1 and db-1 with the boot incident and an approval rule for
 * CPU; ticks and outbox pumps by hand. Stopped when the test finishes.
 */
async function bootSlackApp(slack: FakeSlackApi, env: Record<string, string>) {
  const config = bootIncidentConfig({
    approvalRule: true,
    env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: slack.url, ...env },
    overrides: {
      sources: { backfillHours: 1 },
      chat: { channels: { slack: ['C-ALERTS'] } },
      approvers: { slack: { users: ['UAPPROVER', 'UOTHER'] } },
    },
  });
  let t = Date.now();
  const logger = captureLogger();
  const app = createApp({ config, logger, clock: { now: () => t } });
  const addr = await app.start({ schedule: false });
  await app.outbox.stop();
  onTestFinished(() => app.stop());
  const pump = async () => {
    for (let i = 0; i < 8; i++) {
      t += 1200;
      await app.outbox.pumpOnce();
    }
  };
  const tick = async (n: number) => {
    for (let i = 0; i < n; i++) {
      t += 30_000;
      await app.tick();
      await pump();
    }
  };
  return { app, addr, logger, tick, pump };
}

/** The same app in Socket Mode, its socket served by a local WebSocket server that records the acks. */
export async function startSlackSocketApp() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.on('listening', r));
  onTestFinished(() => new Promise<void>((r) => wss.close(() => r())));
  const acks: Record<string, unknown>[] = [];
  const sockets: WebSocket[] = [];
  wss.on('connection', (sock) => {
    sockets.push(sock);
    sock.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'local' }, connection_info: { app_id: 'A1' } }));
    sock.on('message', (m) => acks.push(JSON.parse(m.toString()) as Record<string, unknown>));
  });
  const slack = await startFakeSlackApi({ socketUrl: `ws://127.0.0.1:${(wss.address() as { port: number }).port}/link/?ticket=t1` });
  onTestFinished(() => slack.close());
  const booted = await bootSlackApp(slack, { SLACK_APP_TOKEN: 'xapp-test' });
  await expect.poll(() => sockets.length, { timeout: 10_000 }).toBe(1);
  /** Sends one frame on the newest connection (a string as it is, anything else as JSON). */
  const send = (frame: unknown) => sockets.at(-1)!.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  return { ...booted, slack, acks, sockets, send };
}

/** The app with the real Bolt app on its side port (/slack/events). */
export async function startSlackHttpApp() {
  const slack = await startFakeSlackApi();
  onTestFinished(() => slack.close());
  const { app, addr, logger, tick, pump } = await bootSlackApp(slack, { SLACK_SIGNING_SECRET: SLACK_SECRET });
  const events = `http://127.0.0.1:${addr.port}/slack/events`;
  const post = async (body: string, ct: string, headers: Record<string, string> = signSlack(body)) => {
    const r = await fetch(events, { method: 'POST', body, headers: { 'content-type': ct, ...headers } });
    return { status: r.status, text: await r.text() };
  };
  const command = (text: string, user = 'U1', id = 'c1') =>
    post(
      new URLSearchParams({
        token: 'x',
        team_id: 'T1',
        channel_id: 'C1',
        user_id: user,
        command: '/ops',
        text,
        response_url: slack.responseUrl(id),
        trigger_id: '1.2.3',
        api_app_id: 'A1',
      }).toString(),
      'application/x-www-form-urlencoded',
    );
  const click = (action: string, proposalId: string, user: string, id: string) =>
    post(
      new URLSearchParams({
        payload: JSON.stringify({
          type: 'block_actions',
          team: { id: 'T1' },
          user: { id: user, name: user.toLowerCase() },
          api_app_id: 'A1',
          token: 'x',
          trigger_id: '1.2',
          response_url: slack.responseUrl(id),
          channel: { id: 'C-ALERTS' },
          container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'C-ALERTS' },
          message: { ts: '1700000000.000001', text: 'alert' },
          actions: [{ type: 'button', action_id: `sco_${action}`, block_id: 'b1', value: proposalId, action_ts: '1700000001.0' }],
        }),
      }).toString(),
      'application/x-www-form-urlencoded',
    );
  const responseFor = async (id: string) => {
    await expect.poll(() => slack.responses.some((r) => r.path.endsWith(`/${id}`)), { timeout: 5000 }).toBe(true);
    return slack.responses.find((r) => r.path.endsWith(`/${id}`))!.body;
  };
  return { app, slack, post, command, click, tick, pump, responseFor, logger };
}
