import { createHmac } from 'node:crypto';
import { expect, onTestFinished } from 'vitest';
import { createApp } from '../../src/app.js';
import { startFakeSlackApi } from '../fakes/fake-slack-api.js';
import { bootIncidentConfig, captureLogger } from './test-config.js';

export const SLACK_SECRET = 'test-signing-secret';

/** Slack's request signature (v0) over a body, at `ts` (seconds). */
export function signSlack(body: string, ts = Math.floor(Date.now() / 1000)) {
  return {
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': 'v0=' + createHmac('sha256', SLACK_SECRET).update(`v0:${ts}:${body}`).digest('hex'),
  };
}

/**
 * The app with the real Bolt app on its side port (/slack/events), a fake Slack Web API, web-1 and
 * db-1 with the boot incident and an approval rule for CPU; ticks and outbox pumps by hand. Stopped
 * when the test finishes.
 */
export async function startSlackHttpApp() {
  const slack = await startFakeSlackApi();
  onTestFinished(() => slack.close());
  const config = bootIncidentConfig({
    approvalRule: true,
    env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: slack.url },
    overrides: {
      sources: { synthetic: { backfillHours: 1 } },
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
  const responseFor = async (id: string) => {
    await expect.poll(() => slack.responses.some((r) => r.path.endsWith(`/${id}`)), { timeout: 5000 }).toBe(true);
    return slack.responses.find((r) => r.path.endsWith(`/${id}`))!.body;
  };
  return { app, slack, post, command, click, tick, pump, responseFor, logger };
}
