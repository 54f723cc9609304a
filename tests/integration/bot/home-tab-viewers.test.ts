import { describe, expect, it } from 'vitest';
import { createHomeTab } from '../../../src/bot/slack/home-tab.js';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => silent };

describe('the Home tab of each viewer', () => {
  it('is published again only for the viewers whose own key changed', async () => {
    const watches = new Map<string, string>([
      ['UA', 'wt_1'],
      ['UB', ''],
    ]);
    const published: string[] = [];
    const tab = createHomeTab({
      home: (user) => ({ text: `tab of ${user}`, messages: [], key: `shared;${watches.get(user)}` }),
      keys: () => (user) => `shared;${watches.get(user)}`,
      publish: async (user) => void published.push(user),
      logger: silent,
      now: () => 0,
      command: '/ops',
    });
    await tab.opened('UA');
    await tab.opened('UB');
    expect(published).toEqual(['UA', 'UB']);
    expect(await tab.refresh()).toBe(0);
    watches.set('UB', 'wt_2');
    expect(await tab.refresh()).toBe(1);
    expect(published).toEqual(['UA', 'UB', 'UB']);
  });

  it('lists the viewer’s own watches and reminders, and its key changes when they do', async () => {
    const slack = createFakeChatAdapter('slack');
    const m = await startManualApp(bootIncidentConfig(), { startTs: Date.UTC(2026, 10, 2, 10, 0, 0), adapters: [slack] });
    const u2 = { platform: 'slack' as const, id: 'U2', roles: [] };
    const u3 = { platform: 'slack' as const, id: 'U3', roles: [] };
    const before = m.app.chat.homeKeys(m.now())(u2);
    await slashCommand(slack, 'remind me in 30m to check web-1', 'U2');
    const home = m.app.chat.home(m.now(), u2).text.split('\n');
    expect(home.slice(-2)).toEqual(['Your watches and reminders:', expect.stringMatching(/^• wt_\w+: a reminder for .*: check web-1$/)]);
    expect(m.app.chat.home(m.now(), u3).text).not.toContain('Your watches');
    expect(m.app.chat.homeKeys(m.now())(u2)).not.toBe(before);
    expect(m.app.chat.homeKeys(m.now())(u3)).toBe(before);
  });

  it('lists the viewer’s own subscriptions, and its key changes when they do', async () => {
    const slack = createFakeChatAdapter('slack');
    const m = await startManualApp(bootIncidentConfig(), { startTs: Date.UTC(2026, 10, 2, 10, 0, 0), adapters: [slack] });
    const u2 = { platform: 'slack' as const, id: 'U2', roles: [] };
    const u3 = { platform: 'slack' as const, id: 'U3', roles: [] };
    const before = m.app.chat.homeKeys(m.now())(u2);
    await slashCommand(slack, 'notify me about db-1 alerts', 'U2');
    expect(m.app.chat.home(m.now(), u2).text.split('\n').slice(-2)).toEqual([
      'Your subscriptions:',
      expect.stringMatching(/^• su_\w+: alerts on db-1, until you unfollow$/),
    ]);
    expect(m.app.chat.home(m.now(), u3).text).not.toContain('Your subscriptions');
    expect(m.app.chat.homeKeys(m.now())(u2)).not.toBe(before);
    expect(m.app.chat.homeKeys(m.now())(u3)).toBe(before);
  });

  it("shows times on the viewer's clock: their own zone, else the team's (chat.timezone)", async () => {
    const slack = createFakeChatAdapter('slack');
    const config = bootIncidentConfig();
    config.chat.timezone = 'Europe/Berlin';
    const m = await startManualApp(config, { startTs: Date.UTC(2026, 10, 2, 10, 0, 0), adapters: [slack] });
    await slashCommand(slack, 'declare an incident: checkout is slow', 'U2');
    const u2 = { platform: 'slack' as const, id: 'U2', roles: [] };
    const berlin = m.app.chat.home(m.now(), u2).text;
    expect(berlin).toMatch(/\d\d:\d\d(?::\d\d)? \+01:00/);
    expect(berlin).not.toMatch(/\d\d:\d\d(?::\d\d)? UTC\b/);
    await slashCommand(slack, 'use UTC', 'U2');
    expect(m.app.chat.home(m.now(), u2).text).not.toMatch(/\+01:00/);
  });

  it('leads with a declared incident, and its key changes as the incident moves', async () => {
    const slack = createFakeChatAdapter('slack');
    const m = await startManualApp(bootIncidentConfig(), { startTs: Date.UTC(2026, 10, 2, 10, 0, 0), adapters: [slack] });
    const keys = [m.app.chat.homeKeys(m.now())()];
    await slashCommand(slack, 'declare an incident: checkout is slow', 'U2');
    keys.push(m.app.chat.homeKeys(m.now())());
    expect(m.app.chat.home(m.now()).text).toMatch(/^Incident open: in_\w+ "checkout is slow": commander slack:U2/);
    await slashCommand(slack, 'incident update: rolled back', 'U2');
    keys.push(m.app.chat.homeKeys(m.now())());
    await slashCommand(slack, 'resolve the incident', 'U2');
    keys.push(m.app.chat.homeKeys(m.now())());
    // Declared, then updated: a new key each time; resolved, the tab lists what it did before.
    expect(new Set(keys.slice(0, 3)).size).toBe(3);
    expect(keys[3]).toBe(keys[0]);
    expect(m.app.chat.home(m.now()).text).not.toMatch(/Incident open/);
  });
});
