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
    // "What did it look like before?": the figures before that anomaly, not the no-LLM notice.
    const before = (await say('what did cpu look like before it?')).split('\n');
    expect(before[0]).toMatch(new RegExp(`^Figures over the 30 min before ${id} `));
    expect(before[1]).toMatch(/^web-1 CPU between /);
    // "Is it getting worse?": that anomaly's series, not the worst open one's.
    expect(await say('is it getting worse?')).toMatch(new RegExp(`^${id} \\(\\w+, web-1 CPU, (?:open|resolved)\\); its series:`));
    // Someone else has not named it: theirs is the latest, said to be.
    expect(await say('is it still open?', 'U2')).toMatch(/^The latest anomaly \(others: /);
    // Remembered for 15 minutes, then "it" is the latest again.
    advance(16 * 60_000);
    expect(await say('is it still open?')).toMatch(/^The latest anomaly \(others: /);
  });
});

describe('"ack it", "silence it" right after a reply about one anomaly', () => {
  it('acts on that anomaly only while it is the last answer, and never on a guess', async () => {
    const slack = createFakeChatAdapter('slack');
    const { app, tick } = await startManualApp(bootIncidentConfig(), { startTs: T0, adapters: [slack] });
    await tick(3);
    const say = async (text: string, user = 'U1') => (await slashCommand(slack, text, user)).text;
    const id = /(an_\w+)/.exec(await say('explain the latest alert'))![1]!;
    const target = app.store.getAnomaly(id)!.target;
    const silenced = await say('silence it for 2h');
    expect(silenced).toMatch(new RegExp(`^Silenced ${target}`));
    expect(app.store.chat.silences(T0 + 10 * 60_000).map((s) => s.target)).toContain(target);
    // Another question in between: "it" no longer names that anomaly for a command.
    await say('explain the latest alert');
    await say('cpu on db-1');
    expect(await say('snooze it for 1h')).toMatch(/^Silence what\?/);
  });
});
