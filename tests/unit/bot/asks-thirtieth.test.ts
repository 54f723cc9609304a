import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { withSloName } from '../../../src/bot/answer-slo.js';
import { ninesLine } from '../../../src/bot/slo-nines.js';
import { sloSchema } from '../../../src/config/slo-schema.js';
import { configSchema } from '../../../src/config/schema.js';
import { WATCHING_SINCE } from '../../../src/core/watching-since.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';
import { addNote, noteCommand } from '../../../src/bot/alert-notes.js';
import { itOf, namedIt } from '../../../src/bot/follow-up.js';
import { helpFor } from '../../../src/bot/help-text.js';
import type { Proposal } from '../../../src/core/remediation.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';
import { createOnCall } from '../../../src/bot/on-call.js';
import { onCallSchema } from '../../../src/config/on-call-schema.js';
import { createAlertEscalation } from '../../../src/bot/alert-escalate.js';
import type { Intent } from '../../../src/bot/intent.js';
import { D, H, fleet, latency, NOW, slowApi2Samples } from '../../fixtures/slo-fleet.js';

const dbDisk = sloSchema.parse({ name: 'db_disk-2', metric: 'disk', targets: ['db-1'], goodBelow: 80, objective: 99.9 });

/** The fleet with a minute's latency on api-1 and api-2 for two days; api-2 slow every 20th minute yesterday. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.saveSamples(slowApi2Samples());
  return { store, targets: fleet, now: NOW, staleAfterMs: 90_000, slos: [latency, dbDisk] };
}
const intent = (q: string, c: AnswerContext) => withSloName(parseIntent(q, fleet), q, c.slos);
const ask = (q: string, c: AnswerContext) => answerIntent(intent(q, c), c).split('\n');

describe('an SLO called by its own name', () => {
  it('is that SLO, whatever the words around it parsed as', () => {
    const c = ctx();
    // Before: the fleet's status, "no group called web-cpu", or not understood.
    expect(parseIntent('how is api-latency doing?', fleet).kind).toBe('status');
    for (const q of ['how is api-latency doing?', 'is api-latency ok', 'show api-latency', 'API-LATENCY?'])
      expect(intent(q, c), q).toEqual({ kind: 'uncollected', what: 'SLOs or error budgets', sloName: 'api-latency' });
    expect(ask('how is api-latency doing?', c)[0]).toMatch(
      /^api-latency: latency under 500 ms in 99% of samples over 30 d \(api-1, api-2\): /,
    );
    // A host said besides it narrows it; "api" inside the name names no group.
    expect(intent('is api-latency ok on api-2?', c)).toMatchObject({ sloName: 'api-latency', target: 'api-2' });
    expect(ask('is api-latency ok on api-2?', c)[0]).toContain('(api-2 of api-1, api-2)');
    // A span said with it: the SLO over that span.
    expect(intent('api-latency yesterday', c)).toMatchObject({ sloName: 'api-latency', span: { kind: 'day', daysBack: 1 } });
    expect(ask('api-latency yesterday', c)[0]).toMatch(/^api-latency yesterday \(2026-12-06 UTC\): missed, /);
    // Underscores and digits are written as they are.
    expect(intent('how is db_disk-2?', c)).toMatchObject({ sloName: 'db_disk-2' });
    // "Run out" read as a trend before: the SLO's budget, when it runs out.
    expect(intent('when will api-latency run out of budget?', c)).toMatchObject({ sloName: 'api-latency', sloFocus: 'runs_out' });
    expect(intent('trend for api-1 cpu', c)).toMatchObject({ kind: 'trend', target: 'api-1' });
  });

  it('leaves names without a hyphen, underscore or digit, spoken forms and narrower questions alone', () => {
    const c = { ...ctx(), slos: [latency, sloSchema.parse({ name: 'availability', metric: 'cpu', goodBelow: 90, objective: 99 })] };
    // "availability" is an ordinary word; "api latency" is the metric on the api hosts.
    expect(intent("what's our availability?", c).kind).toBe('availability');
    expect(intent("what's api latency", c)).toMatchObject({ kind: 'metrics', metric: 'latency', group: ['api-1', 'api-2'] });
    // A question that asked something narrower keeps its kind.
    expect(intent('anomalies on api-1', c).kind).toBe('anomalies');
    // No SLOs set: nothing changes.
    expect(withSloName(parseIntent('how is api-latency doing?', fleet), 'how is api-latency doing?', undefined).kind).toBe('status');
  });
});

describe('"how many nines?"', () => {
  it('counts whole nines and says what the next nine would allow of the same samples', () => {
    expect(ninesLine(6132, 42)).toBe('99.32% good is two nines; three nines (99.9%) would allow 6 bad of these 6,174 samples, not 42.');
    // 99.9% exactly is three nines, not 2.9999 by a logarithm.
    expect(ninesLine(999, 1)).toBe('99.9% good is three nines; four nines (99.99%) needs 10,000 samples or more to allow even one bad.');
    expect(ninesLine(989, 11)).toBe('98.9% good is one nine; two nines (99%) would allow 10 bad of these 1,000 samples, not 11.');
    expect(ninesLine(99_999, 1)).toMatch(/^99\.999% good is five nines; six nines \(99\.9999%\)/);
    expect(ninesLine(6174, 0)).toBe('No bad samples among 6,174: 100% good; one bad would still be three nines (99.98%).');
    expect(ninesLine(4, 1)).toBe('Only 5 samples: too few to count nines.');
  });

  it('is an SLO question, leading with the nines, over a span when one is said', () => {
    const c = ctx();
    expect(intent('how many nines on api latency yesterday', c)).toMatchObject({ sloName: 'api-latency', sloFocus: 'nines' });
    const lines = ask('how many nines on api latency yesterday', c);
    // Yesterday: api-1 1,440 good, api-2 72 of 1,440 bad.
    expect(lines[0]).toBe(
      'api-latency yesterday (2026-12-06 UTC): 97.5% good is one nine; two nines (99%) would allow 28 bad of these 2,880 samples, not 72.',
    );
    expect(lines[1]).toMatch(/^ {2}Missed, 97\.5% good against the 99% objective/);
    // "How many nines do we have?" with SLOs set: each SLO's, not whether data arrived.
    expect(parseIntent('how many nines do we have?', fleet).kind).toBe('availability');
    const all = ask('how many nines do we have?', c);
    expect(all[0]).toMatch(/^api-latency: \d+(\.\d+)?% good is one nine; /);
    expect(all.some((l) => l.startsWith('db_disk-2: '))).toBe(true);
    // Without SLOs it stays data arrival.
    expect(answerIntent(withSloName(parseIntent('how many nines?', fleet), 'how many nines?', []), { ...c, slos: [] })).toMatch(
      /^Data arrival/,
    );
  });
});

describe('the digest against the period before', () => {
  /** Anomalies at `hoursAgo`, watched for a month. */
  function withAnomalies(hoursAgo: number[]): AnswerContext {
    const store = createSqliteStore(':memory:');
    store.setKv(WATCHING_SINCE, String(NOW - 30 * D));
    hoursAgo.forEach((h, k) =>
      store.upsertAnomaly(resolvedAnomaly(`an_b${k}`, NOW, { startTs: NOW - h * H, endTs: NOW - h * H + 600_000 })),
    );
    return { store, targets: fleet, now: NOW, staleAfterMs: 90_000 };
  }
  const against = (c: AnswerContext) => ask('summarise the last 2 hours', c).find((l) => l.startsWith('Against '));

  it('gives no rate from a period mostly not watched, and a rate an hour under two days', () => {
    const c = withAnomalies([0.5, 1.5, 3]);
    expect(against(c)).toBe('Against the 2 h before: Up 100%: 2 episodes against 1.');
    // Down for 95 of the last 120 min: one in 25 min is not 115 a day.
    const down = withAnomalies([0.05, 3]);
    down.store.appendRecord('started', NOW - 5 * 60_000, { lastTickBeforeTs: NOW - 100 * 60_000 });
    expect(against(down)).toBeUndefined();
    // Down for 40 of them: a rate, an hour's.
    const part = withAnomalies([0.05, 3]);
    part.store.appendRecord('started', NOW - 5 * 60_000, { lastTickBeforeTs: NOW - 45 * 60_000 });
    expect(against(part)).toBe('Against the 2 h before: Up 50%: 0.8 episodes an hour watched against 0.5.');
  });
});

