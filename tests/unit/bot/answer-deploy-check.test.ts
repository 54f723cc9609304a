import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly, resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const M = 60_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.setTargetState('web-1', 'up');
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, targets), c).split('\n');

describe('"is it safe to deploy now?"', () => {
  it('reads a deploy or maintenance check, of the hosts named, and leaves "how do we deploy?" and requests alone', () => {
    expect(parseIntent('is it safe to deploy now?', targets)).toEqual({ kind: 'deploy_check' });
    expect(parseIntent('can we deploy?', targets)).toEqual({ kind: 'deploy_check' });
    expect(parseIntent('go/no-go for the release', targets)).toEqual({ kind: 'deploy_check' });
    expect(parseIntent('can I do maintenance on db-1?', targets)).toEqual({ kind: 'deploy_check', target: 'db-1' });
    expect(parseIntent('how do we deploy?', targets).kind).not.toBe('deploy_check');
    expect(parseIntent('can you restart web-1?', targets).kind).toBe('action_request');
    expect(parseIntent('deployed v2.3 to web-1', targets).kind).toBe('change');
  });

  it('says quiet when nothing speaks against it, with the last change and a word on recording the next', () => {
    const lines = ask('is it safe to deploy now?', ctx());
    expect(lines[0]).toBe('Quiet (2026-12-06 12:00:00 UTC). The call is yours; this is what I can see:');
    expect(lines[1]).toMatch(/^• No anomaly open or about to open, nothing ended in the last 15 min/);
    expect(lines).toContain('• Last change recorded: none in the last 30 days.');
    expect(lines.at(-1)).toMatch(/^Say what you change as it goes out \("deployed v2\.4 to api-1"\)/);
  });

  it('puts critical anomalies against it and warnings, partly met rules and fresh recoveries as caution', () => {
    const c = ctx();
    c.store.upsertAnomaly({ ...cpuAnomaly('an_crit', 'db-1', 'disk'), severity: 'critical', startTs: NOW - 6 * M });
    c.store.upsertAnomaly({ ...cpuAnomaly('an_warn', 'web-1'), startTs: NOW - 2 * M });
    c.store.upsertAnomaly(
      resolvedAnomaly('an_done', NOW, { target: 'web-1', metric: 'memory', startTs: NOW - 20 * M, endTs: NOW - 4 * M }),
    );
    // Its robust twin, ended a minute before: one recovery, the latest end.
    c.store.upsertAnomaly(
      resolvedAnomaly('an_done2', NOW, {
        target: 'web-1',
        metric: 'memory',
        detector: 'robust',
        startTs: NOW - 20 * M,
        endTs: NOW - 5 * M,
      }),
    );
    c.store.appendRecord('change', NOW - 3 * 3_600_000, {
      id: 'ch_abc',
      text: 'deployed v2.3 to web-1',
      targets: ['web-1'],
      actor: 'web:alice',
    });
    c.detectors = {
      inspect: () => ({}),
      building: () => [{ target: 'web-1', metric: 'memory', view: { above: 90, forSamples: 3, severity: 'warning', streak: 2 } }],
    } as unknown as AnswerContext['detectors'];
    const lines = ask('is it safe to deploy now?', c);
    expect(lines[0]).toMatch(/^Not a quiet moment \(/);
    expect(lines).toContain('• Against: 1 critical anomaly open: db-1 disk (since 2026-12-06 11:54:00 UTC, 6 min).');
    expect(lines).toContain('• Caution: 1 warning open: web-1 CPU (since 2026-12-06 11:58:00 UTC, 2 min).');
    expect(lines).toContain('• Caution: About to open if it lasts (threshold rules partly met): web-1 memory (2 of 3 samples).');
    expect(lines).toContain('• Caution: Just settled (ended in the last 15 min): web-1 memory 4 min ago.');
    expect(lines.find((l) => l.startsWith('• Last change'))).toMatch(/ch_abc .*"deployed v2\.3 to web-1" \(web:alice\), 3 h ago\.$/);
    c.store.setTargetState('db-1', 'silent');
    expect(ask('is it safe to deploy now?', c)).toContain('• Against: Not reporting: db-1.');
    // Of web-1 only, db-1's critical disk and silence are not in it.
    expect(ask('can I do maintenance on web-1?', c)[0]).toMatch(/^Mostly quiet, with caveats on web-1 \(/);
  });
});
