import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { spanBounds } from '../../../src/bot/answer-metric-span.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { TimeSpan } from '../../../src/bot/parse-time-span.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { configSchema } from '../../../src/config/schema.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'web-2', role: 'web' },
  { name: 'db-1', role: 'db' },
];
const spanOf = (q: string) => (parseIntent(q, targets) as { span?: TimeSpan }).span!;
const window = (q: string, now: number) => spanBounds(spanOf(q), { now, staleAfterMs: 90_000 }).label;

describe('the weekend and a fortnight as windows', () => {
  it('reads "over the weekend" as the latest Saturday and Sunday, and "last weekend" as the one before when one is under way', () => {
    const sunday = Date.UTC(2026, 11, 6, 11);
    const wednesday = Date.UTC(2026, 11, 9, 11);
    expect(window('memory on db-1 over the weekend', sunday)).toBe('since 2026-12-05 00:00:00 UTC');
    expect(window('cpu last weekend', sunday)).toBe('between 2026-11-28 00:00:00 UTC and 2026-11-30 00:00:00 UTC');
    expect(window('cpu over the weekend', wednesday)).toBe('between 2026-12-05 00:00:00 UTC and 2026-12-07 00:00:00 UTC');
    expect(window('cpu last weekend', wednesday)).toBe('between 2026-12-05 00:00:00 UTC and 2026-12-07 00:00:00 UTC');
  });

  it('leaves a weekend ahead to what asks about it', () => {
    expect(spanOf('by the weekend will db-1 be full?')).toEqual({ kind: 'last', ms: 7 * 86_400_000 });
    expect(parseIntent('silence web-1 for the weekend', targets)).toMatchObject({ kind: 'silence', from: { day: { weekday: 6 } } });
  });

  it('reads a fortnight as 14 days', () => {
    expect(spanOf('network in on web-1 over the past fortnight')).toEqual({ kind: 'last', ms: 14 * 86_400_000 });
    expect(spanOf('alerts in the last fortnight')).toEqual({ kind: 'last', ms: 14 * 86_400_000 });
  });
});

describe('end-of-shift and incident questions', () => {
  it.each([
    ['is it safe to go home?', 'attention'],
    ['can I log off?', 'attention'],
    ['is this an outage?', 'attention'],
    ['is there an outage?', 'attention'],
    ['is it quiet enough to deploy?', 'deploy_check'],
    ['how much headroom do we have?', 'capacity'],
    ['do we need more web servers?', 'capacity'],
    ['can the db handle more load?', 'capacity'],
  ])('%s → %s', (q, kind) => {
    expect(parseIntent(q, targets).kind).toBe(kind);
  });

  it('keeps "headroom on db-1" its free space, and the capacity of a group its hosts', () => {
    expect(parseIntent('headroom on db-1', targets)).toEqual({ kind: 'metrics', target: 'db-1', free: true });
    expect(parseIntent('do we need more web servers?', targets)).toEqual({ kind: 'capacity', group: ['web-1', 'web-2'] });
  });

  it('says user impact is not measured here, and that latency is the nearest', () => {
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now: Date.UTC(2026, 11, 6, 11), staleAfterMs: 90_000 };
    c.store.saveSamples([{ target: 'web-1', metric: 'latency_ms', ts: c.now - 10_000, value: 80 }]);
    for (const q of ['are users affected?', "what's the customer impact?", 'are customers noticing anything?'])
      expect(parseIntent(q, targets), q).toMatchObject({ kind: 'uncollected', what: 'user impact' });
    expect(answerIntent(parseIntent('are users affected?', targets), c).split('\n')).toEqual([
      "I don't collect user impact: no source here reads it, so I have no figure to give.",
      'Latency is the nearest figure I have to what users feel: ask "latency", or "anything wrong?" for what is open now.',
      'What I have: latency.',
    ]);
  });
});

