import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { CHANGE, changedBefore, recordChange } from '../../../src/bot/change-log.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'api-1', role: 'api' },
  { name: 'api-2', role: 'api' },
  { name: 'db-1', role: 'db' },
];
const alice = { platform: 'slack' as const, id: 'U1', name: 'alice', roles: [] };

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
/** Says `text` at `minAgo` as alice, through the parser, as chat does. */
function say(c: AnswerContext, text: string, minAgo: number): string {
  const i = parseIntent(text, targets);
  if (i.kind !== 'change') throw new Error(`not a change: ${JSON.stringify(i)}`);
  return recordChange(i, alice, NOW - minAgo * MIN, (kind, ts, data) => void c.store.appendRecord(kind, ts, data)).text;
}
const ask = (c: AnswerContext, q: string) => answerIntent(parseIntent(q, c.targets), c).split('\n');

describe('changes people say they made', () => {
  it('reads a change said as done, or after "change:", with the targets it names; never a question or a command', () => {
    const parse = (q: string) => parseIntent(q, targets);
    expect(parse('deployed v2.3 to api-1')).toEqual({ kind: 'change', text: 'deployed v2.3 to api-1', targets: ['api-1'] });
    expect(parse('we just rolled back the api')).toEqual({
      kind: 'change',
      text: 'we just rolled back the api',
      targets: ['api-1', 'api-2'],
    });
    expect(parse('change on db-1: raised max_connections to 200')).toEqual({
      kind: 'change',
      text: 'raised max_connections to 200',
      targets: ['db-1'],
    });
    expect(parse('log a deploy: agent v5')).toEqual({ kind: 'change', text: 'agent v5', targets: [] });
    expect(parse('was web-1 restarted?').kind).not.toBe('change');
    expect(parse('restart nginx on web-1')).toMatchObject({ kind: 'action_request' });
    expect(parse('deploy api-1')).toMatchObject({ kind: 'action_request' });
    expect(parse('any deploys this week?')).toEqual({ kind: 'changes', span: { kind: 'last', ms: 7 * 86_400_000 } });
    expect(parse('when was the last deploy?')).toEqual({ kind: 'changes' });
    expect(parse('releases on api-1 yesterday')).toEqual({ kind: 'changes', target: 'api-1', span: { kind: 'day', daysBack: 1 } });
    expect(parse('what changed in the config?')).toMatchObject({ kind: 'about', starts: 'config' });
    // A done verb with no thing changed, and a stretch of time rather than a moment, asks what was done then.
    expect(parse('deployed to api-1 today')).toEqual({ kind: 'changes', target: 'api-1', span: { kind: 'day', daysBack: 0 } });
    expect(parse('restarted on web-1 this week')).toMatchObject({ kind: 'history', target: 'web-1', action: 'restart_service' });
    expect(parse('restarted nginx on web-1 this morning').kind).toBe('change');
    expect(parse('rebooted this week')).toMatchObject({ kind: 'history', action: 'restart_service' });
    expect(parse('rolled back yesterday')).toEqual({ kind: 'changes', span: { kind: 'day', daysBack: 1 } });
    expect(parse('deployed to api-1 at 09:30')).toMatchObject({ kind: 'change', text: 'deployed to api-1' });
  });

  it('records one said after the fact at the time it names, up to a day back', () => {
    const c = ctx();
    expect(say(c, 'rolled back web-1 an hour ago', 0)).toMatch(/^Recorded change ch_\w+ on web-1 at 2026-12-05 11:00:00 UTC by /);
    // The time said is when it was done, not part of what changed.
    expect(say(c, 'deployed v2.3 to api-1 at 09:30', 0)).toMatch(
      / on api-1 at 2026-12-05 09:30:00 UTC by slack:U1: "deployed v2\.3 to api-1"\./,
    );
    expect(parseIntent('rolled back web-1, 20 min ago', targets)).toMatchObject({ text: 'rolled back web-1' });
    expect(say(c, 'restarted postgres on db-1 2 days ago', 0)).toMatch(
      /^Nothing recorded: 2026-12-03 12:00:00 UTC is more than a day ago\./,
    );
    expect(c.store.records(10, undefined, CHANGE).map((r) => r.ts)).toEqual([NOW - 150 * MIN, NOW - 60 * MIN]);
  });

  it('records one, lists them latest first by target, and refuses an empty one', () => {
    const c = ctx();
    expect(say(c, 'deployed v2.3 to api-1', 30)).toMatch(
      /^Recorded change ch_[a-z0-9]+ on api-1 at 2026-12-05 11:30:00 UTC by slack:U1: "deployed v2\.3 to api-1"\. Alerts that open there within 60 min will name it/,
    );
    say(c, 'log a deploy: agent v5', 20);
    say(c, 'restarted postgres on db-1 by hand', 10);
    const all = ask(c, 'recent changes');
    expect(all[0]).toBe('Changes recorded over the last 7 d: 3:');
    expect(all.slice(1, 4).map((l) => l.replace(/ch_[a-z0-9]+ /, ''))).toEqual([
      '• 2026-12-05 11:50:00 UTC db-1: "restarted postgres on db-1 by hand" (slack:U1)',
      '• 2026-12-05 11:40:00 UTC fleet-wide: "agent v5" (slack:U1)',
      '• 2026-12-05 11:30:00 UTC api-1: "deployed v2.3 to api-1" (slack:U1)',
    ]);
    // On api-1: its own and the fleet-wide one, not db-1's.
    expect(
      ask(c, 'what was deployed on api-1 today?')
        .slice(1, 3)
        .map((l) => /"(.*)"/.exec(l)![1]),
    ).toEqual(['agent v5', 'deployed v2.3 to api-1']);
    expect(ask(c, 'any releases on web-1 yesterday?')[0]).toBe('No changes recorded on web-1 yesterday (2026-12-04 UTC).');
    const empty = recordChange({ kind: 'change', text: '', targets: [] }, alice, NOW, () => undefined);
    expect(empty).toMatchObject({ private: true, text: expect.stringMatching(/^What changed\?/) });
    expect(c.store.records(10, undefined, CHANGE)).toHaveLength(3);
  });

  it("is named beside the anomalies in the hour after it: explain, the digest, and the alert's field", () => {
    const c = ctx();
    say(c, 'deployed v2.3 to api-1', 30);
    say(c, 'raised max_connections on db-1', 10);
    const a = resolvedAnomaly('an_api', NOW, { target: 'api-1', metric: 'latency_ms', startTs: NOW - 20 * MIN, endTs: NOW - 5 * MIN });
    c.store.upsertAnomaly(a);
    expect(changedBefore(c.store, [a])).toMatch(/^"deployed v2\.3 to api-1" on api-1 10 min before \(ch_[a-z0-9]+, slack:U1\)$/);
    // A long change is clipped in the field, so three fit Discord's 1,024 characters.
    const long = ctx();
    for (const m of [25, 26, 27]) say(long, `patched api-1: ${'x'.repeat(280)}`, m);
    expect(changedBefore(long.store, [a])!.length).toBeLessThan(1024);
    expect(changedBefore(long.store, [a])).toMatch(/x…" on api-1 5 min before/);
    // Not another target's change, nor one after the anomaly began, nor one more than an hour before.
    expect(changedBefore(c.store, [{ target: 'web-1', startTs: NOW - 20 * MIN }])).toBeUndefined();
    expect(changedBefore(c.store, [{ target: 'api-1', startTs: NOW - 31 * MIN }])).toBeUndefined();
    expect(changedBefore(c.store, [{ target: 'api-1', startTs: NOW + 31 * MIN }])).toBeUndefined();
    expect(ask(c, 'explain an_api')).toContainEqual(
      expect.stringMatching(/^Changed before it: "deployed v2\.3 to api-1" on api-1 10 min before/),
    );
    // Asked about changes before a spike: the same line, and said as none when none was recorded.
    expect(parseIntent('what changed before the api-1 latency spike?', targets)).toMatchObject({ kind: 'explain', changes: true });
    expect(ask(c, 'what changed before the api-1 latency spike?')).toContainEqual(
      expect.stringMatching(/^Changed before it: "deployed v2\.3 to api-1" on api-1 10 min before/),
    );
    c.store.upsertAnomaly(resolvedAnomaly('an_web', NOW, { target: 'web-1', startTs: NOW - 2 * MIN, endTs: NOW - MIN }));
    expect(ask(c, 'was there a deploy before the web-1 spike?')[2]).toMatch(
      /^Changed before it: nothing recorded on its target or fleet-wide in the hour before/,
    );
    expect(ask(c, 'explain an_web').join('\n')).not.toContain('Changed before it');
    // The timeline starts with it (the first line of a day carries its date).
    expect(ask(c, 'timeline an_api')[1]).toMatch(
      /^2026-12-05 11:30:00 {2}change by slack:U1 on api-1: "deployed v2\.3 to api-1" \(ch_\w+\)$/,
    );
    expect(ask(c, 'summarise today')).toContainEqual(
      expect.stringMatching(
        /^Changes recorded then: 2: "raised max_connections on db-1" on db-1 at 11:50 UTC \(ch_\w+\); "deployed v2\.3 to api-1"/,
      ),
    );
  });

  it('"what changed in the last hour?" says so when none is recorded', () => {
    const c = ctx();
    expect(ask(c, 'what changed in the last hour?')).toContainEqual(
      'No changes recorded then ("recent changes" lists them; say "deployed v2.3 to api-1" to record one).',
    );
    say(c, 'deployed v2.3 to api-1', 30);
    expect(ask(c, 'what changed in the last hour?')).toContainEqual(
      expect.stringMatching(/^Changes recorded then: 1: "deployed v2\.3 to api-1"/),
    );
  });

  it('"what happened after the deploy?" lists the anomalies since the latest deploy there (any change, if asked so), or says none is recorded', () => {
    const c = ctx();
    expect(ask(c, 'what happened after the deploy?')[0]).toMatch(
      /^No change is recorded in the last 30 days, so I cannot tell when it was\./,
    );
    say(c, 'deployed v2.3 to api-1', 30);
    say(c, 'restarted postgres on db-1', 10);
    const at = (id: string, target: string, minAgo: number) =>
      c.store.upsertAnomaly(resolvedAnomaly(id, NOW, { target, startTs: NOW - minAgo * MIN, endTs: NOW - minAgo * MIN + MIN }));
    at('an_before', 'api-1', 40);
    at('an_after', 'api-1', 20);
    at('an_db', 'db-1', 5);
    const api = ask(c, 'did the deploy break anything on api-1?');
    expect(api[0]).toMatch(/^After the latest deploy, ch_\w+ 2026-12-05 11:30:00 UTC api-1: "deployed v2\.3 to api-1" \(slack:U1\):$/);
    expect(api.filter((l) => l.startsWith('• ')).map((l) => /an_\w+/.exec(l)![0])).toEqual(['an_after']);
    // Anywhere: the latest change is db-1's restart, and only what followed it; the latest deploy is still api-1's.
    const any = ask(c, 'any alerts since the last change?');
    expect(any[0]).toMatch(/^After the latest change, .*"restarted postgres on db-1"/);
    expect(any.filter((l) => l.startsWith('• ')).map((l) => /an_\w+/.exec(l)![0])).toEqual(['an_db']);
    const deployed = ask(c, 'any alerts since the last deploy?');
    expect(deployed[0]).toMatch(/^After the latest deploy, .*"deployed v2\.3 to api-1"/);
    expect(deployed.filter((l) => l.startsWith('• ')).map((l) => /an_\w+/.exec(l)![0])).toEqual(['an_db', 'an_after']);
  });

  it('withdraws a change by its id: no longer named anywhere, its record kept, and an unknown id said', () => {
    const c = ctx();
    const id = /ch_\w+/.exec(say(c, 'deployed v2.3 to api-1', 30))![0];
    const a = resolvedAnomaly('an_api', NOW, { target: 'api-1', startTs: NOW - 20 * MIN, endTs: NOW - 5 * MIN });
    c.store.upsertAnomaly(a);
    expect(changedBefore(c.store, [a])).toBeDefined();
    const record = (kind: string, ts: number, data: Record<string, unknown>) => void c.store.appendRecord(kind, ts, data);
    const withdraw = (text: string) => {
      const i = parseIntent(text, targets);
      if (i.kind !== 'change') throw new Error(JSON.stringify(i));
      return recordChange(i, alice, NOW, record, c.store);
    };
    expect(withdraw('ch_nope1 was a mistake')).toMatchObject({
      private: true,
      text: expect.stringMatching(/^No change ch_nope1 is recorded/),
    });
    expect(withdraw(`delete ${id}`).text).toBe(
      `Withdrew change ${id} ("deployed v2.3 to api-1") by slack:U1: alerts, "explain" and "recent changes" no longer name it; its record stays.`,
    );
    expect(changedBefore(c.store, [a])).toBeUndefined();
    expect(ask(c, 'recent changes')[0]).toBe('No changes recorded over the last 7 d.');
    expect(c.store.records(10, undefined, CHANGE)).toHaveLength(1);
    expect(withdraw(`delete ${id}`).text).toMatch(/^No change ch_\w+ is recorded/);
  });

  it('lists the changes one person recorded: "what did alice deploy?", "bob\'s changes"; "what did we deploy?" is everyone\'s', () => {
    const parse = (q: string) => parseIntent(q, targets);
    expect(parse('what did alice deploy?')).toEqual({ kind: 'changes', by: 'alice' });
    expect(parse("bob's changes")).toEqual({ kind: 'changes', by: 'bob' });
    expect(parse('deploys by bob this week')).toEqual({ kind: 'changes', span: { kind: 'last', ms: 7 * 86_400_000 }, by: 'bob' });
    expect(parse('what did we deploy today?')).toEqual({ kind: 'changes', span: { kind: 'day', daysBack: 0 } });
    // A target named after "by" is where, not who; "what did you change?" is the bot's own remediations.
    expect(parse('changes by web-1')).toEqual({ kind: 'changes', target: 'web-1' });
    expect(parse('what did you change?')).toMatchObject({ kind: 'history' });
    const c = ctx();
    const as = (id: string, text: string, minAgo: number, on: string[]) =>
      recordChange(
        { kind: 'change', text, targets: on },
        { platform: 'web', id, name: id, roles: [] },
        NOW - minAgo * MIN,
        (kind, ts, data) => void c.store.appendRecord(kind, ts, data),
      );
    as('alice', 'deployed v2.3 to api-1', 30, ['api-1']);
    as('bob', 'raised max_connections', 20, ['db-1']);
    const mine = ask(c, 'what did alice deploy?');
    expect(mine[0]).toBe('Changes recorded by alice over the last 7 d: 1:');
    expect(mine[1]).toMatch(/"deployed v2\.3 to api-1" \(web:alice\)$/);
    expect(ask(c, "bob's changes")[1]).toMatch(/"raised max_connections" \(web:bob\)$/);
    expect(ask(c, 'what did carol deploy?')[0]).toBe('No changes recorded by carol over the last 7 d.');
    expect(ask(c, 'what did we deploy?')[0]).toBe('Changes recorded over the last 7 d: 2:');
  });

  it('reads "is this related to the deploy?" and "was it the deploy?" as the alerts since the latest deploy', () => {
    const parse = (q: string) => parseIntent(q, targets);
    for (const q of ['is this related to the deploy?', 'was it the deploy?', 'is it due to the release?'])
      expect(parse(q), q).toEqual({ kind: 'anomalies', limit: 50, today: false, afterChange: 'deploy' });
    expect(parse('could the deploy have caused the db-1 alert?')).toMatchObject({ afterChange: 'deploy', target: 'db-1' });
    // A figure named is still the figures either side; two metrics "related" still a correlation.
    expect(parse('did the deploy cause the latency spike?')).toMatchObject({ kind: 'change_impact', metric: 'latency' });
    expect(parse('is cpu related to latency on api-1?')).toMatchObject({ kind: 'correlate', target: 'api-1' });
  });
});