describe('"how long do alerts take to get acked?"', () => {
  it("asks for the times to acknowledge or resolve, not a list filtered by it, nor one alert's precedent", () => {
    const p = (q: string) => parseIntent(q, fleet);
    // Before: the acknowledged alerts listed, or "has this happened before?".
    expect(p('how long do alerts take to get acked?')).toEqual({ kind: 'anomalies', limit: 5, today: false, count: true, timeTo: 'ack' });
    expect(p('how long does it take us to acknowledge alerts')).toMatchObject({ kind: 'anomalies', timeTo: 'ack' });
    expect(p('how long does it take someone to respond to a page')).toMatchObject({ kind: 'anomalies', timeTo: 'ack' });
    expect(p('how long until pages get acked')).toMatchObject({ kind: 'anomalies', count: true, timeTo: 'ack' });
    expect(p('how long does it take us to resolve alerts')).toMatchObject({ kind: 'anomalies', timeTo: 'resolve' });
    expect(p('how long do incidents take to get resolved?')).not.toHaveProperty('resolved');
    // With a metric and a host: their alerts' times, not the figure.
    expect(p('how long do disk alerts on api-1 take to resolve?')).toMatchObject({
      kind: 'anomalies',
      target: 'api-1',
      metric: 'disk',
      timeTo: 'resolve',
    });
    // One alert's, or "it": still that alert's history.
    expect(p('how long did it take to resolve the last alert').kind).toBe('precedent');
    expect(p('how long does it take to recover?').kind).toBe('precedent');
    expect(p('how long does it take to restart a service')).toMatchObject({ kind: 'history', took: true });
  });

  it('leads with the time to acknowledge', () => {
    const store = createSqliteStore(':memory:');
    const a = resolvedAnomaly('an_ack1', NOW, { startTs: NOW - 2 * H, endTs: NOW - H });
    store.upsertAnomaly(a);
    store.upsertAnomaly(resolvedAnomaly('an_ack2', NOW, { startTs: NOW - 5 * H, endTs: NOW - 4 * H }));
    // Both posted; one taken on 4 min after it began.
    store.chat.linkAlert('an_ack1', 'alert:1');
    store.chat.linkAlert('an_ack2', 'alert:2');
    store.chat.acknowledge({ msgKey: 'alert:1', by: 'web:alice', ts: NOW - 2 * H + 4 * 60_000 });
    const c: AnswerContext = { store, targets: fleet, now: NOW, staleAfterMs: 90_000 };
    expect(ask('how long do alerts take to get acked?', c)[0]).toBe(
      'Acknowledged in chat: 1 of 2, a median 4 min after the start (mean 4 min, longest 4 min: an_ack1, web-1 CPU).',
    );
  });
});

