import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { recordChange } from '../../../src/bot/change-log.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const targets = [
  { name: 'api-1', role: 'api' },
  { name: 'api-2', role: 'api' },
  { name: 'db-1', role: 'db' },
  { name: 'web-1', role: 'web' },
];
const alice = { platform: 'slack' as const, id: 'U1', name: 'alice', roles: [] };

/**
 * Two hours of samples every 30 s. api-1's latency steps from about 100 ms to about 150 ms at the
 * change 20 min ago; its CPU wobbles between 30% and 34% throughout; the other hosts never move.
 */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  const change = NOW - 20 * MIN;
  for (let ts = NOW - 120 * MIN; ts <= NOW; ts += 30_000) {
    const k = (ts / 30_000) % 4;
    samples.push({ target: 'api-1', metric: 'latency_ms', ts, value: (ts >= change ? 150 : 100) + k * 2 });
    samples.push({ target: 'api-1', metric: 'cpu', ts, value: 30 + k });
    for (const t of ['api-2', 'db-1', 'web-1']) samples.push({ target: t, metric: 'cpu', ts, value: 40 + k });
  }
  store.saveSamples(samples);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
function say(c: AnswerContext, text: string, minAgo: number): void {
  const i = parseIntent(text, targets);
  if (i.kind !== 'change') throw new Error(`not a change: ${JSON.stringify(i)}`);
  recordChange(i, alice, NOW - minAgo * MIN, (kind, ts, data) => void c.store.appendRecord(kind, ts, data));
}
const ask = (c: AnswerContext, q: string) => answerIntent(parseIntent(q, c.targets), c).split('\n');

describe('"did latency change after the deploy?"', () => {
  it('sets each metric before the latest change against the time since, and marks what left its range', () => {
    const c = ctx();
    say(c, 'deployed v2.4 to api-1', 20);
    const r = ask(c, 'compare api-1 before and after the deploy');
    expect(r[0]).toMatch(/^The latest deploy, ch_\w+ 2026-12-05 11:40:00 UTC api-1: "deployed v2\.4 to api-1" \(slack:U1\), 20 min ago\.$/);
    // Latency stepped up 50 ms; CPU wobbled the same either side, so only latency is named.
    expect(r[1]).toBe('Moved beyond their range before: latency +48% (103 ms → 153 ms).');
    expect(r.find((l) => l.startsWith('api-1   latency'))).toMatch(/103 ms +153 ms +\+48% +156 ms +100 ms–106 ms +▲ above$/);
    expect(r.find((l) => l.startsWith('api-1   CPU'))).toMatch(/31\.5% +31\.5% +±0\.0 pts +33\.0% +30\.0%–33\.0% *$/);
    expect(r).toContain(
      'Compared: the 30 min before it against the 20 min since (averages of the stored samples; the range before is its 5th to 95th percentile). A shift beside a change does not prove the change caused it: load and the time of day move figures too.',
    );
    expect(r.at(-1)).toBe('No anomalies on api-1 since it.');
    // The metric asked narrows the rows; one that did not move says so.
    const cpu = ask(c, 'did cpu go up after the deploy?');
    expect(cpu[1]).toBe('Nothing moved beyond its range before, comparing the 30 min before it against the 20 min since.');
    expect(cpu.filter((l) => l.startsWith('api-1 '))).toHaveLength(1);
  });

  it('reads "the deploy" as the latest deploy, past a later change of another kind, and "the api deploy" as one', () => {
    const c = ctx();
    say(c, 'deployed v2.4 to api-1', 20);
    say(c, 'restarted nginx on api-1', 5);
    expect(ask(c, 'compare api-1 before and after the deploy')[0]).toMatch(/^The latest deploy, .*"deployed v2\.4 to api-1"/);
    expect(ask(c, 'compare api-1 before and after the last change')[0]).toMatch(/^The latest change, .*"restarted nginx on api-1"/);
    expect(parseIntent('did latency get worse after the api-1 deploy?', c.targets)).toEqual({
      kind: 'change_impact',
      target: 'api-1',
      metric: 'latency',
      deploy: true,
    });
  });

  it('lists only what moved on a fleet-wide change, and names a change in the time before', () => {
    const c = ctx();
    say(c, 'change: rotated the TLS certificates', 45);
    say(c, 'change: agent v5 rolled out', 20);
    const r = ask(c, 'impact of the last change');
    expect(r[1]).toBe('Moved beyond their range before: api-1 latency +48% (103 ms → 153 ms).');
    expect(r.filter((l) => /^(api|db|web)-\d /.test(l))).toHaveLength(1);
    expect(r).toContain('4 other series stayed within their range.');
    expect(r.find((l) => l.includes('other change'))).toMatch(/^1 other change fell in the time before: ch_\w+\.$/);
    // One asked by its id is that one, not the latest.
    const older = /(ch_\w+)\.$/.exec(r.find((l) => l.includes('other change'))!)![1]!;
    expect(ask(c, `impact of ${older}`)[0]).toMatch(
      new RegExp(`^The change, ${older} 2026-12-05 11:15:00 UTC fleet-wide: "rotated the TLS certificates" \\(slack:U1\\), 45 min ago\\.$`),
    );
    expect(ask(c, 'before and after ch_nope123')[0]).toBe('No change "ch_nope123" in the last 30 days; "recent changes" lists them.');
  });

  it('says when it is too soon to compare, or when no change is recorded', () => {
    const c = ctx();
    expect(ask(c, 'did latency change after the deploy?')[0]).toMatch(/^No change is recorded in the last 30 days/);
    say(c, 'deployed v2.5 to api-2', 2);
    expect(ask(c, 'did the release make latency on api-2 worse?').slice(1)).toEqual([
      'Too soon to compare: 5 min of samples after it are needed; ask again after 12:03:00 UTC.',
      'No anomalies on api-2 since it.',
    ]);
    expect(ask(c, 'compare api-9 before and after the deploy')[0]).toMatch(/^I don't know a target called "?api-9/);
  });
});
