import { describe, expect, it } from 'vitest';
import { alertKey } from '../../../src/bot/alert-keys.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { answerPolicy, policyFactsOf } from '../../../src/bot/answer-policy.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { s3StateLine } from '../../../src/bot/s3-state.js';
import { nearestThresholds } from '../../../src/bot/nearest-thresholds.js';
import type { Proposal } from '../../../src/core/remediation.js';
import { WATCHING_SINCE } from '../../../src/core/watching-since.js';
import { configSchema } from '../../../src/config/schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';
import { D, fleet, H, NOW } from '../../fixtures/slo-fleet.js';

const M = 60_000;

function ctx(): AnswerContext {
  return { store: createSqliteStore(':memory:'), targets: fleet, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, fleet), c).split('\n');

describe('"is the S3 upload working?"', () => {
  it('is the S3 answer, led by how the uploads stand', () => {
    // Before: the whole "about" answer, S3 on its seventh line.
    for (const q of ['is the s3 upload working?', 'are records reaching s3?', 'is s3 down?', 'are uploads failing?'])
      expect(parseIntent(q, fleet), q).toEqual({ kind: 'integrations', systems: ['s3'] });
    expect(s3StateLine(undefined, NOW)).toMatch(/^S3 uploads are off here \(records\.s3\.bucket or SCO_S3_BUCKET\)/);
    expect(s3StateLine({ ok: true, backlog: 0, lastUpload: new Date(NOW - 2 * M).toISOString() }, NOW)).toBe(
      'S3 uploads work: the last batch landed at 2026-12-07 11:58:00 UTC, 2 min ago; 0 batches waiting.',
    );
    expect(
      s3StateLine(
        {
          ok: false,
          backlog: 3,
          lastUpload: new Date(NOW - H).toISOString(),
          lastErrorAt: new Date(NOW - M).toISOString(),
          lastError: 'Access Denied',
        },
        NOW,
      ),
    ).toBe(
      'S3 uploads are FAILING: the last try, at 2026-12-07 11:59:00 UTC, 60 s ago, failed: "Access Denied". The last batch landed at 2026-12-07 11:00:00 UTC, 60 min ago; 3 batches waiting and are retried with backoff, so nothing is lost.',
    );
  });
});

describe('"summarise the last 3 anomalies"', () => {
  it('leads the list with one line over those listed', () => {
    const c = ctx();
    const put = (id: string, target: string, startTs: number, endTs: number | null, severity: 'warning' | 'critical' = 'warning') =>
      c.store.upsertAnomaly(
        resolvedAnomaly(id, NOW, {
          target,
          key: `${target}|cpu|threshold`,
          startTs,
          endTs,
          severity,
          ...(endTs ? {} : { status: 'open' }),
        }),
      );
    put('an_a', 'api-1', NOW - 50 * M, NOW - 46 * M);
    put('an_b', 'api-1', NOW - 30 * M, NOW - 28 * M, 'critical');
    put('an_c', 'api-1', NOW - 10 * M, null);
    put('an_old', 'db-1', NOW - 5 * H, NOW - 4 * H);
    const lines = ask('summarise the last 3 anomalies', c);
    expect(lines[0]).toBe(
      'In short: 3 anomalies, all on api-1 CPU; 2 warning, 1 critical, found by threshold; from 2026-12-07 11:10:00 UTC to now; 2 resolved after a median 2 min, 1 still open for 10 min.',
    );
    expect(lines[1]).toMatch(/; the last 3:$/);
    // A list not asked to be summarised has no such line.
    expect(ask('the last 3 anomalies', c)[0]).toMatch(/; the last 3:$/);
  });
});

describe('a long remediation history', () => {
  it('opens with how the proposals ended', () => {
    const c = ctx();
    const put = (id: string, state: Proposal['state'], ago: number) =>
      c.store.insertProposal(
        { ...PROPOSAL, id, target: 'api-1', state, createdTs: NOW - ago - M, updatedTs: NOW - ago, expiresTs: NOW + H },
        { proposalId: id, from: null, to: state, actor: 'pipeline', ts: NOW - ago, note: '' },
      );
    for (let k = 0; k < 4; k++) put(`rp_w${k}`, 'withdrawn', (k + 1) * 10 * M);
    put('rp_e', 'expired', 70 * M);
    put('rp_s', 'succeeded', 80 * M);
    const lines = ask('what did the bot do today?', c);
    expect(lines[0]).toBe(
      'In short: 6 remediations: 4 withdrawn, 1 expired undecided, 1 succeeded (a dry run or simulation: no host was touched).',
    );
    expect(lines[1]).toMatch(/^The last 6 remediations today/);
    // A short one, or one filtered by outcome, keeps its first line.
    expect(ask('the last 2 remediations', c)[0]).toMatch(/^The last 2 remediations/);
  });
});