describe('"why didn\'t you restart local-vm?"', () => {
  const rules = configSchema.parse({
    remediation: {
      rules: [
        {
          name: 'restart on memory',
          when: { metrics: ['memory'], detectors: ['threshold'] },
          action: 'restart_service',
          params: { service: 'app' },
        },
        { name: 'scale on cpu', when: { metrics: ['cpu'] }, action: 'scale_up' },
      ],
    },
  }).remediation.rules;
  function withCpuEpisode(): AnswerContext {
    const store = createSqliteStore(':memory:');
    store.upsertAnomaly(resolvedAnomaly('an_cpu', NOW, { target: 'api-1', metric: 'cpu', startTs: NOW - H, endTs: NOW - H / 2 }));
    return { store, targets: fleet, now: NOW, staleAfterMs: 90_000, remediationRules: rules };
  }

  it('says first when no rule with that action matches the episode, and what the rules with it match', () => {
    expect(parseIntent("why didn't you restart api-1?", fleet)).toMatchObject({ remediation: true, action: 'restart_service' });
    expect(parseIntent('why no scale up on api-1?', fleet)).toMatchObject({ remediation: true, action: 'scale_up' });
    const lines = ask("why didn't you restart api-1?", withCpuEpisode());
    expect(lines[1]).toBe(
      'No restart_service for it: "restart on memory" proposes it on memory, threshold anomalies, warning or worse; this is CPU from threshold at warning.',
    );
    // The rule for the action matches: the per-anomaly line says why nothing came of it, with no premise line.
    expect(ask('why no scale up on api-1?', withCpuEpisode()).some((l) => l.startsWith('No scale_up'))).toBe(false);
    // No rule has the action at all.
    expect(ask("why didn't you clean up the disk on api-1?", withCpuEpisode())).toContain(
      'No rule proposes cleanup_disk at all; the remediation rules propose restart_service, scale_up.',
    );
  });
});

