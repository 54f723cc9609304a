import { createOnCall } from '../../src/bot/on-call.js';
import type { AnswerContext } from '../../src/bot/answer-intent.js';
import { onCallSchema } from '../../src/config/on-call-schema.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';

/** 24 h shifts from 09:00 on 2026-12-01, in the members' order, read at `now`. */
export const rotationIn = (
  store: ReturnType<typeof createSqliteStore>,
  members: { name: string; web?: string; slack?: string }[],
  now: number,
) => createOnCall(onCallSchema.parse({ members, shiftHours: 24, handoff: '2026-12-01T09:00:00Z' }), { store, clock: { now: () => now } });

/** An answer context at `now` with alice, bob and carol taking 24 h shifts in turn (web names as their names), asked by `asker`. */
export function onCallContext(targets: AnswerContext['targets'], now: number, asker: string, zone?: string): AnswerContext {
  const store = createSqliteStore(':memory:');
  const onCall = rotationIn(
    store,
    ['alice', 'bob', 'carol'].map((name) => ({ name, web: name })),
    now,
  );
  return { store, targets, now, staleAfterMs: 90_000, onCall, asker, ...(zone ? { zone } : {}) };
}
