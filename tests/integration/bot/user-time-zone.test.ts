import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

// 10:00 UTC: 11:00 in Berlin.
const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

describe('a display time zone per person', () => {
  it("writes that person's replies on their clock, keeps everyone else's and the alerts in UTC", async () => {
    const slack = createFakeChatAdapter('slack');
    const { app, tick, pump } = await startManualApp(bootIncidentConfig({ overrides: { chat: { channels: { slack: ['C-OPS'] } } } }), {
      startTs: T0,
      adapters: [slack],
    });
    await tick(2);
    const say = async (text: string, user = 'U1') => (await slashCommand(slack, text, user)).text;
    expect(await say('show times in europe/atlantis')).toBe(
      '"europe/atlantis" is not an IANA zone name; say one like "Europe/Berlin" or "America/New_York" (abbreviations such as PST are ambiguous).',
    );
    expect(await say('show times in europe/berlin')).toMatch(/^Times in my replies to you are now in Europe\/Berlin \(now 11:01 \+01:00\)/);
    expect(await say('cpu on web-1')).toMatch(/^web-1 CPU [\d.]+% \(at 11:01:\d\d \+01:00, /);
    expect(await say('cpu on web-1', 'U2')).toMatch(/^web-1 CPU [\d.]+% \(at 10:01:\d\d UTC, /);
    expect(await say("what's my time zone?")).toMatch(/^Times in my replies to you are in Europe\/Berlin /);
    // "Today" is the Berlin day for them, the UTC day for others.
    expect(await say('how many anomalies today?')).toMatch(/^\d+ anomal(?:y|ies) today \(Europe\/Berlin\)/);
    expect(await say('how many anomalies today?', 'U2')).toMatch(/^\d+ anomal(?:y|ies) today \(UTC\)/);
    // The clock says where it reads, not that every time is UTC.
    expect(await say('what time is it?')).toMatch(
      /^It is 2026-11-02 11:01:\d\d \+01:00, Monday\. My replies to you give times in Europe\/Berlin, and "today" and a time you type are on that clock \("at 15:00 utc" stays UTC\)/,
    );
    // A time they type is on their clock too: 10:30 in Berlin is 09:30 UTC, which U2 names in UTC.
    const at = (r: string) => /^web-1 CPU at [^:]+:\d\d:\d\d \S+: ([\d.]+%)/.exec(r)?.[1];
    const berlin = await say('cpu on web-1 at 10:30');
    expect(berlin).toMatch(/\(sample at 10:30:00 \+01:00\)/);
    expect(at(berlin)).toMatch(/%$/);
    expect(at(berlin)).toBe(at(await say('cpu on web-1 at 09:30', 'U2')));
    expect(await say('cpu on web-1 at 09:30 utc')).toMatch(/\(sample at 10:30:00 \+01:00\)/);
    expect(await say('mute web-1 from 12:00 to 13:00')).toMatch(/from 2026-11-02 12:00:00 \+01:00 to 2026-11-02 13:00:00 \+01:00/);
    expect(app.store.chat.silences(T0 + 90 * 60_000).map((x) => [x.target, x.startsTs, x.untilTs])).toEqual([
      ['web-1', T0 + 3_600_000, T0 + 2 * 3_600_000],
    ]);
    await pump();
    expect([...slack.messages.values()].filter((m) => !m.thread).every((m) => !/\+01:00/.test(JSON.stringify(m.msg)))).toBe(true);
    // Kept across a restart of the service's memory: it is in the store.
    expect(app.store.getKv('tz:slack:U1')).toBe('Europe/Berlin');
    // A zone ICU knows under an older name keeps the name it was given.
    expect(await say('show times in asia/kolkata', 'U3')).toMatch(
      /^Times in my replies to you are now in Asia\/Kolkata \(now 15:3\d \+05:30\)/,
    );
    expect(await say('use utc')).toBe('Times in my replies to you are in UTC again.');
    expect(await say('cpu on web-1')).toMatch(/\(at 10:01:\d\d UTC, /);
  });
});