describe('a long list of anomalies', () => {
  /** `n` episodes overnight, each a threshold and a robust anomaly on api-1 CPU. */
  function overnight(n: number): AnswerContext {
    const store = createSqliteStore(':memory:');
    for (let k = 0; k < n; k++) {
      const startTs = NOW - 13 * H + k * 15 * 60_000;
      store.upsertAnomaly(resolvedAnomaly(`an_t${k}`, NOW, { target: 'api-1', startTs, endTs: startTs + 5 * 60_000 }));
      store.upsertAnomaly(resolvedAnomaly(`an_r${k}`, NOW, { target: 'api-1', detector: 'robust', startTs, endTs: startTs + 6 * 60_000 }));
    }
    return { store, targets: fleet, now: NOW, staleAfterMs: 90_000 };
  }

  it('reads by episode, every anomaly id kept, when folding saves lines', () => {
    const lines = ask('what happened overnight?', overnight(10));
    expect(lines[0]).toBe('10 episodes of 20 anomalies between 2026-12-06 22:00:00 UTC and 2026-12-07 06:00:00 UTC, 0 open; all:');
    expect(lines).toHaveLength(11);
    expect(lines[1]).toMatch(/^• api-1 CPU \[warning\]: .*2 anomalies: .*an_r9.*an_t9/);
    // A short list stays one line per anomaly.
    expect(ask('what happened overnight?', overnight(5))).toHaveLength(11);
    expect(ask('what happened overnight?', overnight(5))[0]).toMatch(/^10 anomalies .*, in 5 episodes, 0 open; all:$/);
    // A number said is of anomalies.
    const twenty = ask('the last 20 anomalies', overnight(10));
    expect(twenty[0]).toMatch(/^20 anomalies, in 10 episodes/);
    expect(twenty).toHaveLength(21);
  });
});

describe('"which hosts haven\'t reported in 5 minutes?"', () => {
  it('is the reporting state against the length said, not the stale limit', () => {
    const p = (q: string) => parseIntent(q, fleet);
    // Before: the status table with no word of who is silent.
    expect(p("which hosts haven't reported in 5 minutes?")).toEqual({ kind: 'status', silent: true, silentFor: 5 * 60_000 });
    expect(p('which hosts have not reported in the last 5 minutes')).toMatchObject({ silentFor: 5 * 60_000 });
    expect(p('anything not reporting for 10 min?')).toMatchObject({ silentFor: 10 * 60_000 });
    expect(p('hosts silent for more than 10 minutes')).toMatchObject({ silentFor: 10 * 60_000 });
    // Of the past, or of the anomalies then, or a silence: not this.
    expect(p('which hosts were silent for more than 10 minutes today').kind).toBe('anomalies');
    expect(p('silent hosts in the last 24 h').kind).toBe('anomalies');
    expect(p('silence api-1 for 10 minutes').kind).toBe('silence');
    expect(p('which hosts stopped reporting?')).toEqual({ kind: 'status', silent: true });
    const store = createSqliteStore(':memory:');
    // api-1 last sent 4 min ago, api-2 7 min ago, db-1 just now.
    store.saveSamples([
      { target: 'api-1', metric: 'cpu', ts: NOW - 4 * 60_000, value: 20 },
      { target: 'api-2', metric: 'cpu', ts: NOW - 7 * 60_000, value: 20 },
      { target: 'db-1', metric: 'cpu', ts: NOW - 10_000, value: 20 },
    ]);
    const c: AnswerContext = { store, targets: fleet, now: NOW, staleAfterMs: 90_000 };
    expect(ask("which hosts haven't reported in 5 minutes?", c)[0]).toBe(
      'Not reporting: api-2 (stale, last data 2026-12-07 11:53:00 UTC, 7 min ago).',
    );
    expect(ask('anything not reporting for 10 min?', c)[0]).toBe('Every target reports: all 3 targets sent data in the last 10 min.');
    expect(ask('which hosts stopped reporting?', c)[0]).toMatch(/^Not reporting: api-1 .*, api-2 /);
  });
});

describe('"who is the busiest responder?"', () => {
  it('is the responders ranking', () => {
    expect(parseIntent('who is the busiest responder?', fleet).kind).toBe('responders');
  });
});

