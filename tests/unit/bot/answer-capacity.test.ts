import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const STEP = 5 * 60_000;
const N = 288;
const targets = ['web-1', 'db-1', 'idle-1', 'mem-1'].map((name) => ({ name, role: name.split('-')[0]! }));

/**
 * A day every 5 min. web-1: CPU 30 % with 2 % of samples at 99 % (a spike, not a need); db-1: CPU 85 %
 * and a disk rising 1 point an hour from 60 %; idle-1: CPU 5 %, memory 20 %; mem-1: no CPU at all.
 */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  const put = (target: string, metric: string, f: (k: number) => number) => {
    for (let k = 0; k < N; k++) samples.push({ target, metric, ts: NOW - (N - k) * STEP, value: f(k) });
  };
  put('web-1', 'cpu', (k) => (k % 50 === 0 ? 99 : 30));
  put('web-1', 'memory', () => 50);
  put('web-1', 'disk', () => 40);
  put('db-1', 'cpu', () => 85);
  put('db-1', 'memory', () => 60);
  put('db-1', 'disk', (k) => 60 + (k * STEP) / 3_600_000);
  put('idle-1', 'cpu', () => 5);
  put('idle-1', 'memory', () => 20);
  put('idle-1', 'disk', () => 30);
  put('mem-1', 'memory', () => 50);
  store.saveSamples(samples);
  return {
    store,
    targets,
    now: NOW,
    staleAfterMs: 90_000,
    thresholds: [{ metric: 'disk', above: 90, forSamples: 3, severity: 'critical' }],
  };
}

const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c);

describe('capacity', () => {
  it('judges each host by its 95th percentile and its disk trend, busy first', () => {
    const all = ask('what is the capacity outlook?', ctx()).split('\n');
    // The verdict over the fleet leads (decision 0072).
    expect(all[0]).toBe('3 of 4 hosts have room; short or filling: db-1 (busy: CPU p95 85.0%; disk at 90% in about 6 h 5 min).');
    const lines = all.slice(1);
    expect(lines[0]).toMatch(/^Capacity over the last 7 d \(samples from .*: older ones are not kept\), by each host's 95th percentile/);
    const rows = lines.slice(3, 7).map((l) => l.split(/\s{2,}/));
    expect(rows.map((r) => [r[0], r[1], r.at(-1)])).toEqual([
      ['db-1', '85.0%', 'busy: CPU p95 85.0%; disk at 90% in about 6 h 5 min'],
      ['idle-1', '5.0%', 'idle'],
      ['mem-1', '-', 'room'],
      // The hourly spikes to 99 % are under 5 % of its samples.
      ['web-1', '30.0%', 'room'],
    ]);
    expect(lines.slice(8, 11)).toEqual([
      'Short of room (CPU p95 ≥ 80% or memory p95 ≥ 85%): db-1.',
      'Disk reaching 90% within 30 d at its trend: db-1.',
      'Idle (CPU p95 < 20% and memory p95 < 40%), candidates to downsize or consolidate: idle-1.',
    ]);
  });

  it('keeps to the hosts asked about, and says when there is nothing to read', () => {
    const c = ctx();
    const one = ask('capacity of idle-1', c).split('\n');
    expect(one.filter((l) => /^(?:db|idle|mem|web)-1 /.test(l))).toHaveLength(1);
    expect(ask('capacity over the last hour', { ...c, now: NOW + 30 * 86_400_000 })).toBe(
      'No CPU, memory or disk samples over the last 60 min, so I cannot say how much room there is.',
    );
    expect(parseIntent('are we over-provisioned?', c.targets)).toEqual({ kind: 'capacity' });
    expect(parseIntent('do we need more servers?', c.targets)).toEqual({ kind: 'capacity' });
  });
});

describe('capacity in a weekly digest', () => {
  it('names who is short of room, filling or idle, and a day digest does not', () => {
    const c = ctx();
    c.store.upsertAnomaly({ ...cpuAnomaly('an_w1', 'db-1'), startTs: NOW - 3_600_000, updatedTs: NOW - 3_600_000 });
    expect(ask('weekly report', c).split('\n')).toContain(
      'Capacity (95th percentiles): short of room: db-1; disk filling within 30 d: db-1; idle: idle-1 ("capacity outlook" has the table).',
    );
    expect(ask('summarise today', c)).not.toMatch(/Capacity/);
  });
});

describe('capacity under more load', () => {
  it('reads how much more load is supposed, and who would run short if CPU grew with it', () => {
    const parse = (q: string) => parseIntent(q, targets);
    expect(parse('if traffic doubles will we be ok?')).toEqual({ kind: 'capacity', load: 2 });
    expect(parse('what if load grows by 30%?')).toEqual({ kind: 'capacity', load: 1.3 });
    expect(parse('can the web tier handle 3x the traffic?')).toMatchObject({ kind: 'capacity', load: 3, target: 'web-1' });
    // A sale's name is no weekday.
    expect(parse('are we ready for black friday?')).toEqual({ kind: 'capacity' });
    expect(parse('cpu doubled on web-1')).toMatchObject({ kind: 'metrics' });
    const lines = ask('if traffic doubles will we be ok?', ctx()).split('\n');
    // web-1's p95 is 30% (its 99% spikes are under 5% of samples): 60% at twice the load; db-1's 85% is over 100%.
    expect(lines[0]).toBe(
      "At 2× today's load, if CPU grows in step with it (a straight-line guess; memory and disk held as they are): out of CPU (p95 at 100% or more): db-1; short of room (p95 ≥ 80%): none.",
    );
    expect(lines[3]).toMatch(/^target\s+CPU p95\s+CPU p95 at 2×\s+memory p95/);
    const web = lines.find((l) => l.startsWith('web-1'))!.split(/\s{2,}/);
    expect(web.slice(0, 3)).toEqual(['web-1', '30.0%', '60.0%']);
    expect(lines.find((l) => l.startsWith('db-1'))!.split(/\s{2,}/)[2]).toBe('over 100%');
  });
});
