import { describe, expect, it } from 'vitest';
import { actorIs } from '../../../src/bot/actor-name.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { recordChange } from '../../../src/bot/change-log.js';
import { createOnCall } from '../../../src/bot/on-call.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { onCallSchema } from '../../../src/config/on-call-schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const targets = [{ name: 'api-1' }, { name: 'db-1' }];

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const onCall = createOnCall(
    onCallSchema.parse({
      members: [
        { name: 'alice', slack: '<@U2ALICE>', discord: '<@123456789>', web: 'al' },
        { name: 'bob', slack: '<@U3BOB>' },
      ],
      shiftHours: 24,
      handoff: '2026-12-01T09:00:00Z',
    }),
    { store, clock: { now: () => NOW } },
  );
  return { store, targets, now: NOW, staleAfterMs: 90_000, onCall };
}

describe('a person named in a question', () => {
  it('matches the whole actor, the id after the platform, or an actor the rotation knows by that name', () => {
    expect(actorIs('web:bob', 'bob')).toBe(true);
    expect(actorIs('slack:U2ALICE', 'alice')).toBe(false);
    expect(actorIs('slack:U2ALICE', 'alice', ['slack:U2ALICE'])).toBe(true);
    expect(actorIs(undefined, 'alice', ['slack:U2ALICE'])).toBe(false);
    const c = ctx();
    expect(c.onCall!.actorsNamed('Alice')).toEqual(['slack:U2ALICE', 'discord:123456789', 'web:al']);
    expect(c.onCall!.actorsNamed('carol')).toEqual([]);
  });

  it("finds alice's changes recorded on Slack and Discord by her on-call membership, and nobody else's", () => {
    const c = ctx();
    const say = (platform: 'slack' | 'discord' | 'web', id: string, text: string, minAgo: number) =>
      recordChange(
        { kind: 'change', text, targets: [] },
        { platform, id, name: id, roles: [] },
        NOW - minAgo * 60_000,
        (kind, ts, data) => void c.store.appendRecord(kind, ts, data),
      );
    say('slack', 'U2ALICE', 'deployed v2.3', 30);
    say('discord', '123456789', 'raised max_connections', 20);
    say('slack', 'U3BOB', 'rolled back the api', 10);
    const lines = answerIntent(parseIntent('what did alice deploy?', targets), c).split('\n');
    expect(lines[0]).toBe('Changes recorded by alice over the last 7 d: 2:');
    expect(lines.slice(1, 3).map((l) => /"([^"]+)"/.exec(l)![1])).toEqual(['raised max_connections', 'deployed v2.3']);
    expect(answerIntent(parseIntent("bob's changes", targets), c)).toContain('"rolled back the api"');
    // The audit log reads people the same way.
    const audit = answerIntent(parseIntent('what did alice do?', targets), c);
    expect(audit).toContain('deployed v2.3');
    expect(audit).not.toContain('rolled back the api');
  });
});