describe('"add a note to the last alert: …"', () => {
  it('notes the newest anomaly, on the host named if one is', () => {
    expect(noteCommand('add a note to the last alert: caused by backup job', {})).toEqual({
      kind: 'note',
      latest: true,
      text: 'caused by backup job',
    });
    // The words after the colon are the note, whatever they say.
    expect(noteCommand('note: the last alert was a deploy', {})).toEqual({ kind: 'note', text: 'the last alert was a deploy' });
    const store = createSqliteStore(':memory:');
    store.upsertAnomaly(resolvedAnomaly('an_api1', NOW, { target: 'api-1', startTs: NOW - 2 * H, endTs: NOW - H }));
    store.upsertAnomaly(resolvedAnomaly('an_db1', NOW, { target: 'db-1', startTs: NOW - H, endTs: NOW - H / 2 }));
    const user = { platform: 'web' as const, id: 'alice', name: 'alice', roles: [] };
    // Before: "On which alert?".
    expect(addNote(noteCommand('add a note to the last alert: caused by backup job', {})!, user, NOW, { store }).text).toMatch(
      /^Noted on an_db1 \(db-1 CPU\) by web:alice: "caused by backup job"/,
    );
    const onApi = noteCommand('note on the latest api-1 alert: cron', { target: 'api-1' })!;
    expect(addNote(onApi, user, NOW, { store }).text).toMatch(/^Noted on an_api1 /);
  });
});

describe('"did the deploy on api-1 break anything?"', () => {
  it("is the anomalies since the latest deploy there, not api-1's figures", () => {
    expect(parseIntent('did the deploy on api-1 break anything?', fleet)).toMatchObject({
      kind: 'anomalies',
      afterChange: 'deploy',
      target: 'api-1',
    });
    expect(parseIntent('did the release to api-2 cause any problems', fleet)).toMatchObject({ afterChange: 'deploy', target: 'api-2' });
  });
});

describe('"how many alerts per day on average?"', () => {
  function watched(days: number, episodes: number): AnswerContext {
    const store = createSqliteStore(':memory:');
    store.setKv(WATCHING_SINCE, String(NOW - days * D));
    for (let k = 0; k < episodes; k++) {
      const startTs = NOW - ((k + 0.5) * days * D) / episodes;
      store.upsertAnomaly(resolvedAnomaly(`an_p${k}`, NOW, { target: 'api-1', startTs, endTs: startTs + 600_000 }));
      // Every other episode has a second detector on it.
      if (k % 2 === 0)
        store.upsertAnomaly(resolvedAnomaly(`an_q${k}`, NOW, { target: 'api-1', detector: 'robust', startTs, endTs: startTs + 600_000 }));
    }
    return { store, targets: fleet, now: NOW, staleAfterMs: 90_000 };
  }

  it('leads with the rate in the unit asked, of episodes', () => {
    const p = (q: string) => parseIntent(q, fleet);
    expect(p('how many alerts per day on average?')).toMatchObject({ count: true, rate: 'day' });
    // Before: the days ranked, or this week against weeks before that were never watched.
    expect(p('how many alerts do we get per day?')).toMatchObject({ count: true, rate: 'day' });
    expect(p('how many alerts do we get per day?')).not.toHaveProperty('rank');
    expect(p('average number of alerts per week')).toMatchObject({ kind: 'anomalies', count: true, rate: 'week' });
    expect(p("what's our hourly alert rate")).toMatchObject({ count: true, rate: 'hour' });
    // A ranking or a comparison stays one.
    expect(p('alerts per day')).toMatchObject({ rank: 'day' });
    expect(p('which day had the most alerts')).toMatchObject({ rank: 'day' });
    expect(p('more alerts than usual?').kind).toBe('anomaly_change');
    // 20 episodes (30 anomalies) over 4 days watched.
    const c = watched(4, 20);
    expect(ask('how many alerts per day on average?', c)[0]).toBe(
      'On average 5.1 episodes a day (20 episodes of 30 anomalies in the 3 d 22 h watched).',
    );
    expect(ask('average number of alerts per week', c)[0]).toBe(
      'On average 36 episodes a week (20 episodes of 30 anomalies in the 3 d 22 h watched; less than a week watched, so that is the rate seen, scaled up).',
    );
    expect(ask("what's our hourly alert rate", c)[0]).toBe(
      'On average 0.2 episodes an hour (20 episodes of 30 anomalies in the 3 d 22 h watched).',
    );
  });
});

