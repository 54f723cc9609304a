import { describe, expect, it } from 'vitest';
import { createChatService } from '../../../src/bot/chat-service.js';
import { createOnCall } from '../../../src/bot/on-call.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { onCallSchema } from '../../../src/config/on-call-schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { captureLogger } from '../../helpers/test-config.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);

function setup() {
  const store = createSqliteStore(':memory:');
  const onCall = createOnCall(
    onCallSchema.parse({
      members: [
        { name: 'alice', web: 'alice' },
        { name: 'bob', web: 'bob' },
      ],
      shiftHours: 24,
      handoff: '2026-12-01T09:00:00Z',
    }),
    { store, clock: { now: () => NOW } },
  );
  const chat = createChatService({
    store,
    approvers: { slack: { users: [], roles: [] }, discord: { users: [], roles: [] }, web: { users: ['alice'], roles: [] } },
    targets: () => [],
    clock: { now: () => NOW },
    logger: captureLogger(),
    staleAfterMs: 90_000,
    onCall,
  });
  return (id: string, text: string) =>
    chat.handle({ kind: 'text', platform: 'web', user: { platform: 'web', id, roles: [] }, channel: 'console', text, source: 'command' });
}

describe('"who am i?"', () => {
  it('says the identity recorded, whether the asker approves, their shift and their clock', async () => {
    expect(parseIntent('who am i?', [])).toEqual({ kind: 'whoami' });
    const say = setup();
    // 2026-12-05 09:00 starts alice's shift (the rotation began with her on 12-01).
    const alice = (await say('alice', 'who am i?'))!;
    expect(alice.private).toBe(true);
    expect(alice.text.split('\n')).toEqual([
      'You are web:alice; that is how the audit log and approvals record you.',
      'You can approve and deny remediations (approvers.web).',
      'You are on call now, until 2026-12-06 09:00:00 UTC (in 21 h); your next shift after this is from 2026-12-07 09:00:00 UTC to 2026-12-08 09:00:00 UTC (in 45 h).',
      'Times in my replies are in UTC; "show times in Europe/Berlin" or "use UTC" changes that.',
    ]);
    expect((await say('carol', 'who am i?'))!.text.split('\n').slice(1, 3)).toEqual([
      'You are not an approver (approvers.web lists who is).',
      'You are in no on-call rotation (chat.onCall), so you have no shift.',
    ]);
  });
});

describe('"what needs my approval?" from someone who cannot approve', () => {
  it('lists what waits, then says it is not theirs to decide; an approver gets the list alone', async () => {
    const store = createSqliteStore(':memory:');
    const p = { ...PROPOSAL, createdTs: NOW - 60_000, updatedTs: NOW - 60_000, expiresTs: NOW + 600_000 };
    store.insertProposal(p, { proposalId: p.id, from: null, to: 'proposed', actor: 'pipeline', ts: p.createdTs, note: '' });
    const chat = createChatService({
      store,
      approvers: { slack: { users: [], roles: [] }, discord: { users: [], roles: [] }, web: { users: ['alice'], roles: [] } },
      targets: () => [{ name: 'web-1' }],
      clock: { now: () => NOW },
      logger: captureLogger(),
      staleAfterMs: 90_000,
    });
    const say = async (id: string) =>
      (
        await chat.handle({
          kind: 'text',
          platform: 'web',
          user: { platform: 'web', id, roles: [] },
          channel: 'console',
          text: 'what needs my approval?',
          source: 'command',
        })
      ).text;
    const bob = (await say('bob')).split('\n');
    expect(bob[0]).toBe('1 waiting for approval:');
    expect(bob.at(-1)).toMatch(/^You are not an approver here, so none of these is yours to decide/);
    expect((await say('alice')).split('\n').some((l) => l.startsWith('You are not an approver'))).toBe(false);
  });
});
