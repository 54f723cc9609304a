import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

describe('"who silenced web-1?"', () => {
  it('lists the silences in effect, and those of the last day that are over with how each ended', async () => {
    const slack = createFakeChatAdapter('slack');
    const m = await startManualApp(bootIncidentConfig(), { startTs: T0, adapters: [slack] });
    const say = async (text: string, user = 'U2') => (await slashCommand(slack, text, user)).text;
    await m.tick(1);
    expect(await say('who silenced web-1?')).toBe('Nobody silences web-1 now, and no silence on it was set in the last 7 days.');
    await say('snooze db-1 cpu for 1m');
    await say('snooze web-1 for 2h');
    await say('unsnooze web-1', 'U3');
    await say('snooze db-1 memory for 1h', 'U4');
    await m.tick(4);
    // Of web-1: nothing now, and the silence lifted by U3; the db-1 ones are in the whole list.
    expect((await say('who silenced web-1?')).split('\n')).toEqual([
      expect.stringMatching(
        /^Nobody silences web-1 now\. The last silence on it, sl_\w+ \(web-1 \/ all metrics\), was set by slack:U2 at 2026-11-02 10:00:\d\d UTC; how it ended is below\.$/,
      ),
      'Ended in the last 24 h:',
      expect.stringMatching(/^• sl_\w+: web-1 \/ all metrics, set by slack:U2 at .*; lifted by slack:U3 at /),
    ]);
    const lines = (await say('list silences')).split('\n');
    expect(lines[0]).toBe('Silenced:');
    expect(lines[1]).toMatch(/^• sl_\w+: db-1 \/ memory until 2026-11-02 11:00:\d\d UTC \(by slack:U4\)$/);
    expect(lines.slice(2)).toEqual([
      'Ended in the last 24 h:',
      expect.stringMatching(
        /^• sl_\w+: web-1 \/ all metrics, set by slack:U2 at 2026-11-02 10:00:\d\d UTC; lifted by slack:U3 at 2026-11-02 10:00:\d\d UTC$/,
      ),
      expect.stringMatching(/^• sl_\w+: db-1 \/ CPU, set by slack:U2 at 2026-11-02 10:00:\d\d UTC; ran out at 2026-11-02 10:01:\d\d UTC$/),
    ]);
  });
});