describe('"did it work?"', () => {
  /** A restart of api-1 that ran 20 min ago for an anomaly that ended `endedAfterMin` later (null: still open). */
  function ran(over: Partial<Proposal>, endedAfterMin: number | null): AnswerContext {
    const store = createSqliteStore(':memory:');
    const ranTs = NOW - 20 * 60_000;
    const endTs = endedAfterMin === null ? null : ranTs + endedAfterMin * 60_000;
    store.upsertAnomaly(
      endTs === null
        ? { ...resolvedAnomaly('an_mem', NOW, { target: 'api-1', metric: 'memory', startTs: NOW - H }), status: 'open', endTs: null }
        : resolvedAnomaly('an_mem', NOW, { target: 'api-1', metric: 'memory', startTs: NOW - H, endTs }),
    );
    const p = { ...PROPOSAL, id: 'rp_mem', anomalyId: 'an_mem', target: 'api-1', executor: 'script' as const, state: 'succeeded' as const };
    store.insertProposal(
      { ...p, ...over, createdTs: ranTs - 60_000, updatedTs: ranTs },
      { proposalId: 'rp_mem', from: null, to: 'proposed', actor: 'pipeline', ts: ranTs - 60_000, note: 'restart' },
    );
    return { store, targets: fleet, now: NOW, staleAfterMs: 90_000 };
  }

  it('leads with a verdict: yes, no, not so far, or that nothing really ran', () => {
    expect(namedIt({ kind: 'unknown' }, 'did it work?', {})).toEqual({ kind: 'history', limit: 1, ran: true, worked: true });
    expect(parseIntent('did the restart on api-1 help?', fleet)).toMatchObject({ kind: 'history', worked: true });
    const first = (c: AnswerContext) => ask('did the restart on api-1 help?', c)[0];
    expect(first(ran({}, 3))).toBe('It looks so: an_mem ended 3 min after it ran (other things may have helped too).');
    expect(first(ran({}, 45))).toBe('Not clearly: an_mem ended only 45 min after it ran.');
    expect(first(ran({}, null))).toBe('Not so far: it ran and succeeded, but an_mem is still open 20 min later.');
    expect(first(ran({}, -5))).toBe('It ran after an_mem had already ended, so there was nothing left for it to fix.');
    expect(first(ran({ state: 'failed', result: 'script exited 1' }, null))).toBe('No: rp_mem failed (script exited 1).');
    expect(first(ran({ executor: 'simulate' }, 3))).toBe(
      'Nothing really ran: rp_mem was a simulation (executor "simulate"), so it cannot have helped; what followed is below.',
    );
    // A history not asking whether it worked has no verdict.
    expect(ask('last restart on api-1', ran({}, 3))[0]).toMatch(/^The last /);
  });
});

describe('"what\'s this alert about?"', () => {
  it('is the alert this conversation last named, not the newest anywhere', () => {
    const p = (q: string) => parseIntent(q, fleet);
    // Before: {kind: 'explain'}, the newest anomaly of the fleet.
    expect(p("what's this alert about?")).toEqual({ kind: 'explain', it: true });
    expect(p('explain this alert')).toEqual({ kind: 'explain', it: true });
    expect(p('explain it')).toEqual({ kind: 'explain', it: true });
    expect(itOf(p("what's this alert about?"), 'an_named')).toMatchObject({ kind: 'explain', id: 'an_named' });
    // "The alert", a host's alert or a severity: as before.
    expect(p('explain the alert')).toEqual({ kind: 'explain' });
    expect(p("what's the disk alert on api-1 about?")).toMatchObject({ kind: 'explain', target: 'api-1', metric: 'disk' });
    expect(p('explain the last critical alert')).toEqual({ kind: 'explain', severity: 'critical' });
  });
});

describe('"page the on-call about db-1" with nothing open there', () => {
  it('says who holds it and how to raise it all the same', () => {
    const store = createSqliteStore(':memory:');
    const people = createOnCall(
      onCallSchema.parse({
        members: [{ name: 'alice', slack: '<@UALICE>' }, { name: 'bob' }],
        shiftHours: 24,
        handoff: '2026-12-01T09:00:00Z',
      }),
      { store, clock: { now: () => NOW } },
    );
    const e = createAlertEscalation({ store, actor: (u) => `${u.platform}:${u.id}`, mentions: {}, people });
    const page = (q: string) =>
      e.escalate(parseIntent(q, fleet) as Extract<Intent, { kind: 'escalate' }>, { platform: 'slack', id: 'UOPS', roles: [] }, NOW).text;
    // Before: "No open alert on db-1: nothing escalated."
    expect(page('page the on-call about db-1')).toBe(
      'No open alert on db-1: nothing paged. alice (on call now) is the one to reach. To raise something no alert shows, "open an incident on db-1: <what you see>" posts it to the alert channels.',
    );
    expect(page('escalate db-1')).toBe('No open alert on db-1: nothing escalated.');
  });
});