describe('"is dry run on?"', () => {
  it('leads with whether anything runs for real', () => {
    for (const q of ['is dry run on?', 'are we in dry-run mode?', 'is auto-remediation on?', 'is the bot allowed to restart things?'])
      expect(parseIntent(q, fleet), q).toEqual({ kind: 'policy', focus: 'modes' });
    const rule = { when: {}, params: {}, executor: 'simulate', cooldownSeconds: 60 };
    const config = configSchema.parse({
      remediation: {
        rules: [
          { ...rule, name: 'scale', action: 'scale_up', mode: 'approval' },
          { ...rule, name: 'clean', action: 'cleanup_disk', mode: 'dry_run' },
        ],
      },
    });
    const user = { platform: 'web' as const, id: 'alice', roles: [], approver: false };
    // Before: the allowed actions first, the modes in a list after them.
    expect(answerPolicy(policyFactsOf(config), user, 'modes').split('\n')[0]).toBe(
      'Partly: 1 of 2 rules is a dry run ("clean"); 1 waits for an approver ("scale"); none runs by itself (no rule is in auto mode). The one that can run uses the simulate executor: even an approved action touches no host.',
    );
    const allDry = {
      ...policyFactsOf(config),
      rules: config.remediation.rules.map((r) => ({ ...r, mode: 'dry_run' as const })),
    };
    expect(answerPolicy(allDry, user, 'modes').split('\n')[0]).toBe('Yes: every rule is a dry run (proposed and recorded, never run).');
    const live = { ...allDry, rules: [{ ...allDry.rules[0]!, name: 'scale', mode: 'approval' as const, executor: 'aws' as const }] };
    expect(answerPolicy(live, user, 'modes').split('\n')[0]).toBe(
      'No: no rule is a dry run; 1 waits for an approver ("scale"); none runs by itself (no rule is in auto mode).',
    );
    // "Are you allowed to scale up api-1?" is what the rules allow there.
    expect(parseIntent('are you allowed to scale up api-1?', fleet)).toEqual({
      kind: 'rules',
      target: 'api-1',
      action: 'scale_up',
      only: 'remediation',
    });
  });
});

describe('"why wasn\'t I paged?"', () => {
  function posted(where: { platform: 'slack' | 'web'; channel: string; mentions?: string[] }[], routing = configSchema.parse({}).chat) {
    const c = { ...ctx(), routing };
    const at = NOW - 20 * M;
    c.store.upsertAnomaly(resolvedAnomaly('an_p', NOW, { target: 'api-1', startTs: at, endTs: NOW - 5 * M, severity: 'warning' }));
    c.store.chat.linkAlert('an_p', alertKey('api-1', at));
    c.store.chat.addDestinations(alertKey('api-1', at), where, at);
    return c;
  }

  it('says in one line why nobody was pinged, before the timeline', () => {
    const web = ask("why wasn't I paged?", posted([{ platform: 'web', channel: 'console' }]));
    expect(web[0]).toBe(
      'Nobody was pinged: it was posted to the web console with no mention, as the web console has nobody to ping; no route sets mentions (chat.routes[].mentions); no escalation pages anyone (chat.escalate.afterMinutes and mentions).',
    );
    expect(web[1]).toMatch(/^The latest alert/);
    // Escalation set for critical alerts only, and this one was a warning.
    const routing = configSchema.parse({ chat: { escalate: { afterMinutes: 10, mentions: { slack: ['<@U99>'] } } } }).chat;
    expect(ask("why didn't anyone get pinged?", posted([{ platform: 'slack', channel: 'C1' }], routing))[0]).toBe(
      'Nobody was pinged: it was posted to Slack with no mention, as no route sets mentions (chat.routes[].mentions); chat.escalate pages only for critical alerts, and this one was warning.',
    );
    expect(ask("why wasn't I paged?", posted([{ platform: 'slack', channel: 'C1', mentions: ['<@U1>'] }]))[0]).toBe(
      'It did ping <@U1>; if you are not among them, "who gets paged for api-1?" shows who its route pings.',
    );
    // The timeline asked plainly has no such line.
    expect(ask('timeline', posted([{ platform: 'web', channel: 'console' }]))[0]).toMatch(/^The latest alert/);
  });

  it('reads "did anything page last night?" as who was paged', () => {
    // Before: not understood.
    expect(parseIntent('did anything page last night?', fleet)).toMatchObject({ kind: 'pages', span: { kind: 'range' } });
    expect(parseIntent('what woke me up?', fleet)).toEqual({ kind: 'pages' });
  });
});

