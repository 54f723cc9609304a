import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { createOnCall } from '../../../src/bot/on-call.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { onCallSchema } from '../../../src/config/on-call-schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const H = 3_600_000;
// Shifts of 24 h from 09:00 on 12-02, alice, bob, carol: carol holds 12-04, alice 12-05, bob 12-06 (now, 12:00).
const DEC5 = Date.UTC(2026, 11, 5, 9, 0, 0);
const NOW = DEC5 + 27 * H;
const targets = [{ name: 'web-1' }];

function ctx(asker = 'web:alice'): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.setKv('pipeline:watching_since', String(DEC5 - 24 * H));
  const onCall = createOnCall(
    onCallSchema.parse({
      members: [
        { name: 'alice', web: 'alice' },
        { name: 'bob', web: 'bob' },
        { name: 'carol', web: 'carol' },
      ],
      shiftHours: 24,
      handoff: '2026-12-02T09:00:00Z',
    }),
    { store, clock: { now: () => NOW } },
  );
  // Bob covers alice 18:00–23:00 on 12-05.
  store.appendRecord('oncall_cover', DEC5 + 9 * H, {
    rotation: onCall.names[0]!,
    member: 'bob',
    until: DEC5 + 14 * H,
    actor: 'web:bob',
    instead: 'alice',
  });
  // An alert in bob's cover, one at 02:00 in alice's night, one in bob's shift now.
  for (const [id, at] of [
    ['an_1', DEC5 + 11 * H],
    ['an_2', DEC5 + 17 * H],
    ['an_3', DEC5 + 25 * H],
  ] as const)
    store.upsertAnomaly(resolvedAnomaly(id, NOW, { startTs: at, endTs: at + 300_000 }));
  return { store, targets, now: NOW, staleAfterMs: 90_000, onCall, asker };
}
const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c).split('\n');

describe('on-call load', () => {
  it('reads "who has been on call the most?", "on-call hours this month", "is the rotation fair?"', () => {
    expect(parseIntent('who has been on call the most?', targets)).toMatchObject({ kind: 'routing', onCall: true, past: { load: true } });
    expect(parseIntent('on-call hours this month', targets)).toMatchObject({
      past: { load: true, span: { kind: 'range', from: { minute: 0, day: { monthsBack: 0 } } } },
    });
    expect(parseIntent('is the rotation fair?', targets)).toMatchObject({ past: { load: true } });
    expect(parseIntent('who was on call last night?', targets)).not.toMatchObject({ past: { load: true } });
  });

  it('gives each member the time they held the pager since I began watching, covers counted, and the alerts that began then', () => {
    const lines = ask('who has been on call the most?');
    expect(lines[0]).toBe(
      'On-call load over the last 30 d (since 2026-12-04 09:00:00 UTC, when I began watching), from the rotation and the covers and swaps recorded in chat:',
    );
    // carol: 24 h on 12-04; alice 19 h of 12-05 in 2 stretches round bob's 5 h cover; bob 5 h + 3 h now.
    expect(lines[2]).toMatch(/^member +on call +share +stretches +alert episodes +at night$/);
    expect(lines[3]).toMatch(/^carol +24 h +47% +1 +0 +0$/);
    expect(lines[4]).toMatch(/^alice +19 h +37% +2 +1 +1$/);
    expect(lines[5]).toMatch(/^bob +8 h +16% +2 +2 +0$/);
    expect(lines).toContain('Alert episodes a day on call: carol 0.0, alice 1.3, bob 6.0.');
  });
});

describe("the asker's last shift", () => {
  it('gives the last one that ended, and its digest reads that time', () => {
    expect(ask('when was my last shift?')[0]).toBe(
      'Your last shift that ended: 2026-12-05 09:00:00 UTC to 2026-12-06 09:00:00 UTC (24 h, ended 3 h ago; your rotation shift). "What happened during my last shift?" gives its digest.',
    );
    // Bob is on call now: said first; his last that ended is his cover.
    expect(ask('when was my last shift?', ctx('web:bob'))[0]).toBe(
      'You are on call now, since 2026-12-06 09:00:00 UTC. Your last shift that ended: 2026-12-05 18:00:00 UTC to 2026-12-05 23:00:00 UTC (5 h, ended 13 h ago; a cover set in chat by web:bob, for alice). "What happened during my last shift?" gives its digest.',
    );
    const digest = ask('what happened during my last shift?');
    expect(digest[0]).toMatch(/^2 anomalies in your last shift \(2026-12-05 09:00:00 UTC to 2026-12-06 09:00:00 UTC\), 0 open\.$/);
    // Watched only from 05:00 on 12-06: said, in the shift's line and in its digest.
    const late = ctx();
    late.store.setKv('pipeline:watching_since', String(DEC5 + 20 * H));
    expect(ask('when was my last shift?', late)[0]).toContain(
      '(24 h, ended 3 h ago; your rotation shift). I began watching at 2026-12-06 05:00:00 UTC, part way through it.',
    );
    expect(ask('what happened during my last shift?', late)[0]).toContain(
      'in your last shift (2026-12-05 09:00:00 UTC to 2026-12-06 09:00:00 UTC; I began watching at 2026-12-06 05:00:00 UTC, part way through it)',
    );
    expect(ask('when was my last shift?', ctx('web:carol'))[0]).toMatch(
      /^Your last shift that ended: 2026-12-04 09:00:00 UTC to 2026-12-05 09:00:00 UTC /,
    );
    expect(ask('when was my last shift?', ctx('web:dave'))[0]).toBe('You are in no on-call rotation (chat.onCall), so you have no shifts.');
  });
});

describe('a member\'s last shift, "how many hours was I on call?" and rates from short stretches', () => {
  it("gives bob's last shift by name, and says who the members are for a name not in the rotation", () => {
    expect(parseIntent('when was bob last on call?', targets)).toMatchObject({ kind: 'routing', onCall: true, past: { member: 'bob' } });
    expect(ask('when was bob last on call?')[0]).toBe(
      "bob is on call now, since 2026-12-06 09:00:00 UTC. bob's last shift that ended: 2026-12-05 18:00:00 UTC to 2026-12-05 23:00:00 UTC (5 h, ended 13 h ago; a cover set in chat by web:bob, for alice).",
    );
    expect(ask("Carol's last shift")[0]).toMatch(
      /^carol's last shift that ended: 2026-12-04 09:00:00 UTC to 2026-12-05 09:00:00 UTC \(24 h, /,
    );
    expect(ask('when was dave last on call?')[0]).toBe(
      '"dave" is in no on-call rotation (chat.onCall); the members are alice, bob, carol.',
    );
  });

  it("leads with the asker's own row when they ask about themselves", () => {
    const lines = ask('how many hours was I on call this month?');
    expect(lines).toContain('You (alice) were on call 19 h in 2 stretches; 1 alert episode began then, 1 at night.');
    expect(ask('how many hours was I on call this month?', ctx('web:dave'))).toContain(
      'You are in no on-call rotation (chat.onCall), so you held no on-call time.',
    );
  });

  it('gives no alerts-a-day rate from a stretch under 6 h', () => {
    const c = ctx();
    // Watched only from 12-06 07:00: alice 2 h, bob 3 h; one alert in alice's 2 h.
    c.store.setKv('pipeline:watching_since', String(DEC5 + 22 * H));
    c.store.upsertAnomaly(resolvedAnomaly('an_4', NOW, { startTs: DEC5 + 23 * H, endTs: DEC5 + 23 * H + 300_000 }));
    expect(ask('who has been on call the most?', c).some((l) => l.startsWith('Alert episodes a day on call'))).toBe(false);
  });
});
