import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';

const NOW = PROPOSAL.createdTs + 60_000;
const targets = [{ name: 'web-1' }];

describe('a bare yes or no', () => {
  const ctx = (pending: boolean): AnswerContext => {
    const store = createSqliteStore(':memory:');
    if (pending)
      store.insertProposal(PROPOSAL, {
        proposalId: PROPOSAL.id,
        from: null,
        to: 'proposed',
        actor: 'pipeline',
        ts: NOW - 60_000,
        note: '',
      });
    return { store, targets, now: NOW, staleAfterMs: 90_000 };
  };
  const ask = (q: string, pending = true) => answerIntent(parseIntent(q, targets), ctx(pending));

  it('reads "yes", "go ahead", "no" as a bare answer, and leaves a command said after it whole', () => {
    for (const q of ['yes', 'go ahead', 'do it', 'sure', 'yes do it', 'y'])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'small_talk', thanks: false, confirm: true });
    for (const q of ['no', 'nope', 'no thanks'])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'small_talk', thanks: false, confirm: false });
    expect(parseIntent('yes, restart app on web-1', targets)).toMatchObject({ kind: 'action_request', target: 'web-1' });
    expect(parseIntent('ok', targets)).toMatchObject({ ok: true });
  });

  it('does nothing, and names what waits with the words that decide it', () => {
    expect(ask('yes').split('\n')).toEqual([
      'Nothing done: "Yes" alone approves nothing, so that one word never runs an action. Waiting for approval:',
      `• ${PROPOSAL.id}: restart_service on web-1 ("approve ${PROPOSAL.id}")`,
    ]);
    expect(ask('nope').split('\n')[1]).toBe(`• ${PROPOSAL.id}: restart_service on web-1 ("deny ${PROPOSAL.id}")`);
    expect(ask('go ahead', false)).toBe(
      'Nothing done: "Yes" alone approves nothing, and nothing is waiting for approval. Say what to do in full ("restart app on web-1", "silence web-1 for 1h").',
    );
  });
});
