import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

describe('"it" in a conversation', () => {
  it('means the anomaly the last reply was about, for the one who asked, and the latest for anyone else', async () => {
    const slack = createFakeChatAdapter('slack');
    const { tick, advance } = await startManualApp(bootIncidentConfig(), { startTs: T0, adapters: [slack] });
    await tick(3);
    const say = async (text: string, user = 'U1') => (await slashCommand(slack, text, user)).text;
    const first = await say('explain the latest alert');
    const id = /(an_\w+)/.exec(first)![1]!;
    const open = (await say('is it still open?')).split('\n');
    expect(open[0]).toMatch(/^Still open, for \d+ (?:s|min)\.$/);
    expect(open[1]).toMatch(new RegExp(`^${id} `));
    expect(await say('who fixed it?')).toMatch(/^Timeline of the alert on web-1 \(UTC\):/);
    // Someone else has not named it: theirs is the latest, said to be.
    expect(await say('is it still open?', 'U2')).toMatch(/^The latest anomaly \(others: /);
    // Remembered for 15 minutes, then "it" is the latest again.
    advance(16 * 60_000);
    expect(await say('is it still open?')).toMatch(/^The latest anomaly \(others: /);
  });
});
