import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 11, 8, 10, 0, 0);

describe('an incident named by what it is about', () => {
  it('"resolve the db incident" and "timeline of the web incident" pick the one declared there when two are open', async () => {
    const slack = createFakeChatAdapter('slack');
    const config = bootIncidentConfig({ overrides: { chat: { channels: { slack: ['C-OPS'] } } } });
    const { tick, advance, pump } = await startManualApp(config, { startTs: T0, adapters: [slack] });
    const say = async (text: string, user = 'U1') => (await slashCommand(slack, text, user)).text;
    await tick(2);
    await pump();
    const web = /(in_\w+)/.exec(await say('declare an incident on web-1: checkout is slow'))![1]!;
    advance(60_000);
    const db = /(in_\w+)/.exec(await say('declare an incident on db-1: replication behind'))![1]!;
    advance(60_000);
    // Before: "resolve the db incident" was refused as resolving an anomaly by hand.
    expect(await say('resolve the db incident')).toContain(db);
    expect(await say('incident status')).toContain(web);
    // "Timeline of the web incident" (a role) is the declared incident's; with a host named it is that alert's.
    expect((await say('timeline of the web incident')).split('\n')[0]).toMatch(new RegExp(`^Timeline of ${web} "checkout is slow"`));
    expect((await say('timeline of the web-1 cpu incident')).split('\n')[0]).toMatch(/^The latest alert|^No anomalies/);
    // Two open, none named: which one is asked, as before.
    await say(`reopen ${db}`);
    expect(await say('close the incident')).toMatch(/^2 incidents are open: /);
  });
});
