import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  actionValue,
  type ActionRef,
  type ChatAdapter,
  type ChatEvent,
  type ChatReply,
  type MessageRef,
  type NeutralMessage,
} from '../../src/core/chat.js';

export interface AdapterHarness {
  adapter: ChatAdapter;
  channel: string;
  /** Reads a posted message back from the platform side. */
  read(ref: MessageRef): Promise<{ msg: NeutralMessage; thread?: string }>;
  /** Sends a text message / a button click from the platform side; resolves with what the user sees. */
  sendText(text: string, user: string): Promise<string>;
  /** `value` is what the button carries: a proposal id, or an anomaly id for silence. */
  click(action: ActionRef['action'], value: string, user: string): Promise<string>;
  close(): Promise<void>;
}

export const sampleMessage = (title = 'Warning: 1 anomaly on web-1'): NeutralMessage => ({
  title,
  severity: 'warning',
  text: 'cpu 97% is 12 robust deviations from its usual 20–40%',
  fields: [{ label: 'CPU · robust', value: 'peak 97.0%; since 10:00:00 UTC' }],
  sparkline: { label: 'CPU', values: [20, 22, 25, 90, 97], unit: '%', from: '08:00:00 UTC', to: '10:00:00 UTC' },
  context: 'an_1 robust score 1.00',
  actions: [
    { action: 'approve', proposalId: 'rp_abc123', label: 'Approve' },
    { action: 'deny', proposalId: 'rp_abc123', label: 'Deny' },
    { action: 'silence', anomalyId: 'an_abc123', label: 'Silence 1 h' },
  ],
  links: [{ label: 'Runbook', url: 'https://wiki.example.com/runbooks/cpu?host=web-1' }],
});

/**
 * One suite for every chat adapter: web, the fake, and later Slack and Discord. It checks what the
 * notifier and router rely on: post, update in place, threads, buttons carrying the proposal id,
 * and incoming text and clicks reaching the one handler as neutral events.
 */
export function runChatAdapterContract(name: string, setup: () => Promise<AdapterHarness>): void {
  describe(`chat adapter contract: ${name}`, () => {
    let h: AdapterHarness;
    let events: ChatEvent[];
    beforeEach(async () => {
      h = await setup();
      events = [];
      h.adapter.onEvent(async (e): Promise<ChatReply> => {
        events.push(e);
        return { text: e.kind === 'text' ? `echo: ${e.text}` : `${e.action} ${actionValue(e)} by ${e.user.id}`, intent: 'test' };
      });
      await h.adapter.start();
    });
    afterEach(async () => {
      await h.adapter.stop();
      await h.close();
    });

    it('posts a message and reads it back with its fields and buttons', async () => {
      const ref = await h.adapter.post(h.channel, sampleMessage());
      expect(ref).toMatchObject({ platform: h.adapter.platform, channel: h.channel });
      expect(ref.id).toBeTruthy();
      const got = await h.read(ref);
      expect(got.msg.title).toBe('Warning: 1 anomaly on web-1');
      expect(got.msg.actions.map((a) => `${a.action}:${actionValue(a)}`)).toEqual([
        'approve:rp_abc123',
        'deny:rp_abc123',
        'silence:an_abc123',
      ]);
      expect(got.msg.links).toEqual([{ label: 'Runbook', url: 'https://wiki.example.com/runbooks/cpu?host=web-1' }]);
    });

    it('updates a message in place', async () => {
      const ref = await h.adapter.post(h.channel, sampleMessage());
      await h.adapter.update(ref, { ...sampleMessage('Resolved: web-1'), severity: 'ok', actions: [], status: 'Approved by alice' });
      const got = await h.read(ref);
      expect(got.msg.title).toBe('Resolved: web-1');
      expect(got.msg.actions).toEqual([]);
      expect(got.msg.status).toBe('Approved by alice');
    });

    it('posts a follow-up in the thread of an earlier message', async () => {
      const parent = await h.adapter.post(h.channel, sampleMessage());
      const child = await h.adapter.post(h.channel, { ...sampleMessage('follow-up'), actions: [] }, { thread: parent.id });
      expect(child.id).not.toBe(parent.id);
      expect((await h.read(child)).thread).toBe(parent.id);
    });

    it('turns incoming text into one neutral text event and shows the reply', async () => {
      const shown = await h.sendText('cpu on web-1', 'alice');
      expect(shown).toContain('echo: cpu on web-1');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ kind: 'text', platform: h.adapter.platform, text: 'cpu on web-1', user: { id: 'alice' } });
    });

    it('turns a button click into an action event carrying the proposal id', async () => {
      const shown = await h.click('approve', 'rp_abc123', 'bob');
      expect(shown).toContain('approve rp_abc123 by bob');
      expect(events[0]).toMatchObject({ kind: 'action', action: 'approve', proposalId: 'rp_abc123', user: { id: 'bob' } });
    });

    it('turns a Silence click into an action event carrying the anomaly id, and nothing else', async () => {
      const shown = await h.click('silence', 'an_abc123', 'carol');
      expect(shown).toContain('silence an_abc123 by carol');
      expect(events).toEqual([
        expect.objectContaining({
          kind: 'action',
          action: 'silence',
          anomalyId: 'an_abc123',
          user: expect.objectContaining({ id: 'carol' }),
        }),
      ]);
      expect(events[0]).not.toHaveProperty('proposalId');
    });
  });
}