describe('"is everything ok?" and "top 3 things to fix"', () => {
  function fleetWith(o: { open?: boolean; incident?: boolean }): AnswerContext {
    const store = createSqliteStore(':memory:');
    if (o.open) {
      store.upsertAnomaly({ ...resolvedAnomaly('an_o1', NOW, { target: 'api-1', startTs: NOW - H }), status: 'open', endTs: null });
      store.upsertAnomaly({
        ...resolvedAnomaly('an_o2', NOW, { target: 'db-1', severity: 'critical', startTs: NOW - H }),
        status: 'open',
        endTs: null,
      });
    }
    if (o.incident)
      store.appendRecord('incident_declared', NOW - H, { id: 'in_db1', title: 'replication lag', targets: ['db-1'], actor: 'web:ann' });
    return { store, targets: fleet, now: NOW, staleAfterMs: 90_000 };
  }

  it('puts the counts in the head, and never says "nothing needs attention" under an open incident', () => {
    expect(ask('is everything ok?', fleetWith({ open: true, incident: true }))[0]).toBe(
      'Needs attention (2026-12-07 12:00:00 UTC): 2 open anomalies (1 critical), 1 incident declared.',
    );
    const quiet = ask('is everything ok?', fleetWith({ incident: true }));
    expect(quiet[0]).toMatch(/^Incident open: in_db1 "replication lag" on db-1/);
    // Before: "Nothing needs attention: …" under the incident.
    expect(quiet[1]).toMatch(/^Besides the incidents above: .* no open anomalies, nothing waiting for approval\.$/);
    expect(ask('is everything ok?', fleetWith({}))[0]).toMatch(/^Nothing needs attention: /);
  });

  it('gives as many priorities as asked, and says how many more there are', () => {
    const p = (q: string) => parseIntent(q, fleet);
    // Before: the LLM fallback.
    expect(p('top 3 things to fix')).toEqual({ kind: 'status', priorities: 7 * D, top: 3 });
    expect(p('our 5 biggest problems')).toMatchObject({ priorities: 7 * D, top: 5 });
    expect(p('top 3 risks')).toMatchObject({ top: 3 });
    expect(p('what should we fix this week?')).toEqual({ kind: 'status', priorities: 7 * D });
    // Asked of the past: the series ranked, as before.
    expect(p('what were the top 3 problems this week?')).toMatchObject({ kind: 'anomalies', rank: 'series', limit: 3 });
    const c = fleetWith({ incident: true });
    c.store.appendRecord('incident_declared', NOW - 2 * H, { id: 'in_api', title: 'api errors', targets: ['api-1'], actor: 'web:ann' });
    const lines = ask('top 1 things to fix', c);
    expect(lines.filter((l) => /^\d\. /.test(l))).toHaveLength(1);
    expect(lines).toContain('1 more below these; ask without a number for all.');
  });
});

describe('"how did db-1 do overnight?"', () => {
  it('lists the anomalies then by episode when detectors share them', () => {
    const store = createSqliteStore(':memory:');
    store.saveSamples([{ target: 'db-1', metric: 'cpu', ts: NOW - 8 * H, value: 30 }]);
    for (const [k, startTs] of [NOW - 10 * H, NOW - 9 * H].entries()) {
      store.upsertAnomaly(resolvedAnomaly(`an_t${k}`, NOW, { target: 'db-1', metric: 'disk', startTs, endTs: startTs + 600_000 }));
      store.upsertAnomaly(
        resolvedAnomaly(`an_r${k}`, NOW, { target: 'db-1', metric: 'disk', detector: 'robust', startTs, endTs: startTs + 600_000 }),
      );
    }
    const lines = ask('how did db-1 do overnight?', { store, targets: fleet, now: NOW, staleAfterMs: 90_000 });
    const at = lines.findIndex((l) => l.startsWith('Anomalies on db-1 then'));
    expect(lines[at]).toBe('Anomalies on db-1 then: 4 in 2 episodes:');
    expect(lines.slice(at + 1)).toHaveLength(2);
    expect(lines[at + 1]).toMatch(
      /^• db-1 disk \[warning\]: .*2 anomalies: .*an_r1.*an_t1|^• db-1 disk \[warning\]: .*2 anomalies: .*an_t1.*an_r1/,
    );
  });
});