describe('figures no source here reads', () => {
  it('says replication lag is not collected, rather than giving the host overview', () => {
    expect(parseIntent("how's db-1 replication lag?", fleet)).toEqual({ kind: 'uncollected', what: 'replication lag', target: 'db-1' });
    expect(parseIntent('is the replica lagging?', fleet)).toEqual({ kind: 'uncollected', what: 'replication lag' });
    expect(parseIntent('declare incident replication lag growing on db-1', fleet)).toMatchObject({ kind: 'incident' });
  });
});

describe('"when is cpu usually highest on api-1?"', () => {
  it('ranks the hours of the day, not the usual range now', () => {
    for (const q of ['when is cpu usually highest on api-1?', 'what time of day is cpu highest on api-1?'])
      expect(parseIntent(q, fleet), q).toEqual({
        kind: 'metrics',
        metric: 'cpu',
        target: 'api-1',
        span: { kind: 'last', ms: 7 * D },
        byHour: 'max',
        hourOfDay: true,
      });
    expect(parseIntent("what's the usual cpu on api-1?", fleet)).toMatchObject({ kind: 'explain', usual: true });
  });
});

describe('two days of alerts side by side', () => {
  it('"compare yesterday with the day before" is two whole days', () => {
    // Before: not understood, or today so far against yesterday.
    for (const q of ['compare yesterday with the day before', 'was yesterday worse than the day before?'])
      expect(parseIntent(q, fleet), q).toEqual({ kind: 'anomaly_change', period: 'yesterday', ms: D });
    const c = ctx();
    c.store.setKv(WATCHING_SINCE, String(NOW - 10 * D));
    const at = (ts: number, id: string) => c.store.upsertAnomaly(resolvedAnomaly(id, NOW, { startTs: ts, endTs: ts + 5 * M }));
    // Yesterday (12-06) twice, the day before (12-05) once, today once.
    at(NOW - 20 * H, 'an_y1');
    at(NOW - 14 * H, 'an_y2');
    at(NOW - 40 * H, 'an_d1');
    at(NOW - H, 'an_t1');
    const lines = ask('compare yesterday with the day before', c);
    expect(lines[0]).toBe('Anomalies, yesterday (12-06) against the day before (12-05):');
    expect(lines).toContain('Up 100%: 2 episodes against 1.');
  });

  it('"compare today with yesterday" says so when too little of today was watched', () => {
    const c = ctx();
    c.store.setKv(WATCHING_SINCE, String(NOW - 10 * D));
    // Down from 00:30 to 11:00 today: restarted an hour ago.
    c.store.appendRecord('started', NOW - H, { lastTickBeforeTs: NOW - 11.5 * H });
    const lines = ask('compare today with yesterday', c);
    // Before: "Down 100%", a rate from the one hour watched against a whole watched day.
    expect(lines[0]).toBe(
      'I watched only 1 h 30 min of the 12 h of today so far (to 12:00 UTC): I was not running for the rest, too little to compare anomalies with yesterday to 12:00 UTC.',
    );
  });
});

