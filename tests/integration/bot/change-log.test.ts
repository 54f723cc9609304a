import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

describe('a change said in Slack', () => {
  it('is recorded for the channel to see, and named on the alert that opens after it', async () => {
    const config = bootIncidentConfig({ overrides: { chat: { channels: { slack: ['C-OPS'] }, pendingFor: [] } } });
    const slack = createFakeChatAdapter('slack');
    const { app, tick } = await startManualApp(config, { startTs: T0, adapters: [slack] });
    const said = await slashCommand(slack, 'deployed v2.3 to web-1');
    expect(said.private).toBeFalsy();
    expect(said.text).toMatch(/^Recorded change (ch_\w+) on web-1 at 2026-11-02 10:00:00 UTC by slack:/);
    const id = /ch_\w+/.exec(said.text)![0];
    // The boot incident on web-1 opens on the next tick, 30 s after the change.
    await tick(2, 2);
    const alert = [...slack.messages.values()].find((m) => !m.thread && /anomal(y|ies) on web-1$/.test(m.versions[0]!.title));
    expect(alert, 'the boot incident should be posted').toBeDefined();
    const field = alert!.versions.at(-1)!.fields.find((f) => f.label === 'changed before it');
    expect(field?.value).toMatch(new RegExp(`^"deployed v2\\.3 to web-1" on web-1 30 s before \\(${id}, slack:`));
    // Withdrawn, it is gone from the next rendering of that alert and from the list.
    expect((await slashCommand(slack, `delete ${id}`)).text).toMatch(/^Withdrew change/);
    expect((await slashCommand(slack, 'recent changes')).text).toMatch(/^No changes recorded over the last 7 d\./);
    expect(app.store.records(10, undefined, 'change_withdrawn')).toHaveLength(1);
  });
});