describe('incidents, approvals, alert lengths and watches, asked plainly', () => {
  it.each([
    ["who's the incident commander?", { kind: 'incident', action: 'show' }],
    ['how long did the incident last?', { kind: 'incident', action: 'show' }],
    ['how long has the incident been open?', { kind: 'incident', action: 'show' }],
    ['how long do alerts last?', { kind: 'anomalies', count: true, timeTo: 'resolve' }],
    ['how long does an alert usually last?', { kind: 'anomalies', count: true, timeTo: 'resolve' }],
    ['how long do incidents last?', { kind: 'anomalies', episodes: true, timeTo: 'resolve' }],
    ['why do you need approval for that?', { kind: 'policy' }],
    ['why does the restart need approval?', { kind: 'policy' }],
  ])('%s', (q, intent) => {
    expect(parseIntent(q, targets)).toMatchObject(intent);
  });

  it('keeps a list of what waits, and a routing question, what they were', () => {
    expect(parseIntent('what needs approval?', targets)).toEqual({ kind: 'pending' });
    expect(parseIntent('who gets paged for db-1?', targets)).toMatchObject({ kind: 'routing', target: 'db-1' });
  });

  it("asks what a watch waits for, in the metric's unit, and offers the subscription", () => {
    const reason = (q: string) => (parseIntent(q, targets) as { reason?: string }).reason;
    expect(reason('watch db-1 memory')).toBe(
      'a watch waits for something: say what ("tell me when db-1 memory goes above 85%", "tell me when db-1 recovers"), or "subscribe to db-1 memory" to be pinged on each of its alerts',
    );
    expect(reason('keep an eye on web-1')).toMatch(/"tell me when web-1 cpu goes above 80%".*"subscribe to web-1"/);
    expect(parseIntent('watch web-1 cpu and tell me if it goes above 80', targets)).toMatchObject({ kind: 'watch', target: 'web-1' });
  });
});

describe('"average cpu today" across the fleet', () => {
  const now = Date.UTC(2026, 11, 6, 11);
  function fleet(): AnswerContext {
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now, staleAfterMs: 90_000 };
    const at = (k: number) => now - k * 600_000;
    c.store.saveSamples([
      ...[10, 20, 30].map((v, k) => ({ target: 'web-1', metric: 'cpu', ts: at(k + 1), value: v })),
      ...[50, 70].map((v, k) => ({ target: 'web-2', metric: 'cpu', ts: at(k + 1), value: v })),
      { target: 'db-1', metric: 'cpu', ts: at(1), value: 90 },
    ]);
    return c;
  }

  it("leads with the targets' averages averaged, each counted once, and their ends", () => {
    const lines = answerIntent(parseIntent('average cpu today', targets), fleet()).split('\n');
    expect(lines[0]).toBe(
      "Average CPU today (UTC) across 3 targets: 56.7% (each target's average, counted once); highest db-1 90.0%, lowest web-1 20.0%.",
    );
    expect(lines.slice(2, 6).map((l) => l.split(/\s{2,}/)[0])).toEqual(['target', 'db-1', 'web-2', 'web-1']);
  });

  it("gives a percentile of all their readings together, then each target's", () => {
    // Readings 10, 20, 30, 50, 70, 90: the median by nearest rank is the 3rd, 30%.
    const lines = answerIntent(parseIntent('median cpu today', targets), fleet()).split('\n');
    expect(lines[0]).toBe(
      'p50 CPU today (UTC) across 3 targets: 30.0% (all their readings together); highest db-1 90.0%, lowest web-1 20.0%.',
    );
    expect(parseIntent('which host has the highest p95 cpu today?', targets)).toMatchObject({ stat: 'p95', ranked: true });
  });

  it('ranks them when asked which host, or for the top ones', () => {
    expect(answerIntent(parseIntent('which host has the highest average cpu today?', targets), fleet()).split('\n')[0]).toBe(
      'Highest average CPU today (UTC): db-1 90.0%.',
    );
    expect(parseIntent('average cpu per host today', targets)).toMatchObject({ stat: 'avg', ranked: true });
  });
});

