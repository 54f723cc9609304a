import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createConversations } from '../../../src/bot/follow-up.js';
import { rangeTs } from '../../../src/bot/range-ts.js';
import { configSchema } from '../../../src/config/schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly } from '../../fixtures/anomaly.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';
import { fleet, H, NOW } from '../../fixtures/slo-fleet.js';
import { withSloName } from '../../../src/bot/answer-slo.js';
import { sloSchema } from '../../../src/config/slo-schema.js';

const M = 60_000;

function ctx(): AnswerContext {
  return { store: createSqliteStore(':memory:'), targets: fleet, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, fleet), c).split('\n');

describe('"sorted" with nothing after it', () => {
  it('ranks the reading, highest first unless asked low to high', () => {
    // Before: the table in config order, the word ignored.
    expect(parseIntent('show me disk usage sorted', fleet)).toEqual({ kind: 'metrics', metric: 'disk', stat: 'max' });
    expect(parseIntent('show cpu sorted ascending', fleet)).toEqual({ kind: 'metrics', metric: 'cpu', stat: 'min' });
    expect(parseIntent('memory low to high', fleet)).toMatchObject({ stat: 'min' });
    expect(parseIntent('disk usage in descending order', fleet)).toMatchObject({ stat: 'max' });
    expect(parseIntent('sort memory', fleet)).toMatchObject({ metric: 'memory', stat: 'max' });
    const c = ctx();
    c.store.saveSamples(
      [
        ['api-1', 40],
        ['api-2', 70],
        ['db-1', 55],
      ].map(([target, value]) => ({ target: target as string, metric: 'disk', ts: NOW - M, value: value as number })),
    );
    const rows = ask('show me disk usage sorted', c).filter((l) => /^(?:api|db)-/.test(l));
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(['api-2', 'db-1', 'api-1']);
    // "Is it sorted?" is fixed, not ordered.
    expect(parseIntent('is the disk issue sorted?', fleet)).not.toHaveProperty('stat');
  });
});

describe('"are all hosts up?"', () => {
  it('is the reporting state, as "any hosts down?" is', () => {
    for (const q of ['how many hosts are up?', 'are all hosts up?', 'is everything up?', 'are all the servers online?'])
      expect(parseIntent(q, fleet), q).toEqual({ kind: 'status', silent: true });
    expect(parseIntent('scale up api-1', fleet).kind).toBe('action_request');
  });
});

