import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';

const NOW = PROPOSAL.createdTs + 11 * 60_000;
const targets = [{ name: 'web-1' }];

function ctx(asker?: string): AnswerContext {
  const store = createSqliteStore(':memory:');
  const ev = (id: string) => ({ proposalId: id, from: null, to: 'proposed' as const, actor: 'web:alice', ts: NOW - 60_000, note: '' });
  store.insertProposal({ ...PROPOSAL, id: 'rp_mine', requestedBy: 'web:alice' }, ev('rp_mine'));
  store.insertProposal({ ...PROPOSAL, id: 'rp_bobs', requestedBy: 'web:bob' }, ev('rp_bobs'));
  store.chat.addSilence({
    id: 'sl_mine',
    target: 'web-1',
    metric: 'cpu',
    untilTs: NOW + 3_600_000,
    createdBy: 'web:alice',
    createdTs: NOW - 60_000,
  });
  store.chat.addSilence({
    id: 'sl_bobs',
    target: 'web-1',
    metric: '*',
    untilTs: NOW + 3_600_000,
    createdBy: 'web:bob',
    createdTs: NOW - 60_000,
  });
  return { store, targets, now: NOW, staleAfterMs: 90_000, ...(asker ? { asker } : {}) };
}

describe('"cancel that"', () => {
  it('is read when nothing is named, and a named thing is still that command', () => {
    for (const q of ['cancel that', 'never mind', 'forget it', 'ok cancel that', 'cancel'])
      expect(parseIntent(q, targets)).toEqual({ kind: 'cancel_which' });
    expect(parseIntent('cancel rp_abc123', targets)).toMatchObject({ kind: 'deny', id: 'rp_abc123' });
    expect(parseIntent('cancel my request', targets)).toMatchObject({ kind: 'deny', mine: true });
  });

  it("lists only the asker's own requests and silences with the command for each, and cancels nothing", () => {
    const c = ctx('web:alice');
    const lines = answerIntent(parseIntent('cancel that', targets), c).split('\n');
    expect(lines[0]).toBe('Cancel which? I cancel nothing on a guess. Yours now:');
    expect(lines[1]).toMatch(/^• rp_mine restart_service on web-1 .*waiting for approval: "cancel rp_mine"$/);
    expect(lines[2]).toMatch(/^• silence sl_mine on web-1 CPU, until .*: "unsnooze sl_mine"$/);
    expect(lines.join('\n')).not.toMatch(/rp_bobs|sl_bobs/);
    expect(c.store.listProposals({ states: ['proposed'], limit: 10 })).toHaveLength(2);
    expect(c.store.chat.silences(NOW)).toHaveLength(2);
  });

  it('says there is nothing of theirs, and asks for a name when it cannot tell who asks', () => {
    expect(answerIntent(parseIntent('never mind', targets), ctx('web:carol'))).toMatch(/^Nothing of yours to cancel:/);
    expect(answerIntent(parseIntent('never mind', targets), ctx())).toMatch(/^Cancel what\? Name it:/);
  });
});
