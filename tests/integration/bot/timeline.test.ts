import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

describe('an alert’s timeline', () => {
  it('puts what happened and who did what in order, from the store, until it resolves', async () => {
    const slack = createFakeChatAdapter('slack');
    const config = bootIncidentConfig({
      approvalRule: true,
      overrides: { chat: { channels: { slack: ['C-OPS'] } }, approvers: { slack: { users: ['U1'] } } },
    });
    const { app, tick, advance } = await startManualApp(config, { startTs: T0, adapters: [slack] });
    const say = (text: string, user = 'U2', thread?: string) =>
      slack.emit({
        kind: 'text',
        platform: 'slack',
        user: { platform: 'slack', id: user, roles: [] },
        channel: 'C-OPS',
        text,
        source: 'command',
        thread,
      });
    await tick(3);
    const threshold = app.store.openAnomalies().find((a) => a.target === 'web-1' && a.detector === 'threshold')!;
    const key = app.store.chat.alertKeyFor(threshold.id)!;
    const [proposal] = app.store.listProposals({ states: ['proposed'], limit: 5 });
    expect(proposal!.anomalyId).toBe(threshold.id);
    advance(5000);
    await say(`ack ${threshold.id}`);
    advance(5000);
    await say(`approve ${proposal!.id}`, 'U1');
    advance(5000);
    await say('snooze web-1 cpu for 30m', 'U3');
    await tick(20);
    expect(app.store.getAnomaly(threshold.id)!.status).toBe('resolved');

    const text = (await say(`timeline ${threshold.id}`)).text;
    const lines = text.split('\n');
    expect(lines[0]).toBe('Timeline of the alert on web-1 (UTC):');
    // The first entry carries the date, later ones on the same day the time only.
    expect(lines[1]).toMatch(/^2026-11-02 10:0\d:\d\d {2}an_\w+ opened: warning web-1 CPU \(threshold\) — /);
    expect(lines[2]).toMatch(/^10:\d\d:\d\d {2}/);
    const order = [
      new RegExp(`${threshold.id} opened: warning web-1 CPU \\(threshold\\)`),
      /alert posted to slack C-OPS/,
      new RegExp(`${proposal!.id} scale_up proposed: rule scale$`),
      /acknowledged by slack:U2 \(\d+ s after it opened\)$/,
      new RegExp(`${proposal!.id} scale_up approved by slack:U1$`),
      new RegExp(`${proposal!.id} scale_up running by slack:U1: executor simulate$`),
      new RegExp(`${proposal!.id} scale_up succeeded by executor:simulate: simulated scale_up on web-1`),
      /silenced web-1 CPU until 2026-11-02 \d\d:\d\d:\d\d UTC by slack:U3 \(sl_/,
      new RegExp(`${threshold.id} resolved after \\d+ (s|min), peak 9\\d\\.\\d%`),
    ];
    let at = 0;
    for (const re of order) {
      const i = lines.findIndex((l, n) => n > at && re.test(l));
      expect(i, `${re} after line ${at} in\n${text}`).toBeGreaterThan(at);
      at = i;
    }
    expect(lines.at(-1)).toBe('All resolved.');
    expect(text).not.toContain('reminder');
    // In the alert's thread, "timeline" alone means that alert; elsewhere it is the latest alert.
    const alertMsg = app.store.chat.messageRef('slack', 'C-OPS', key)!.id;
    expect((await say('timeline', 'U2', alertMsg)).text).toBe(text);
    expect((await say('timeline')).text).toMatch(/^The latest alert \(others: "timeline an_…"\):\nTimeline of the alert on /);
    expect((await say('timeline an_doesnotexist')).text).toBe('No anomaly "an_doesnotexist" (it may be older than the retention).');
    expect((await say('postmortem for db-1')).text).toBe('No anomalies on db-1 to show.');
  });
});