describe('"how long has api-1 been alerting?"', () => {
  it('leads with the stretch going on now, or when the last one ended', () => {
    const c = ctx();
    const put = (id: string, metric: string, startTs: number, endTs: number | null) =>
      c.store.upsertAnomaly(
        resolvedAnomaly(id, NOW, {
          target: 'api-1',
          metric,
          key: `api-1|${metric}|threshold`,
          startTs,
          endTs,
          ...(endTs ? {} : { status: 'open' }),
        }),
      );
    // Memory from 11:00 to 11:40, CPU from 11:30 and still open: in alert without a break since 11:00.
    put('an_mem', 'memory', NOW - H, NOW - 20 * M);
    put('an_cpu', 'cpu', NOW - 30 * M, null);
    put('an_old', 'disk', NOW - 5 * H, NOW - 4 * H);
    expect(parseIntent('how long has api-1 been alerting?', fleet)).toMatchObject({ timeTo: 'open', ongoing: true });
    // Before: the time in alert over everything kept, with nothing on now.
    expect(ask('how long has api-1 been alerting?', c)[0]).toBe(
      'api-1 has been alerting for 60 min, without a break since 2026-12-07 11:00:00 UTC: 1 open now (api-1 CPU).',
    );
    c.store.upsertAnomaly(resolvedAnomaly('an_db', NOW, { target: 'db-1', startTs: NOW - 3 * H, endTs: NOW - 2 * H - 50 * M }));
    expect(ask('how long has db-1 been alerting?', c)[0]).toBe(
      'db-1 is not alerting now: the last alert (db-1 CPU, an_db) ended at 2026-12-07 09:10:00 UTC, 2 h 50 min ago, after 10 min.',
    );
    // A time said is the time in alert then, as before.
    expect(parseIntent('how long was api-1 alerting yesterday?', fleet)).not.toHaveProperty('ongoing');
    // "Been bad" of a metric is its episode, as "been high" is.
    expect(parseIntent('how long has api-1 latency been bad?', fleet)).toEqual({ kind: 'explain', target: 'api-1', metric: 'latency' });
  });
});

describe('"what incidents are open?" with anomalies open too', () => {
  it('leads with the declared incidents still open, not the resolved ones after the list', () => {
    const c = ctx();
    c.store.appendRecord('incident_declared', NOW - H, { id: 'in_a', title: 'api slow', targets: ['api-1'], actor: 'web:alice' });
    c.store.appendRecord('incident_declared', NOW - 3 * H, { id: 'in_b', title: 'old', targets: ['db-1'], actor: 'web:bob' });
    c.store.appendRecord('incident_resolved', NOW - 2 * H, { id: 'in_b', actor: 'web:bob' });
    c.store.upsertAnomaly(resolvedAnomaly('an_o', NOW, { target: 'api-1', startTs: NOW - 10 * M, endTs: null, status: 'open' }));
    const lines = ask('what incidents are open?', c);
    // Before: the episodes first, then "Incidents declared then: 2" with the resolved one in it.
    expect(lines[0]).toMatch(/^Declared and still open: in_a "api slow" on api-1: commander web:alice/);
    expect(lines[1]).toMatch(/^1 open anomaly/);
    expect(lines.join('\n')).not.toContain('in_b');
  });

  it('reads an incident named by its role or title as the declared one, and one naming a host as its alert', () => {
    expect(parseIntent('resolve the api latency incident', fleet)).toEqual({
      kind: 'incident',
      action: 'resolve',
      targets: ['api-1', 'api-2'],
    });
    expect(parseIntent("what's the timeline of the api latency incident?", fleet)).toEqual({
      kind: 'incident',
      action: 'timeline',
      targets: ['api-1', 'api-2'],
    });
    expect(parseIntent('timeline of the api-1 disk incident', fleet)).toEqual({ kind: 'timeline', target: 'api-1', metric: 'disk' });
    expect(parseIntent('close the incident', fleet)).toEqual({ kind: 'incident', action: 'resolve' });
  });
});