describe('silences asked about one thing', () => {
  function withSilences(): AnswerContext {
    const c = ctx();
    c.store.chat.addSilence({
      id: 'sl_a',
      target: 'api-1',
      metric: '*',
      untilTs: NOW + 2 * H,
      createdBy: 'web:alice',
      createdTs: NOW - H,
      reason: 'deploy',
    });
    c.store.chat.addSilence({
      id: 'sl_b',
      target: '*',
      metric: 'disk',
      untilTs: NOW + 30 * M,
      createdBy: 'web:bob',
      createdTs: NOW - 2 * H,
    });
    c.store.chat.addSilence({
      id: 'sl_c',
      target: 'db-1',
      metric: '*',
      startsTs: NOW + 3 * H,
      untilTs: NOW + 4 * H,
      createdBy: 'web:carol',
      createdTs: NOW - H,
    });
    c.store.appendRecord('silence_added', NOW - 5 * H, {
      id: 'sl_old',
      target: 'api-2',
      metric: 'cpu',
      untilTs: NOW - 4 * H,
      actor: 'web:dave',
    });
    return c;
  }

  it('"who silenced api-1?" leads with who set what covers it', () => {
    expect(parseIntent('who silenced api-1?', fleet)).toEqual({ kind: 'silences', target: 'api-1', focus: 'who' });
    // Before: the listing only, "Silencing api-1: …" first.
    expect(ask('who silenced api-1?', withSilences())[0]).toBe(
      'web:alice set sl_a (api-1 / all metrics) at 2026-12-07 11:00:00 UTC, saying "deploy"; web:bob set sl_b (all targets / disk) at 2026-12-07 10:00:00 UTC.',
    );
    // Nothing holds api-2 now: the last one set on it, from the records.
    const c = withSilences();
    c.store.chat.removeSilence('sl_b');
    expect(ask('who silenced api-2?', c)[0]).toBe(
      'Nobody silences api-2 now. The last silence on it, sl_old (api-2 / CPU), was set by web:dave at 2026-12-07 07:00:00 UTC; how it ended is below.',
    );
    // The log and the counts keep their own answers.
    expect(parseIntent('who silenced what this week?', fleet)).not.toHaveProperty('focus');
    expect(parseIntent('who silenced the most?', fleet)).toMatchObject({ stats: true });
  });

  it('"when does the db-1 silence start?" and "what expires soon?" lead with that silence', () => {
    expect(parseIntent('when does the db-1 silence start?', fleet)).toEqual({ kind: 'silences', target: 'db-1', focus: 'starts' });
    expect(ask('when does the db-1 silence start?', withSilences())[0]).toBe(
      'sl_c (db-1 / all metrics) starts at 2026-12-07 15:00:00 UTC, in 3 h, and holds until 2026-12-07 16:00:00 UTC (60 min).',
    );
    expect(ask('when does the api-1 silence start?', withSilences())[0]).toBe(
      'No silence on api-1 is scheduled ahead; 2 hold already (below).',
    );
    expect(parseIntent('what silences expire soon?', fleet)).toEqual({ kind: 'silences', focus: 'ends_next' });
    expect(ask('which silence ends first?', withSilences())[0]).toBe(
      'Ends first: sl_b (all targets / disk) at 2026-12-07 12:30:00 UTC, in 30 min.',
    );
    expect(ask('what silences expire soon?', ctx())[0]).toBe('No silence on anything is in force, so none is about to end.');
  });

  it('"extend the disk silence by 1h" extends a silence, not the disk', () => {
    // Before: refused as resizing a host's disk.
    expect(parseIntent('extend the disk silence by 1h', fleet)).toEqual({
      kind: 'silence',
      metric: 'disk',
      durationMs: H,
      extend: {},
    });
    expect(parseIntent('extend the disk on db-1', fleet).kind).toBe('bad_input');
  });
});

describe('advice with something open', () => {
  const rules = configSchema.parse({
    remediation: { rules: [{ name: 'scale on cpu', when: { metrics: ['cpu'] }, action: 'scale_up' }] },
  }).remediation.rules;

  it('says what remediation already did for each open anomaly', () => {
    const store = createSqliteStore(':memory:');
    store.upsertAnomaly({ ...cpuAnomaly('an_cpu1', 'api-1'), startTs: NOW - 20 * M, updatedTs: NOW - M });
    store.upsertAnomaly({ ...cpuAnomaly('an_cpu2', 'api-2'), startTs: NOW - 10 * M, updatedTs: NOW - M });
    store.insertProposal(
      { ...PROPOSAL, id: 'rp_s1', anomalyId: 'an_cpu1', target: 'api-1', action: 'scale_up', params: {}, state: 'expired' },
      { proposalId: 'rp_s1', from: null, to: 'proposed', actor: 'pipeline', ts: NOW - 19 * M, note: '' },
    );
    const c: AnswerContext = { store, targets: fleet, now: NOW, staleAfterMs: 90_000, remediationRules: rules };
    // Before: the open list, then every rule, with nothing about the proposal that expired.
    for (const q of ['what should I do?', 'what do you recommend?']) {
      expect(parseIntent(q, fleet).kind, q).toBe('advice');
      const lines = ask(q, c);
      const at = lines.indexOf('What remediation did for them:');
      expect(at, q).toBeGreaterThan(0);
      expect(lines[at + 1]).toMatch(/^• an_cpu2: /);
      expect(lines[at + 2]).toBe('• an_cpu1: proposed rp_s1 scale_up on api-1 (approval, simulate): expired');
    }
    expect(parseIntent('what do you recommend for db-1?', fleet)).toEqual({ kind: 'advice', target: 'db-1' });
    // A threshold asked to be recommended is tuning, not advice.
    expect(parseIntent('what cpu threshold do you recommend?', fleet)).toMatchObject({ kind: 'tune', metric: 'cpu' });
  });
});

