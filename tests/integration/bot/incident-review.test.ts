import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';
import { stamp } from '../../../src/core/stamp.js';
import { formatDuration } from '../../../src/bot/text-tools.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

describe('a postmortem asked for in chat', () => {
  it('drafts the review of the last declared incident from the records, and leaves the cause to people', async () => {
    const slack = createFakeChatAdapter('slack');
    const config = bootIncidentConfig({ approvalRule: true, overrides: { chat: { channels: { slack: ['C-OPS'] } } } });
    const { app, tick, advance, pump, now } = await startManualApp(config, { startTs: T0, adapters: [slack] });
    const say = async (text: string, user = 'U1') => (await slashCommand(slack, text, user)).text;
    await tick(3);
    await pump();

    // None declared yet: said so, with the latest alert and the words for its story.
    const none = (await say('write a postmortem')).split('\n');
    expect(none[0]).toBe(
      'No incident was declared in the last 7 days, so there is no incident to review. "Declare an incident: <what is wrong>" opens one, and "postmortem" then drafts its review.',
    );
    expect(none[1]).toMatch(/^The latest alert: /);
    expect(none[2]).toMatch(/^"timeline an_\w+" tells what happened to it and who did what\.$/);

    expect(app.store.openAnomalies().some((a) => a.target === 'web-1')).toBe(true);
    await say('deployed v2.4 to web-1', 'U2');
    advance(60_000);
    const declared = await say('declare an incident on web-1: checkout is slow');
    const id = /(in_\w+)/.exec(declared)![1]!;
    const declaredTs = now();
    expect(await say('ack web-1', 'U3')).toMatch(/^Acknowledged/);
    advance(5 * 60_000);
    await say("I'll take command", 'U2');
    await say('incident update: rolled back v2.4', 'U2');
    advance(5 * 60_000);
    await say('resolve the incident', 'U2');
    const resolvedTs = now();
    // The first sign: the earliest anomaly on web-1 still open within 30 min before it was declared.
    const firstSign = [...app.store.openAnomalies(), ...app.store.recentAnomalies(500)]
      .filter((a) => a.target === 'web-1' && (a.endTs ?? resolvedTs) >= declaredTs - 30 * 60_000)
      .sort((a, z) => a.startTs - z.startTs)[0]!;

    const review = (await say('write a postmortem for the last incident')).split('\n');
    expect(review[0]).toBe(`Post-incident review, first draft: ${id} "checkout is slow" (times UTC).`);
    const section = (name: string) => review.slice(review.indexOf(name) + 1, review.indexOf('', review.indexOf(name)));
    expect(section('Summary')).toEqual([
      `• Declared by slack:U1 at ${stamp(declaredTs)} on web-1.`,
      `• Commander: slack:U1, then slack:U2 at ${stamp(declaredTs + 5 * 60_000)}.`,
      `• Resolved by slack:U2 at ${stamp(resolvedTs)}, 10 min after it was declared, ${formatDuration(resolvedTs - firstSign.startTs)} after the first sign.`,
    ]);
    // Each target and metric once, with its detectors in the order they opened.
    const impact = section('Impact (what the detectors saw on its targets, from 30 min before it)');
    expect(impact.length).toBeGreaterThan(0);
    expect(impact.every((l) => /^• (web-1) \S+.* \[(critical|warning)\]: peak .*; from .*; seen by \w+/.test(l))).toBe(true);
    const response = section('Detection and response');
    expect(response[0]).toMatch(
      new RegExp(
        `^• First sign: ${firstSign.id} \\(${firstSign.detector}\\) at ${stamp(firstSign.startTs)}, .+ before it was declared\\.$`,
      ),
    );
    expect(response).toContainEqual(expect.stringMatching(/^• Alerts posted: \d+, the first at /));
    expect(response).toContainEqual(expect.stringMatching(new RegExp(`^• First acknowledged by slack:U3 at ${stamp(declaredTs)}`)));
    expect(response).toContainEqual(
      expect.stringMatching(
        /^• Changes recorded from an hour before it \(candidates, not findings\): "deployed v2\.4 to web-1" at .* \(slack:U2\)\.$/,
      ),
    );
    expect(response).toContainEqual(
      expect.stringMatching(/^• Remediations: rp_\w+ scale_up on web-1, proposed .* \(by a rule\), still waiting for a decision\.$/),
    );
    expect(response.at(-1)).toBe('• Updates: 1 update, 1 hand-over.');
    // The timeline as "incident timeline" has it, under its own heading; the cause is left to people.
    const timeline = (await say('incident timeline')).split('\n').slice(1);
    expect(review.slice(review.indexOf('Timeline') + 1, review.indexOf('Timeline') + 1 + timeline.length)).toEqual(timeline);
    expect(review.slice(-3)).toEqual([
      'For the people in it to write',
      '• Root cause: I see metrics and what was recorded here, not why it happened; a change above is a candidate, not a finding.',
      '• What went well, what did not, and the follow-up actions with an owner each.',
    ]);
    // Named by host: the one declared there, or said that none was.
    expect((await say('draft an RCA for the web-1 incident')).split('\n')[0]).toBe(review[0]);
    expect((await say('postmortem for the db-1 incident')).split('\n')[0]).toMatch(/^No incident was declared on db-1 in the last 7 days/);
  });
});