describe('a deploy and a threshold asked about', () => {
  it('"did the deploy break anything?" lists what opened on the hosts it was said of, and counts the rest', () => {
    const c = ctx();
    c.store.appendRecord('change', NOW - 2 * H, { id: 'ch_dep', targets: ['api-1'], text: 'deployed v2.3 to api-1', actor: 'web:alice' });
    const at = (id: string, target: string, ago: number) =>
      c.store.upsertAnomaly(resolvedAnomaly(id, NOW, { target, startTs: NOW - ago, endTs: NOW - ago + 5 * M }));
    at('an_api', 'api-1', H);
    at('an_db1', 'db-1', 30 * M);
    at('an_db2', 'db-1', 20 * M);
    at('an_api2', 'api-2', 10 * M);
    at('an_before', 'api-1', 3 * H);
    expect(parseIntent('did the deploy break anything?', fleet)).toEqual({
      kind: 'anomalies',
      limit: 50,
      today: false,
      afterChange: 'deploy',
      blame: true,
    });
    const lines = ask('did the deploy break anything?', c);
    expect(lines[0]).toMatch(/^After the latest deploy, ch_dep .*"deployed v2\.3 to api-1"/);
    // Before: every anomaly on every host since it, most on hosts the deploy did not touch.
    expect(lines.filter((l) => l.startsWith('• ')).map((l) => /an_\w+/.exec(l)![0])).toEqual(['an_api']);
    expect(lines.at(-1)).toBe(
      'Elsewhere since then, on hosts it was not said of: 3 anomalies (db-1 2, api-2 1); "anomalies since 10:00:00 UTC" lists them.',
    );
    // A time marker ("since the last deploy") is of the fleet, as before.
    const since = ask('any alerts since the last deploy?', c).filter((l) => l.startsWith('• '));
    expect(since.map((l) => /an_\w+/.exec(l)![0])).toEqual(['an_api2', 'an_db2', 'an_db1', 'an_api']);
  });

  it('"why is the disk threshold 90?" replays the rule, not the disk readings', () => {
    // Before: the explanation of disk on every host.
    expect(parseIntent('why is the disk threshold 90?', fleet)).toEqual({ kind: 'tune', metric: 'disk' });
    expect(parseIntent('why is the cpu threshold so low?', fleet)).toEqual({ kind: 'tune', metric: 'cpu' });
    expect(parseIntent('why is cpu high on api-1?', fleet)).toMatchObject({ kind: 'explain', target: 'api-1' });
    expect(parseIntent('how many alerts would a 95% cpu threshold have saved?', fleet)).toEqual({ kind: 'tune', metric: 'cpu', bound: 95 });
  });
});

describe('a silence until a day with no time', () => {
  it('ends at that day’s 09:00, not refused; an end still unreadable is refused', () => {
    // Before: refused, asking for a time (decision 0018).
    expect(parseIntent('mute db-1 until friday', fleet)).toMatchObject({ kind: 'silence', until: { minute: 540, day: { weekday: 5 } } });
    expect(parseIntent('snooze api-1 until tomorrow', fleet)).toMatchObject({ until: { minute: 540, day: { daysBack: -1 } } });
    expect(parseIntent('mute db-1 until dec 12 because of the migration', fleet)).toMatchObject({
      until: { minute: 540, day: { dayOfMonth: 12, month: 11 } },
      reason: 'the migration',
    });
    // A time said is kept.
    expect(parseIntent('snooze api-1 until tomorrow 14:00', fleet)).toMatchObject({ until: { minute: 840 } });
    expect(parseIntent('mute api-1 until later', fleet)).toMatchObject({ kind: 'bad_input' });
  });
});

describe('"what\'s everyone working on?"', () => {
  it('is who has taken on which open alert, as "who is working on what?" is', () => {
    // Before: not understood.
    for (const q of ["what's everyone working on?", 'what is the team looking at?'])
      expect(parseIntent(q, fleet), q).toEqual({ kind: 'ack_status' });
  });
});

describe('a filling disk in the capacity answer', () => {
  it('is named only within the reach the trend answer projects to (4× the samples)', () => {
    const c = ctx();
    const samples = [];
    // Two hours of samples: api-1 rising 1 point an hour from 60% (90% in a day: too far to say);
    // api-2 rising 8 points an hour from 60% (90% in about 2 h).
    for (let k = 240; k >= 0; k--) {
      const ts = NOW - k * 30_000;
      const h = (240 - k) / 120;
      samples.push({ target: 'api-1', metric: 'disk', ts, value: 60 + h }, { target: 'api-2', metric: 'disk', ts, value: 60 + 8 * h });
      for (const t of ['api-1', 'api-2'])
        samples.push({ target: t, metric: 'cpu', ts, value: 30 }, { target: t, metric: 'memory', ts, value: 50 });
    }
    c.store.saveSamples(samples);
    const lines = ask('capacity outlook for the api hosts', c);
    // Before: api-1 too was "disk at 90% in about 1 d", from two hours of samples.
    expect(lines[0]).toMatch(/^1 of 2 hosts have room; short or filling: api-2 \(disk at 90% in about 1 h 45 min\)\.$/);
    expect(lines.find((l) => l.startsWith('Disk reaching'))).toBe('Disk reaching 90% within 30 d at its trend: api-2.');
  });
});