describe('"does high cpu on api-1 cause latency?"', () => {
  it('is the two series correlated, not the cpu verdict', () => {
    const p = (q: string) => parseIntent(q, fleet);
    // Before: the detectors' verdict on api-1 CPU alone.
    expect(p('does high cpu on api-1 cause latency?')).toEqual({ kind: 'correlate', metrics: ['cpu', 'latency'], target: 'api-1' });
    expect(p('is latency on api-1 driven by cpu?')).toEqual({ kind: 'correlate', metrics: ['latency', 'cpu'], target: 'api-1' });
    expect(p('does memory affect latency on api-2')).toMatchObject({ kind: 'correlate', metrics: ['memory', 'latency'] });
    // One metric: what is behind it, as before.
    expect(p("what's causing high cpu on api-1")).toMatchObject({ kind: 'explain', target: 'api-1', metric: 'cpu' });
  });
});

describe('"how many alerts fired at night?"', () => {
  it('leaves out incidents declared, which are not cut by the part of the day', () => {
    const store = createSqliteStore(':memory:');
    const night = Date.UTC(2026, 11, 7, 2);
    store.upsertAnomaly(resolvedAnomaly('an_n1', NOW, { target: 'api-1', startTs: night, endTs: night + 600_000 }));
    store.appendRecord('incident_declared', NOW - H, { id: 'in_day', title: 'daytime', targets: [], actor: 'web:ann' });
    const c: AnswerContext = { store, targets: fleet, now: NOW, staleAfterMs: 90_000 };
    expect(ask('how many alerts fired at night?', c).some((l) => l.includes('in_day'))).toBe(false);
    expect(ask('how many alerts today?', c).some((l) => l.includes('in_day'))).toBe(true);
  });
});

describe('"how long has api-1 cpu been high?" when it keeps re-opening', () => {
  it('says the run of episodes and the share of it open before the one open now', () => {
    const store = createSqliteStore(':memory:');
    // Six 5 min episodes, one every 10 min from 11:00; the last, from 11:50, still open.
    for (let k = 0; k < 6; k++) {
      const startTs = NOW - H + k * 10 * 60_000;
      const a = resolvedAnomaly(`an_f${k}`, NOW, { target: 'api-1', startTs, endTs: startTs + 5 * 60_000 });
      store.upsertAnomaly(k === 5 ? { ...a, status: 'open', endTs: null } : a);
    }
    const lines = ask('how long has api-1 cpu been high?', { store, targets: fleet, now: NOW, staleAfterMs: 90_000 });
    expect(lines[0]).toBe('The open anomaly for api-1 CPU:');
    // 5 closed × 5 min + the open one's 10 min, of the hour since 11:00.
    expect(lines[1]).toBe(
      'api-1 CPU has been alerting on and off since 2026-12-07 11:00:00 UTC (60 min): 6 episodes, each within 30 min of the last, open 58% of that time. This one began 10 min ago.',
    );
    // Alone, it is only itself.
    const one = createSqliteStore(':memory:');
    one.upsertAnomaly({ ...resolvedAnomaly('an_one', NOW, { target: 'api-1', startTs: NOW - 600_000 }), status: 'open', endTs: null });
    expect(ask('how long has api-1 cpu been high?', { store: one, targets: fleet, now: NOW, staleAfterMs: 90_000 })[1]).not.toMatch(
      /on and off/,
    );
  });
});

describe('"help slo" and help on a word no topic has', () => {
  it('gives the help lines about it, not the whole help', () => {
    // Before: 'Nothing in the help is about "slo"', then every line.
    const slo = helpFor('slo').split('\n');
    expect(slo[0]).toBe('About slo, try:');
    expect(slo.some((l) => l.includes('how many nines last week?'))).toBe(true);
    expect(slo.length).toBeLessThan(6);
    const network = helpFor('network').split('\n');
    expect(network[0]).toBe('About network, try:');
    expect(network.every((l, k) => k === 0 || k === network.length - 1 || /\bnetwork/.test(l))).toBe(true);
    expect(helpFor('zebra')).toMatch(/^Nothing in the help is about "zebra"; everything I answer:/);
  });
});

describe('"what\'s memory usage across the fleet?"', () => {
  it('leads with the fleet average, as "overall" and "fleet-wide" do', () => {
    expect(parseIntent("what's memory usage across the fleet?", fleet)).toEqual({ kind: 'metrics', metric: 'memory', stat: 'avg' });
    expect(parseIntent('cpu across all hosts', fleet)).toEqual({ kind: 'metrics', metric: 'cpu', stat: 'avg' });
    expect(parseIntent('alerts across the fleet today', fleet)).toMatchObject({ kind: 'anomalies', today: true });
  });
});
