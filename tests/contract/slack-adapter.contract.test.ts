import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../src/bot/slack/slack-adapter.js';
import { parseActionRef, type NeutralMessage } from '../../src/core/chat.js';
import { createSidePort } from '../../src/http/side-port.js';
import { startFakeSlackApi } from '../fakes/fake-slack-api.js';
import { captureLogger } from '../helpers/test-config.js';
import { runChatAdapterContract } from './chat-adapter-contract.js';

const SECRET = 'contract-secret';
const sign = (body: string) => {
  const ts = Math.floor(Date.now() / 1000);
  return {
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': 'v0=' + createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex'),
  };
};

/** Reads Block Kit back into the neutral shape the contract checks. */
function fromBlocks(args: Record<string, unknown>): NeutralMessage {
  const blocks = args.blocks as {
    type: string;
    text?: { text: string };
    elements?: { action_id?: string; value?: string; url?: string; text?: { text: string } | string }[];
  }[];
  const header = blocks.find((b) => b.type === 'header')!;
  const actions = blocks.find((b) => b.type === 'actions')?.elements ?? [];
  const contexts = blocks.filter((b) => b.type === 'context').flatMap((b) => b.elements ?? []);
  const last = contexts.at(-1)?.text;
  return {
    title: header.text!.text,
    severity: 'warning',
    text: '',
    fields: [],
    actions: actions.filter((a) => !a.url).map((a) => ({ ...parseActionRef(a.action_id!.replace('sco_', ''), a.value)!, label: '' })),
    links: actions.filter((a) => a.url).map((a) => ({ label: (a.text as { text: string }).text, url: a.url! })),
    status: typeof last === 'string' && last.startsWith('Approved') ? last : undefined,
  };
}

const slackAdapterFor = (apiUrl: string) =>
  createSlackAdapter({
    botToken: 'xoxb-test',
    signingSecret: SECRET,
    apiUrl,
    command: '/ops',
    logger: captureLogger(),
    watchdogMs: 120_000,
  });

runChatAdapterContract('slack (HTTP mode, real Bolt)', async () => {
  const api = await startFakeSlackApi();
  const adapter = slackAdapterFor(api.url);
  const port = createSidePort({ host: '127.0.0.1', port: 0, logger: captureLogger() });
  adapter.register(port);
  const addr = await port.start();
  const events = `http://127.0.0.1:${addr.port}/slack/events`;
  let n = 0;
  const send = async (form: Record<string, string>) => {
    const body = new URLSearchParams(form).toString();
    const r = await fetch(events, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(body) },
    });
    expect(r.status).toBe(200);
  };
  const waitResponse = async (id: string) => {
    await expect.poll(() => api.responses.some((r) => r.path.endsWith(`/${id}`)), { timeout: 5000 }).toBe(true);
    return String(api.responses.find((r) => r.path.endsWith(`/${id}`))!.body.text);
  };
  return {
    adapter,
    channel: 'C1',
    read: async (ref) => {
      const calls = api.calls.filter((c) => (c.method === 'chat.update' && c.args.ts === ref.id) || c.method === 'chat.postMessage');
      const post = api.calls.filter((c) => c.method === 'chat.postMessage');
      const idx = Number(ref.id.split('.')[1]) - 1;
      const update = calls.filter((c) => c.method === 'chat.update' && c.args.ts === ref.id).at(-1);
      const args = update?.args ?? post[idx]!.args;
      return { msg: fromBlocks(args), thread: (post[idx]!.args.thread_ts as string | undefined) ?? undefined };
    },
    sendText: async (text, user) => {
      const id = `t${++n}`;
      await send({
        command: '/ops',
        text,
        user_id: user,
        channel_id: 'C1',
        response_url: api.responseUrl(id),
        team_id: 'T1',
        trigger_id: '1',
        token: 'x',
      });
      return waitResponse(id);
    },
    click: async (action, value, user) => {
      const id = `c${++n}`;
      const payload = {
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: user },
        api_app_id: 'A1',
        token: 'x',
        response_url: api.responseUrl(id),
        channel: { id: 'C1' },
        container: { type: 'message', channel_id: 'C1', message_ts: '1.1' },
        message: { ts: '1.1' },
        actions: [{ type: 'button', action_id: `sco_${action}`, block_id: 'b', value, action_ts: '1' }],
      };
      await send({ payload: JSON.stringify(payload) });
      return waitResponse(id);
    },
    close: async () => {
      await port.stop();
      await api.close();
    },
  };
});

describe('slack: a surfaced thread reply', () => {
  it('is posted in the thread with "also send to channel"; a plain reply is not', async () => {
    const api = await startFakeSlackApi();
    const adapter = slackAdapterFor(api.url);
    try {
      const parent = await adapter.post('C1', { title: 'alert', severity: 'critical', text: '', fields: [], actions: [] });
      await adapter.post(
        'C1',
        { title: 'Still open after 4 h: web-1', severity: 'critical', text: '', fields: [], actions: [], surface: true },
        { thread: parent.id },
      );
      await adapter.post('C1', { title: 'Resolved', severity: 'ok', text: '', fields: [], actions: [] }, { thread: parent.id });
      const posts = api.calls.filter((c) => c.method === 'chat.postMessage');
      expect(posts.map((c) => [c.args.thread_ts ?? null, c.args.reply_broadcast ?? null])).toEqual([
        [null, null],
        [parent.id, 'true'], // the Web API client sends form fields
        [parent.id, null],
      ]);
    } finally {
      await api.close();
    }
  });
});