describe('"why is api-1 alerting?"', () => {
  it('explains its alert, and says first when nothing is open there now', () => {
    // Before: api-1's readings.
    for (const q of ['why is api-1 alerting?', 'why is api-1 red?'])
      expect(parseIntent(q, fleet), q).toEqual({ kind: 'explain', target: 'api-1' });
    expect(parseIntent('why is api-1 over the threshold?', fleet)).toEqual({ kind: 'explain', target: 'api-1', detector: 'threshold' });
    // With a metric it is that figure now, as before.
    expect(parseIntent('why is cpu red on api-1?', fleet)).toEqual({ kind: 'explain', target: 'api-1', metric: 'cpu' });
    const c = ctx();
    c.store.upsertAnomaly(resolvedAnomaly('an_gone', NOW, { target: 'api-1', startTs: NOW - 3 * H, endTs: NOW - 2 * H }));
    const lines = ask('why is api-1 alerting?', c);
    expect(lines[0]).toBe('Nothing is open on api-1 now; the latest anomaly there ended 2 h ago.');
    expect(lines[1]).toMatch(/^The latest anomaly on api-1 /);
    c.store.upsertAnomaly(resolvedAnomaly('an_now', NOW, { target: 'api-1', startTs: NOW - 5 * M, endTs: null, status: 'open' }));
    expect(ask('why is api-1 alerting?', c)[0]).toMatch(/^The latest anomaly on api-1 /);
  });
});

describe('"which host is closest to alerting?" and "what should I watch today?"', () => {
  it('names a reading already past its line apart from the nearest, and leads with what is building', () => {
    const latest = new Map([
      ['api-1', new Map([['cpu', { target: 'api-1', metric: 'cpu', ts: NOW, value: 95 }]])],
      ['db-1', new Map([['cpu', { target: 'db-1', metric: 'cpu', ts: NOW, value: 80 }]])],
    ]);
    const rules = [{ metric: 'cpu', above: 90, forSamples: 3, severity: 'warning' as const }];
    // Before: "Nearest to a threshold now: api-1 CPU 95.0%, 5.0 points above …", a host already alerting as the closest.
    expect(nearestThresholds(['api-1', 'db-1'], rules, latest)).toBe(
      'Nearest to a threshold now: db-1 CPU 80.0%, 10.0 points below its warning line (above 90.0%). Past its line already: api-1 CPU 95.0%, 5.0 points above its warning line (above 90.0%).',
    );
    const c = { ...ctx(), thresholds: rules, detectors: { building: () => [] } } as unknown as AnswerContext;
    c.store.saveSamples([{ target: 'db-1', metric: 'cpu', ts: NOW - M, value: 80 }]);
    c.store.upsertAnomaly(resolvedAnomaly('an_open', NOW, { target: 'api-2', startTs: NOW - 5 * M, endTs: null, status: 'open' }));
    // Before: "Needs attention …" first, what is building under it.
    const lines = ask('which host is closest to alerting?', c);
    expect(lines[0]).toBe('Nothing about to open: no threshold rule is partly met.');
    expect(lines[1]).toMatch(/^Nearest to a threshold now: db-1 CPU 80\.0%/);
    expect(lines[2]).toMatch(/^Needs attention \(/);
    for (const q of ['what should I watch today?', 'will api-1 alert today?'])
      expect(parseIntent(q, fleet), q).toMatchObject({ kind: 'attention', building: true, aheadMs: 12 * H });
    expect(parseIntent('did api-1 alert today?', fleet)).toMatchObject({ kind: 'anomalies', today: true });
  });
});

describe('"when was the last time db-1 alerted?"', () => {
  it('is its latest alert, one, as "when did db-1 last alert?" is', () => {
    // Before: the last five.
    for (const q of ['when was the last time db-1 alerted?', 'when did db-1 last have an alert?'])
      expect(parseIntent(q, fleet), q).toEqual({ kind: 'anomalies', limit: 1, today: false, target: 'db-1' });
  });
});