describe('host chores, said as people say them', () => {
  it.each([
    ['delete old logs on web-2', { kind: 'action_request', action: 'cleanup_disk', target: 'web-2' }],
    ['purge the tmp files on db-1', { kind: 'action_request', action: 'cleanup_disk', target: 'db-1' }],
    ['take web-1 out of rotation', { kind: 'action_request', verb: 'drain', target: 'web-1' }],
    ['take web-1 out of the load balancer', { kind: 'action_request', verb: 'drain', target: 'web-1' }],
    ['put web-1 back in rotation', { kind: 'action_request', verb: 'restore', target: 'web-1' }],
    ['cordon web-1', { kind: 'action_request', verb: 'cordon', target: 'web-1' }],
    ['is web-1 in the load balancer?', { kind: 'uncollected', what: 'load balancer membership', target: 'web-1' }],
    ['which hosts are in rotation?', { kind: 'uncollected', what: 'load balancer membership' }],
    ['the api is throwing 500s', { kind: 'uncollected', what: 'error rate' }],
    ['what os is web-1 running?', { kind: 'uncollected', what: 'host specifications (cores, instance type, installed memory, OS)' }],
    ['kernel version on web-1', { kind: 'uncollected', what: 'host specifications (cores, instance type, installed memory, OS)' }],
    ['when was web-1 last patched?', { kind: 'uncollected', what: 'the running version', target: 'web-1' }],
    ['what would cleaning up the disk on db-1 do?', { kind: 'action_request', action: 'cleanup_disk', target: 'db-1', question: true }],
  ])('%s', (q, intent) => {
    expect(parseIntent(q, targets)).toMatchObject(intent);
  });

  it('keeps a silence removed, a person in the rotation, and a time in seconds what they were', () => {
    expect(parseIntent('remove the silence on web-1', targets)).toMatchObject({ kind: 'unsilence', target: 'web-1' });
    expect(parseIntent("who's in the rotation?", targets)).toEqual({ kind: 'routing', onCall: true });
    expect(parseIntent('cpu over the last 500s', targets)).toMatchObject({ kind: 'metrics', span: { kind: 'last', ms: 500_000 } });
  });

  it('says what an action does from its rules when no target is named', () => {
    const cfg = configSchema.parse({
      remediation: {
        rules: [
          {
            name: 'clean up a filling disk',
            when: { metrics: ['disk'], detectors: ['threshold'] },
            action: 'cleanup_disk',
            params: { paths: ['/var/log', '/tmp'], olderThanDays: 7 },
            mode: 'dry_run',
          },
        ],
      },
    });
    const c: AnswerContext = {
      store: createSqliteStore(':memory:'),
      targets,
      now: Date.UTC(2026, 11, 6, 11),
      staleAfterMs: 90_000,
      remediationRules: cfg.remediation.rules,
    };
    const lines = answerIntent(parseIntent('what does the cleanup do?', targets), c).split('\n');
    expect(lines[0]).toMatch(/^Remediation rules for cleanup_disk /);
    expect(lines[1]).toMatch(/^• .*: cleanup_disk \(paths=\[/);
    expect(lines.at(-1)).toBe('On one target ("what would cleaning up the disk on db-1 do?"), what asking would do there.');
  });
});

describe('traffic said by its bytes, and one metric following another', () => {
  it.each([
    ['bytes sent by web-1 today', { kind: 'metrics', metric: 'net_out', target: 'web-1', total: true }],
    ['bytes received by db-1', { kind: 'metrics', metric: 'net_in', target: 'db-1', total: true, span: { kind: 'day', daysBack: 0 } }],
    ['does memory follow cpu on web-1?', { kind: 'correlate', metrics: ['memory', 'cpu'], target: 'web-1' }],
    ['diff since this morning', { kind: 'anomalies', digest: true }],
  ])('%s', (q, intent) => {
    expect(parseIntent(q, targets)).toMatchObject(intent);
  });
});

describe('news said as people announce it', () => {
  it.each([
    ['fyi web-1 is being rebooted', { kind: 'change', text: 'web-1 is being rebooted', targets: ['web-1'] }],
    ['heads up: deploying web v2.5 now', { kind: 'change', text: 'deploying web v2.5 now', targets: ['web-1', 'web-2'] }],
    ["we're doing maintenance on db-1 for 2 hours", { kind: 'silence', target: 'db-1', durationMs: 7_200_000 }],
    ['db-1 maintenance starting now', { kind: 'silence', target: 'db-1', durationMs: 3_600_000 }],
    ['maintenance done on db-1', { kind: 'unsilence', target: 'db-1', maintenance: 'now' }],
    ['db-1 maintenance is over', { kind: 'unsilence', target: 'db-1', maintenance: 'now' }],
  ])('%s', (q, intent) => {
    expect(parseIntent(q, targets)).toEqual(intent);
  });

  it('leaves a question with a courtesy word, or about a reboot, a question', () => {
    expect(parseIntent("fyi what's cpu on web-1?", targets)).toEqual({ kind: 'metrics', metric: 'cpu', target: 'web-1' });
    expect(parseIntent('is web-1 being rebooted?', targets).kind).not.toBe('change');
    expect(parseIntent('is the maintenance done?', targets).kind).not.toBe('unsilence');
  });
});

describe('hosts ranked by health, and hosts by a metric', () => {
  it.each([
    ['give each host a grade', { kind: 'anomalies', count: true, rank: 'target' }],
    ['health score for each host', { kind: 'anomalies', count: true, rank: 'target' }],
    ['which host is healthiest?', { kind: 'anomalies', count: true, none: true }],
    ['which web host is healthier?', { kind: 'anomalies', group: ['web-1', 'web-2'], rank: 'target' }],
    ['hosts by latency', { kind: 'metrics', metric: 'latency', stat: 'max' }],
    ['hosts by disk ascending', { kind: 'metrics', metric: 'disk', stat: 'min' }],
  ])('%s', (q, intent) => {
    expect(parseIntent(q, targets)).toMatchObject(intent);
  });

  it('names the fewest when every host asked about had anomalies', () => {
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now: Date.UTC(2026, 11, 6, 11), staleAfterMs: 90_000 };
    const at = (id: string, target: string, hAgo: number) =>
      c.store.upsertAnomaly(resolvedAnomaly(id, c.now - hAgo * 3_600_000 + 60_000, { target, startTs: c.now - hAgo * 3_600_000 }));
    at('an_a', 'web-1', 3);
    at('an_b', 'web-1', 2);
    at('an_c', 'web-2', 1);
    expect(answerIntent(parseIntent('which web host is healthiest?', targets), c)).toBe(
      'Every target had anomalies in the last 24 h: web-1 2, web-2 1. The fewest: web-2 (1).',
    );
  });
});

describe('"which hosts are above average cpu?"', () => {
  const now = Date.UTC(2026, 11, 6, 11);
  function fleet(): AnswerContext {
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now, staleAfterMs: 90_000 };
    c.store.saveSamples([
      { target: 'web-1', metric: 'cpu', ts: now - 10_000, value: 20 },
      { target: 'web-2', metric: 'cpu', ts: now - 10_000, value: 40 },
      { target: 'db-1', metric: 'cpu', ts: now - 10_000, value: 60 },
      { target: 'web-1', metric: 'latency_ms', ts: now - 10_000, value: 80 },
    ]);
    return c;
  }
  const ask = (q: string) => answerIntent(parseIntent(q, targets), fleet()).split('\n');

  it("sets each host against the average of those asked about, said first, and one host against the fleet's", () => {
    expect(parseIntent('which hosts are above average cpu?', targets)).toMatchObject({ bound: { above: true, mean: true } });
    const above = ask('which hosts are above average cpu?');
    expect(above.slice(0, 2)).toEqual(['Average CPU across 3 targets now: 40.0%.', '1 of 3 targets have CPU above 40.0% now:']);
    expect(above.find((l) => l.startsWith('db-1'))).toBeDefined();
    expect(ask('which web hosts are below average cpu?').slice(0, 2)).toEqual([
      'Average CPU across 2 targets now: 30.0%.',
      '1 of 2 targets have CPU below 30.0% now:',
    ]);
    expect(ask('is web-1 above average cpu?')[1]).toMatch(/^No: web-1 CPU is 20\.0% \(at 10:59:50 UTC\), not above 40\.0%\.$/);
  });

  it('says so when there is no average to take, or the host asked about has no such reading', () => {
    expect(ask('which hosts are above average latency?')).toEqual(["An average needs two targets' latency at least; one reports it."]);
    expect(parseIntent('is db-1 above average cpu?', targets)).toMatchObject({ target: 'db-1' });
    const c = fleet();
    c.store.saveSamples([{ target: 'web-2', metric: 'latency_ms', ts: now - 10_000, value: 120 }]);
    expect(answerIntent(parseIntent('is db-1 above average latency?', targets), c).split('\n')).toEqual([
      'Average latency across 2 targets now: 100 ms.',
      'db-1 reports no latency now.',
    ]);
  });
});

describe('one host against the others of its kind', () => {
  it('reads the host said by name, though the role word names them all', () => {
    expect(parseIntent('how does web-1 compare to other web hosts?', targets)).toEqual({ kind: 'peers', target: 'web-1' });
    expect(parseIntent('how does db-1 stack up against the other hosts?', targets)).toEqual({ kind: 'peers', target: 'db-1' });
    // Two named side by side stay the figures side by side.
    expect(parseIntent('compare web-1 and web-2', targets)).toEqual({ kind: 'metrics', group: ['web-1', 'web-2'] });
  });
});
