import { describe, expect, it } from 'vitest';
import { describeProposal } from '../../../src/bot/format-reply.js';
import type { Proposal } from '../../../src/core/remediation.js';

const T = Date.UTC(2026, 11, 5, 12, 0, 0);
const p = (over: Partial<Proposal>): Proposal => ({
  id: 'rp_1',
  anomalyId: 'an_1',
  anomalyKey: 'k',
  target: 'web-1',
  action: 'scale_up',
  params: {},
  mode: 'approval',
  executor: 'simulate',
  state: 'proposed',
  reason: 'r',
  createdTs: T,
  updatedTs: T,
  expiresTs: T,
  requestedBy: 'web:operator',
  decidedBy: null,
  decidedTs: null,
  result: null,
  ...over,
});

describe('describeProposal', () => {
  it('says who approved a proposal that ran, and who took back one that was withdrawn, never "approved" for that', () => {
    expect(describeProposal(p({ state: 'succeeded', decidedBy: 'slack:alice', decidedTs: T }))).toBe(
      'rp_1 scale_up on web-1 (approval, simulate): succeeded, approved by slack:alice at 2026-12-05 12:00:00 UTC',
    );
    expect(describeProposal(p({ state: 'withdrawn', decidedBy: 'web:operator', decidedTs: T }))).toBe(
      'rp_1 scale_up on web-1 (approval, simulate): withdrawn by web:operator at 2026-12-05 12:00:00 UTC',
    );
    expect(describeProposal(p({ state: 'denied', decidedBy: 'slack:bob', decidedTs: T }))).toBe(
      'rp_1 scale_up on web-1 (approval, simulate): denied by slack:bob at 2026-12-05 12:00:00 UTC',
    );
    expect(describeProposal(p({ state: 'withdrawn' }))).toBe('rp_1 scale_up on web-1 (approval, simulate): withdrawn');
  });
});