describe('markup for a question', () => {
  it('is refused as markup, not read as "the latest alert"', () => {
    for (const q of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<b>cpu</b> on db-1'])
      expect(parseIntent(q, fleet), q).toMatchObject({ kind: 'bad_input', reason: expect.stringMatching(/^that reads as HTML markup/) });
    // Markup inside a question is cleaned as before; comparison signs and Slack's own tokens are no markup.
    expect(parseIntent('remind me in 1h to check <b>db-1</b>', fleet).kind).toBe('remind');
    expect(parseIntent('is cpu < 80 on db-1', fleet).kind).toBe('metrics');
    expect(parseIntent('<@U123> cpu on db-1', fleet)).toMatchObject({ kind: 'metrics', target: 'db-1' });
  });
});

describe('a clock window across midnight', () => {
  const at = (h: number, m = 0) => Date.UTC(2026, 11, 7, h, m);
  it("is the last whole one while tonight's has not reached midnight", () => {
    // Before: 10:00 today to now, the 09:00 end dropped.
    expect(rangeTs({ minute: 600 }, { minute: 540 }, at(22, 23))).toEqual({ from: at(10) - 24 * H, until: at(9) });
    expect(rangeTs({ minute: 1320 }, { minute: 120 }, at(22, 30))).toEqual({ from: at(22) - 24 * H, until: at(2) });
    // Past midnight, the night in progress.
    expect(rangeTs({ minute: 1320 }, { minute: 120 }, at(1))).toEqual({ from: at(22) - 24 * H, until: at(1) });
    // Within one day, as before.
    expect(rangeTs({ minute: 540 }, { minute: 600 }, at(9, 30))).toEqual({ from: at(9), until: at(9, 30) });
    const c = ctx();
    expect(ask('cpu between 10:00 and 09:00', { ...c, now: at(22, 23) })[0]).toContain(
      'between 2026-12-06 10:00:00 UTC and 2026-12-07 09:00:00 UTC',
    );
  });
});

describe('"repeat that" after a read that carries nothing', () => {
  it('repeats the explanation, not the read before it', () => {
    const c = createConversations();
    const key = 'web:console::alice';
    const say = (q: string, i: number) => c.resolve(key, parseIntent(q, fleet), q, NOW + i * M);
    say('cpu on web-1', 0);
    say('explain an_abc123', 1);
    // Before: "cpu on web-1" again.
    expect(say('repeat that', 2)).toEqual({ kind: 'explain', id: 'an_abc123' });
    // A read that carries comes after: that one.
    say('memory on db-1', 3);
    expect(say('again', 4)).toMatchObject({ kind: 'metrics', metric: 'memory', target: 'db-1' });
    // A command in between is never repeated.
    say('ack an_abc123', 5);
    expect(say('again', 6)).toMatchObject({ kind: 'metrics', metric: 'memory' });
  });
});

describe('a read during a declared incident', () => {
  function withIncidents(): AnswerContext {
    const c = ctx();
    const cpu = (target: string, at: number, value: number) => ({ target, metric: 'cpu', ts: at, value });
    // api-1 hot from 10:00 to 11:00; before and after, quiet.
    c.store.saveSamples([
      cpu('api-1', NOW - 3 * H, 20),
      cpu('api-1', NOW - 2 * H + 10 * M, 90),
      cpu('api-1', NOW - H - 10 * M, 80),
      cpu('api-1', NOW - 30 * M, 25),
      cpu('db-1', NOW - 2 * H + 10 * M, 40),
    ]);
    c.store.appendRecord('incident_declared', NOW - 2 * H, { id: 'in_api', title: 'api slow', targets: ['api-1'], actor: 'web:alice' });
    c.store.appendRecord('incident_resolved', NOW - H, { id: 'in_api', actor: 'web:alice' });
    return c;
  }

  it('reads the metric over its window, on the hosts it covers, saying which incident', () => {
    // Before: the CPU anomalies, over no window.
    expect(parseIntent('what was cpu like during the incident?', fleet)).toEqual({ kind: 'metrics', metric: 'cpu', incident: 'latest' });
    expect(parseIntent('peak cpu on db-1 during in_api', fleet)).toEqual({
      kind: 'metrics',
      metric: 'cpu',
      target: 'db-1',
      incident: 'in_api',
      stat: 'max',
    });
    const lines = ask('what was cpu like during the incident?', withIncidents());
    expect(lines[0]).toBe('During in_api "api slow" (declared 2026-12-07 10:00:00 UTC, resolved after 60 min):');
    expect(lines[1]).toMatch(/^api-1 CPU between 2026-12-07 10:00:00 UTC and 11:00:00 UTC: peak 90\.0% at 10:10:00 UTC, average 85\.0%/);
    // A host it does not cover, with none declared there: said, not a window made up.
    expect(ask('cpu on db-1 during the incident', withIncidents())).toEqual([
      'No incident was declared on db-1 in the last 30 days, so there is no window to read; ask for a time instead ("cpu between 14:00 and 15:00").',
    ]);
    expect(ask('cpu during in_nope', withIncidents())[0]).toBe(
      'No incident "in_nope" in the last 30 days; "declared incidents" lists them.',
    );
    // Without a metric, what happened: the incident's status.
    expect(parseIntent('what happened during the incident?', fleet)).toEqual({ kind: 'incident', action: 'show' });
  });

  it('"the db incident" is the declared one on db-1, not db-1\'s anomalies', () => {
    expect(parseIntent("what's the status of the db incident?", fleet)).toEqual({ kind: 'incident', action: 'show', targets: ['db-1'] });
    expect(parseIntent('how long has the api incident been open?', fleet)).toEqual({
      kind: 'incident',
      action: 'show',
      targets: ['api-1', 'api-2'],
    });
  });
});

describe('bandwidth of one host', () => {
  it('is its readings, not a total "across 1 target"', () => {
    const c = ctx();
    c.store.saveSamples([
      { target: 'api-1', metric: 'net_in', ts: NOW - M, value: 2_000_000 },
      { target: 'api-1', metric: 'net_out', ts: NOW - M, value: 1_000_000 },
    ]);
    expect(parseIntent('how much bandwidth is api-1 using?', fleet)).toMatchObject({ target: 'api-1', total: true });
    expect(ask('how much bandwidth is api-1 using?', c)).toEqual([
      'api-1 network in 2.00 MB/s (at 11:59:00 UTC, 60 s ago)',
      'api-1 network out 1.00 MB/s (at 11:59:00 UTC, 60 s ago)',
    ]);
    expect(ask('how much bandwidth are we using?', c)[0]).toMatch(/^Total network in now/);
  });
});

describe('what is ahead, asked for a time', () => {
  it('"anything coming up in the next hour?" shows that hour, and what comes after it when it is empty', () => {
    const c = ctx();
    c.store.insertProposal(
      { ...PROPOSAL, target: 'api-1', createdTs: NOW - M, expiresTs: NOW + 19 * M },
      { proposalId: PROPOSAL.id, from: null, to: 'proposed', actor: 'pipeline', ts: NOW - M, note: '' },
    );
    c.store.chat.addSilence({
      id: 'sl_db',
      target: 'db-1',
      metric: '*',
      startsTs: NOW + 3 * H,
      untilTs: NOW + 4 * H,
      createdBy: 'web:bob',
      createdTs: NOW - H,
    });
    expect(parseIntent('anything coming up in the next hour?', fleet)).toEqual({ kind: 'schedule', aheadMs: H });
    // Before: the whole week, under "in the next 7 days".
    expect(ask('anything coming up in the next hour?', c)).toEqual([
      'Coming up in the next 60 min (1):',
      '• 2026-12-07 12:19:00 UTC (in 19 min): rp_web1 restart_service on api-1 expires unless decided',
      '"Silences" lists what each silence and maintenance window holds.',
    ]);
    expect(ask("what's coming up?", c)[0]).toBe('Coming up in the next 7 days (2):');
    expect(ask('anything coming up in the next 10 minutes?', c)[0]).toBe(
      'Nothing is scheduled in the next 10 min: no silence begins or ends, no reminder is due, no digest, on-call hand-over or proposal expiry is set. The next after it: rp_web1 restart_service on api-1 expires unless decided, 2026-12-07 12:19:00 UTC (in 19 min).',
    );
  });

  it('"anything I should worry about in the next hour?" is the outlook, and the next on-call\'s briefing is the handover', () => {
    // Before: refused as a question about the future.
    expect(parseIntent('anything I should worry about in the next hour?', fleet)).toEqual({
      kind: 'attention',
      building: true,
      aheadMs: H,
    });
    expect(parseIntent('anything we should watch tonight?', fleet)).toMatchObject({ kind: 'attention', aheadMs: 12 * H });
    // Before: the on-call rotation.
    for (const q of ['what should the next on-call know?', 'what does the incoming shift need to know?'])
      expect(parseIntent(q, fleet), q).toMatchObject({ kind: 'anomalies', digest: true, shift: true });
    expect(parseIntent('who is the next on-call?', fleet)).toMatchObject({ kind: 'routing', onCall: true });
  });
});

describe('a count or a window of nothing', () => {
  it('is refused, not read as the default', () => {
    // Before: "top 0" listed every host, "the last 0 minutes" gave the latest anomaly.
    for (const q of ['top 0 hosts by cpu', 'anomalies in the last 0 minutes', 'cpu over the last 0h', 'last 0 anomalies'])
      expect(parseIntent(q, fleet), q).toMatchObject({
        kind: 'bad_input',
        reason: expect.stringMatching(/asks for nothing, a count or a length of 0/),
      });
    expect(parseIntent('cpu last 0.5h', fleet)).toMatchObject({ span: { kind: 'last', ms: 30 * M } });
    expect(parseIntent('top 10 hosts by cpu', fleet)).toMatchObject({ limit: 10 });
  });
});

describe('each host, and three hosts set against each other', () => {
  it('"how many anomalies did each host have?" leads with the hosts ranked', () => {
    // Before: the whole count, the hosts on its "By target" line.
    expect(parseIntent('how many anomalies did each host have today?', fleet)).toMatchObject({ count: true, rank: 'target' });
    expect(parseIntent('alerts for each host this week', fleet)).toMatchObject({ rank: 'target' });
    const c = ctx();
    for (const [k, target] of ['api-1', 'api-1', 'db-1'].entries())
      c.store.upsertAnomaly({
        ...cpuAnomaly(`an_e${k}`, target),
        key: `k${k}`,
        status: 'resolved',
        startTs: NOW - (k + 1) * H,
        endTs: NOW - (k + 1) * H + 5 * M,
        updatedTs: NOW,
      });
    expect(ask('how many anomalies did each host have today?', c)[0]).toBe('Most episodes by target: api-1 2; then db-1 1.');
  });

  it('"web-1 vs web-2 vs api-1 cpu" ranks the three, highest first', () => {
    const c = ctx();
    c.store.saveSamples(
      [
        ['api-1', 30],
        ['api-2', 60],
        ['db-1', 45],
      ].map(([target, value]) => ({ target: target as string, metric: 'cpu', ts: NOW - M, value: value as number })),
    );
    // Before: the table in the order said, no lead.
    expect(parseIntent('api-1 vs api-2 vs db-1 cpu', fleet)).toMatchObject({ group: ['api-1', 'api-2', 'db-1'], stat: 'max' });
    const lines = ask('api-1 vs api-2 vs db-1 cpu', c);
    expect(lines[0]).toBe('Highest CPU now: api-2 60.0%.');
    expect(lines.filter((l) => /^(?:api|db)-/.test(l)).map((l) => l.split(/\s+/)[0])).toEqual(['api-2', 'db-1', 'api-1']);
    // Two keep their side-by-side answer; roles set against each other keep theirs.
    expect(parseIntent('compare api-1 and db-1 cpu', fleet)).not.toHaveProperty('stat');
  });
});

describe('"which SLO is burning fastest?"', () => {
  it('ranks the SLOs by their burn rate now, not latency by "fast"', () => {
    const latency = sloSchema.parse({ name: 'api-latency', metric: 'latency_ms', role: 'api', goodBelow: 500, objective: 99 });
    const disk = sloSchema.parse({ name: 'db-disk', metric: 'disk', targets: ['db-1'], goodBelow: 80, objective: 99 });
    const c: AnswerContext = { ...ctx(), slos: [disk, latency] };
    const samples = [];
    for (let k = 0; k < 120; k++) {
      const ts = NOW - k * M;
      samples.push({ target: 'api-1', metric: 'latency_ms', ts, value: k % 10 === 0 ? 900 : 100 });
      samples.push({ target: 'db-1', metric: 'disk', ts, value: 50 });
    }
    c.store.saveSamples(samples);
    const intent = (q: string) => withSloName(parseIntent(q, fleet), q, c.slos);
    // Before: read as latency ("fast"), the lowest first, and only the latency SLO shown.
    for (const q of ["what's burning budget fastest?", 'which slo is burning fastest?', 'highest burn rate'])
      expect(intent(q), q).toEqual({ kind: 'uncollected', what: 'SLOs or error budgets', sloFocus: 'burning' });
    const lines = answerIntent(intent('which slo is burning fastest?'), c).split('\n');
    expect(lines[0]).toMatch(
      /^By burn rate now, fastest first \(1× spends the budget exactly over the window\): api-latency 10× over the last 1 h \(\d+% of its budget spent\); db-disk not burning \(no bad samples in the last 6 h; 0% of its budget spent\)\.$/,
    );
    expect(lines[1]).toMatch(/^api-latency: /);
  });
});

describe("the asker's own", () => {
  it('"my silences" lists only those the asker set, and counts them when asked how many', () => {
    const c: AnswerContext = { ...ctx(), asker: 'web:alice' };
    c.store.chat.addSilence({ id: 'sl_a', target: 'api-1', metric: '*', untilTs: NOW + H, createdBy: 'web:alice', createdTs: NOW - H });
    c.store.chat.addSilence({ id: 'sl_b', target: 'db-1', metric: '*', untilTs: NOW + H, createdBy: 'web:bob', createdTs: NOW - H });
    c.store.appendRecord('silence_added', NOW - H, { id: 'sl_a', target: 'api-1', metric: '*', untilTs: NOW + H, actor: 'web:alice' });
    c.store.appendRecord('silence_added', NOW - H, { id: 'sl_b', target: 'db-1', metric: '*', untilTs: NOW + H, actor: 'web:bob' });
    // Before: every silence, bob's too.
    expect(parseIntent('my silences', fleet)).toEqual({ kind: 'silences', mine: true });
    expect(ask('my silences', c)).toEqual(['Silenced by you:', '• sl_a: api-1 / all metrics until 2026-12-07 13:00:00 UTC (by web:alice)']);
    expect(ask('how many silences did I set?', c)[0]).toMatch(/^1 silence set by you in the last 7 d/);
    expect(ask('my silences', { ...c, asker: 'web:carol' })).toEqual(['No silence you set holds now.']);
    expect(ask('my silences', { ...c, asker: undefined })[0]).toMatch(/^I cannot tell who you are here/);
  });

  it('"what have I acked today?" is what the asker did, not who has the open alerts', () => {
    // Before: the open alerts and who has each.
    expect(parseIntent('what have I acked today?', fleet)).toEqual({
      kind: 'audit',
      me: true,
      span: { kind: 'day', daysBack: 0 },
      verbs: ['acknowledged'],
    });
    expect(parseIntent('have I acked an_abc123?', fleet)).toMatchObject({ kind: 'ack_status', id: 'an_abc123' });
  });
});

describe('"which hosts have no latency data?"', () => {
  it('answers with the hosts the metric does not come from', () => {
    const c = ctx();
    c.store.saveSamples([
      { target: 'api-1', metric: 'latency_ms', ts: NOW - M, value: 100 },
      { target: 'api-1', metric: 'cpu', ts: NOW - M, value: 20 },
      { target: 'db-1', metric: 'cpu', ts: NOW - M, value: 20 },
    ]);
    // Before: the table of those that send it, the answer in a footnote.
    expect(parseIntent('which hosts have no latency data?', fleet)).toEqual({ kind: 'metrics', metric: 'latency', missing: true });
    expect(ask('which hosts have no latency data?', c)).toEqual([
      '2 of 3 targets send no latency: api-2, db-1. The others do ("latency" shows their readings).',
    ]);
    expect(ask('hosts without cpu', c)).toEqual(['1 of 3 targets sends no CPU: api-2. The others do ("cpu" shows their readings).']);
    // A bound said with "no" is a negated bound, not this.
    expect(parseIntent('which hosts are not above 30% cpu?', fleet)).not.toHaveProperty('missing');
  });
});

describe('"the longest running alert"', () => {
  it('is one alert; the plural is five', () => {
    // Before: five for the singular.
    expect(parseIntent("what's the longest running alert?", fleet)).toMatchObject({ longest: true, limit: 1 });
    expect(parseIntent('longest running alerts', fleet)).toMatchObject({ longest: true, limit: 5 });
    expect(parseIntent('top 3 longest running alerts', fleet)).toMatchObject({ limit: 3 });
    expect(parseIntent('the oldest open alert', fleet)).toMatchObject({ open: true, longest: true, limit: 1 });
  });
});

describe('"what changed on api-1 today?"', () => {
  it('leads with the changes recorded, then the anomalies of then', () => {
    const c = ctx();
    c.store.appendRecord('change', NOW - 2 * H, { id: 'ch_1', targets: ['api-1'], text: 'deployed v2.4 to api-1', actor: 'web:alice' });
    c.store.upsertAnomaly({
      ...cpuAnomaly('an_c1', 'api-1'),
      status: 'resolved',
      startTs: NOW - H,
      endTs: NOW - H + 5 * M,
      updatedTs: NOW,
    });
    expect(parseIntent('what changed on api-1 today?', fleet)).toMatchObject({ digest: true, changed: true, target: 'api-1' });
    // Before: the changes on the digest's fourteenth line.
    const lines = ask('what changed on api-1 today?', c);
    expect(lines[0]).toBe('Changes recorded then: 1: "deployed v2.4 to api-1" on api-1 at 10:00 UTC (ch_1).');
    expect(lines[1]).toMatch(/^1 anomaly on api-1 today/);
    expect(lines.filter((l) => l.startsWith('Changes recorded then'))).toHaveLength(1);
    // A digest not asked what changed keeps them where they were.
    expect(ask('summarise today on api-1', c)[0]).toMatch(/^1 anomaly on api-1 today/);
  });
});

describe('"why wasn\'t I paged for the api-1 alert?"', () => {
  it("is where the alert went (its timeline), not the host's verdict", () => {
    // Before: the detectors' verdict on api-1.
    expect(parseIntent("why wasn't I paged for the api-1 alert?", fleet)).toEqual({ kind: 'timeline', target: 'api-1', unpinged: true });
    expect(parseIntent('why was I not notified about an_abc123?', fleet)).toEqual({ kind: 'timeline', id: 'an_abc123' });
    expect(parseIntent("why wasn't api-1 restarted?", fleet)).toMatchObject({ kind: 'explain', remediation: true });
  });
});

describe('a trend that just broke away', () => {
  it("leads with the break, the window's line after it", () => {
    const c = ctx();
    const samples = [];
    // Six hours drifting down from 54% to 52%, then the last ten minutes climbing to 97%.
    for (let k = 720; k >= 0; k--) {
      const ts = NOW - k * 30_000;
      const value = k > 20 ? 52 + (2 * k) / 720 + (k % 2) * 0.3 : 58 + (39 * (20 - k)) / 20;
      samples.push({ target: 'api-1', metric: 'memory', ts, value });
    }
    c.store.saveSamples(samples);
    const line = ask("what's the memory trend on api-1?", c)[1]!;
    // Before: "api-1 memory 97.0% at 12:00:00 UTC, falling …", the jump after a "But".
    expect(line).toMatch(/^api-1 memory 97\.0% at 12:00:00 UTC: since 11:5\d:\d\d UTC it has left its line over the window: /);
    expect(line).toMatch(/ Before that, falling -?0\.\d+ %\/h \(line /);
  });
});

describe('"since when is db-1 memory high?"', () => {
  it('is the stretch past the line going on now, as "how long has it been above" is', () => {
    // Before: no stretch asked, so the yes-or-no reading.
    expect(parseIntent('since when has api-1 cpu been above 50%?', fleet)).toMatchObject({
      bound: { above: true, value: 50 },
      boundAsk: 'since',
    });
    expect(parseIntent('since when is db-1 memory high?', fleet)).toMatchObject({ bound: { rule: 'any' }, boundAsk: 'since' });
  });
});

describe('"what instance is api-1?"', () => {
  it('is its instance id from the targets file, not its figures', () => {
    // Before: api-1's overview.
    for (const q of ['what instance is api-1?', 'which instance is api-1 on?'])
      expect(parseIntent(q, fleet), q).toEqual({ kind: 'inventory', field: 'instance', target: 'api-1' });
    expect(parseIntent('which instance is busiest?', fleet)).toMatchObject({ kind: 'metrics', stat: 'max' });
    expect(parseIntent('what instance type is api-1?', fleet).kind).toBe('uncollected');
  });
});
