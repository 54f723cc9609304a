import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import type { Proposal } from '../../../src/core/remediation.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';
import { nearestThresholds } from '../../../src/bot/nearest-thresholds.js';
import { followUp } from '../../../src/bot/follow-up.js';
import { withBits } from '../../../src/bot/format-reply.js';
import { shareLines } from '../../../src/bot/anomaly-shares.js';
import type { AnomaliesIntent } from '../../../src/bot/parse-list-shape.js';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const MIN = 60_000;
const H = 60 * MIN;
const targets = [
  { name: 'web-1', role: 'web', region: 'us-east-1', address: '10.0.1.10:9100', labels: { env: 'demo', tier: 'frontend' } },
  { name: 'web-2', role: 'web' },
  { name: 'db-1', role: 'db' },
];

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const cfg = configSchema.parse({ chat: { escalate: { afterMinutes: 0, mentions: { slack: ['<!here>'] } } } });
  return { store, targets, now: NOW, staleAfterMs: 90_000, thresholds: cfg.thresholds, forecasts: cfg.forecasts, routing: cfg.chat };
}
const ask = (q: string, c: AnswerContext = ctx()) => answerIntent(parseIntent(q, targets), c).split('\n');

/** Resolved anomalies on a target, each lasting `mins` minutes, an hour apart. */
function resolvedOn(c: AnswerContext, target: string, mins: number[], from = NOW - 20 * H) {
  mins.forEach((m, k) => {
    const start = from + k * H;
    c.store.upsertAnomaly(
      resolvedAnomaly(`an_${target.replace('-', '')}x${k}`, start + m * MIN, { target, startTs: start, endTs: start + m * MIN }),
    );
  });
}

describe('where a remediation stands, asked by its action and target', () => {
  it('gives the latest one of that action there with its state and history, not the host figures', () => {
    const c = ctx();
    const p: Proposal = {
      ...PROPOSAL,
      id: 'rp_scale',
      target: 'web-2',
      action: 'scale_up',
      createdTs: NOW - 5 * MIN,
      updatedTs: NOW - 5 * MIN,
    };
    c.store.insertProposal(p, { proposalId: p.id, from: null, to: 'proposed', actor: 'pipeline', ts: p.createdTs, note: '' });
    for (const q of [
      'is the scale up on web-2 done?',
      "what's the status of the scale up on web-2?",
      'what happened to the scale up on web-2?',
    ]) {
      const lines = ask(q, c);
      expect(lines[0], q).toBe('The latest scale_up on web-2:');
      expect(lines[1], q).toMatch(/^rp_scale scale_up on web-2 \(approval, simulate\): proposed\./);
    }
    // None of that action there: said, not another host's or another action's.
    expect(ask('is the restart on db-1 done?', c)[0]).toBe('No restart_service on db-1 was proposed.');
  });
});

describe("a target's place asked by a field the inventory does not name", () => {
  it('gives the whole entry for its hostname, env or tier', () => {
    for (const q of ["what's the hostname of web-1?", 'which env is web-1 in?', 'what tier is web-1?'])
      expect(ask(q)[0], q).toBe('web-1: role web, region us-east-1, address 10.0.1.10:9100, env=demo, tier=frontend.');
  });
  it('refuses to tag, label or rename a target from chat, and leaves "mark an_… as noise" to feedback', () => {
    for (const q of ['mark web-1 as canary', 'tag web-1 with team=payments', 'rename web-1 to frontend-1', 'add a label to web-1'])
      expect(ask(q)[0], q).toBe(
        "I don't change my config from chat, so nothing was changed. Thresholds, forecasts, remediation rules, routes and approvers are in config/smartcloudops.json; targets are in the targets file (config/aws_targets.json), or come from Prometheus or EC2 discovery (docs/configuration.md).",
      );
    expect(parseIntent('mark an_abc123 as noise', targets)).toMatchObject({ kind: 'feedback', verdict: 'noise' });
  });
});

describe('"how do I escalate?"', () => {
  it('leads with the commands that page people now, then where alerts go', () => {
    for (const q of ['how do I escalate?', 'how can we page someone?', 'how does escalation work?']) {
      const lines = ask(q);
      expect(lines[0], q).toMatch(/^To escalate an open alert now: "escalate web-1" or "escalate an_…"/);
      expect(lines, q).toContain('No escalation is set (chat.escalate.afterMinutes is 0).');
    }
    // Silencing keeps its own how-to in the help text: its lines.
    expect(parseIntent('how do I silence an alert?', targets)).toEqual({ kind: 'help', topic: 'silence' });
  });
});

describe('the first anomalies, oldest first', () => {
  it('lists from the oldest kept, or of the day asked, and keeps "the oldest alert" as the one open longest', () => {
    const c = ctx();
    resolvedOn(c, 'web-1', [3, 4, 5], NOW - 6 * H);
    resolvedOn(c, 'db-1', [6], NOW - 30 * H);
    const first = ask("what's the oldest anomaly you have?", c);
    expect(first[0]).toBe('4 anomalies, 0 open; the first:');
    expect(first[1]).toMatch(/^• an_db1x0 /);
    const three = ask('first 2 alerts today', c);
    expect(three[0]).toBe('3 anomalies today (UTC), 0 open; the first 2:');
    expect(three.slice(1).map((l) => l.slice(0, 11))).toEqual(['• an_web1x0', '• an_web1x1']);
    expect(parseIntent('the oldest alert', targets)).toMatchObject({ open: true, longest: true, limit: 1 });
  });
});

describe('time to resolve by target', () => {
  it('ranks the targets by their median time to resolve, quickest first when asked so', () => {
    const c = ctx();
    resolvedOn(c, 'web-1', [2, 4, 30]);
    resolvedOn(c, 'db-1', [10, 12], NOW - 10 * H);
    const fast = ask('which host recovers fastest?', c);
    expect(fast[0]).toBe(
      "Time to resolve by target (median, start to the detector's all-clear), quickest first: web-1 4 min (3 resolved), db-1 10 min (2 resolved).",
    );
    expect(fast[1]).toMatch(/^Time to resolve \(start to the detector's all-clear, 5 resolved\): median 10 min/);
    expect(ask('mttr by host', c)[0]).toMatch(/slowest first: db-1 10 min \(2 resolved\), web-1 4 min \(3 resolved\)\.$/);
    // "Slowest" here is the time to resolve, not latency.
    expect(parseIntent('slowest resolution this week', targets)).toMatchObject({ kind: 'anomalies', timeTo: 'resolve', rank: 'target' });
  });
});

describe('alerts by hour, re-opened alerts and what is being ignored', () => {
  it('reads "when does web-2 usually spike?" and "any pattern?" as the hours of the day, ranked', () => {
    for (const q of [
      'when does web-2 usually spike?',
      'is there a pattern in web-2 alerts?',
      'does db-1 memory spike at the same time every day?',
    ])
      expect(parseIntent(q, targets), q).toMatchObject({ kind: 'anomalies', rank: 'hour' });
  });
  it('reads re-opened alerts as flapping, but not re-opened incidents, and "is anything being ignored?" as the silences', () => {
    expect(parseIntent('which alerts re-opened?', targets)).toEqual({ kind: 'flapping' });
    expect(parseIntent('did any alert come back after resolving?', targets)).toEqual({ kind: 'flapping' });
    expect(parseIntent('which incidents were reopened?', targets).kind).not.toBe('flapping');
    expect(ask('is anything being ignored?')[0]).toBe('Nothing is silenced.');
    expect(parseIntent("what's the sample rate?", targets)).toEqual({ kind: 'pipeline', focus: 'next' });
  });
});

describe('a range of values, the bottom of a ranking, and the members of a group', () => {
  it('keeps the readings between two figures, a unit on the top telling a range from a time', () => {
    const c = ctx();
    const at = NOW - 10_000;
    c.store.saveSamples([
      { ts: at, target: 'web-1', metric: 'disk', value: 45 },
      { ts: at, target: 'web-2', metric: 'disk', value: 61 },
      { ts: at, target: 'db-1', metric: 'disk', value: 40 },
    ]);
    const lines = ask('hosts where disk is between 40 and 60%', c);
    expect(lines[0]).toBe('2 of 3 targets have disk between 40.0% and 60.0% now:');
    expect(lines.slice(3, 5).map((l) => l.split(/\s+/)[0])).toEqual(['web-1', 'db-1']);
    expect(ask('is web-2 disk between 60 and 70%?', c)[0]).toBe('Yes: web-2 disk is 61.0% (at 11:59:50 UTC), between 60.0% and 70.0%.');
    expect(ask('which hosts have disk between 90% and 95%?', c)[0]).toBe(
      'No target has disk between 90.0% and 95.0% now (lowest: db-1 40.0%, highest: web-2 61.0%).',
    );
    expect(parseIntent('cpu between 9 and 10', targets)).toMatchObject({ span: { kind: 'range' } });
    expect(parseIntent('cpu between 9 and 10', targets)).not.toHaveProperty('bound');
  });
  it('ranks "bottom 3" lowest first, and reads the members of a group from the inventory', () => {
    expect(parseIntent('bottom 2 hosts by cpu', targets)).toEqual({ kind: 'metrics', metric: 'cpu', stat: 'min', limit: 2 });
    expect(parseIntent('how many hosts are in the web role?', targets)).toEqual({ kind: 'inventory', group: ['web-1', 'web-2'] });
    // A state asked of the group is its reporting, not its entries.
    expect(parseIntent('are any web hosts down?', targets)).toEqual({ kind: 'status', silent: true, group: ['web-1', 'web-2'] });
    expect(parseIntent('how many hosts are down in the web role?', targets)).toMatchObject({ kind: 'status', silent: true });
  });
  it('reads "what did that do?" as the last remediations, never a person called "that"', () => {
    expect(parseIntent('what did that do?', targets)).toEqual({ kind: 'history', limit: 10 });
    expect(parseIntent('what did bob do today?', targets)).toMatchObject({ kind: 'audit', actor: 'bob' });
  });
});

describe('how close a host is to alerting', () => {
  it('reads "how close", "closest thing to firing" and "what would trigger an alert" as the building rules and the rules', () => {
    expect(parseIntent('how close is web-1 to alerting?', targets)).toEqual({ kind: 'attention', target: 'web-1', building: true });
    expect(parseIntent("what's the closest thing to firing?", targets)).toEqual({ kind: 'attention', building: true });
    expect(parseIntent('what would trigger an alert on web-1?', targets)).toEqual({ kind: 'rules', target: 'web-1', only: 'thresholds' });
  });
  it('ranks the latest readings by the share of their threshold line they stand at, whatever the unit', () => {
    const s = (target: string, metric: string, value: number) => ({ ts: NOW, target, metric, value });
    const latest = new Map([
      [
        'web-1',
        new Map([
          ['cpu', s('web-1', 'cpu', 45)],
          ['latency_ms', s('web-1', 'latency_ms', 400)],
        ]),
      ],
      ['db-1', new Map([['disk', s('db-1', 'disk', 70)]])],
    ]);
    const rules = configSchema.parse({
      thresholds: [
        { metric: 'cpu', above: 90, severity: 'warning' },
        { metric: 'latency_ms', above: 500, severity: 'warning' },
        { metric: 'disk', above: 90, severity: 'critical', target: 'db-*' },
      ],
    }).thresholds;
    expect(nearestThresholds(['web-1', 'db-1'], rules, latest)).toBe(
      'Nearest to a threshold now: web-1 latency 400 ms, 100 ms below its warning line (above 500 ms); db-1 disk 70.0%, 20.0 points below its critical line (above 90.0%); web-1 CPU 45.0%, 45.0 points below its warning line (above 90.0%).',
    );
    expect(nearestThresholds(['web-1'], rules, latest, ['disk'])).toBeUndefined();
  });
});

describe('follow-ups on a list, and questions about one alert or remediation', () => {
  it('narrows the last anomaly list to its open, resolved or critical ones', () => {
    const prev = parseIntent('anomalies today', targets) as AnomaliesIntent;
    expect(prev.kind).toBe('anomalies');
    expect(followUp(prev, parseIntent('just the open ones', targets), 'just the open ones')).toEqual({ ...prev, open: true });
    expect(followUp({ ...prev, open: true }, parseIntent('only resolved', targets), 'only resolved')).toEqual({ ...prev, resolved: true });
    expect(followUp(prev, parseIntent('only the critical ones', targets), 'only the critical ones')).toEqual({
      ...prev,
      severity: 'critical',
    });
    // Not a list before: the words stand on their own.
    const read = parseIntent('cpu on web-1', targets);
    expect(followUp(read, parseIntent('just the open ones', targets), 'just the open ones').kind).not.toBe('metrics');
  });
  it('reads "the first one" and "will it resolve?" as the anomaly the conversation named, and the figures after a remediation as its effect', () => {
    for (const q of ['more detail on the first one', 'explain the first one', 'will it resolve on its own?'])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'explain', it: true });
    expect(parseIntent('did cpu go back to normal after the scale up?', targets)).toEqual({
      kind: 'history',
      limit: 1,
      action: 'scale_up',
      ran: true,
    });
    expect(parseIntent('is latency better after the restart on web-1?', targets)).toMatchObject({
      action: 'restart_service',
      target: 'web-1',
    });
    expect(parseIntent('restart app on web-1 after the deploy', targets).kind).toBe('action_request');
  });
  it('reads "our uptime this month" as availability, "degraded" and "struggling" as attention, and a quick summary of one host as that host', () => {
    expect(parseIntent("what's our uptime this month?", targets)).toMatchObject({ kind: 'availability' });
    expect(parseIntent('uptime of web-1', targets)).toMatchObject({ kind: 'uncollected', what: 'uptime' });
    for (const q of ["what's degraded?", 'is anything degraded?', 'which host is struggling?'])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'attention' });
    expect(parseIntent('give me a quick summary of web-1', targets)).toMatchObject({ target: 'web-1' });
    expect(parseIntent('quick summary of the fleet', targets)).toEqual({ kind: 'one_line' });
    expect(parseIntent('is the web-2 alert resolving?', targets)).toMatchObject({ kind: 'anomalies', target: 'web-2', open: true });
  });
});

describe('network rates in bits', () => {
  it('adds the bit rate to each byte rate in prose, keeps a table in bytes with the factor after it, and reads "mbps" bounds in bits', () => {
    expect(withBits('web-1 network in 2.14 MB/s (at 09:00:47 UTC, 9 s ago)')).toBe(
      'web-1 network in 2.14 MB/s (17.1 Mbit/s) (at 09:00:47 UTC, 9 s ago)',
    );
    const table = ['Current:', '```', 'web-1  2.14 MB/s', 'db-1   634.3 kB/s', '```'].join('\n');
    expect(withBits(table)).toBe(`${table}\n(Rates in the table are bytes per second: 1 MB/s is 8 Mbit/s.)`);
    expect(withBits('No rate here.')).toBe('No rate here.');
    expect(parseIntent('network in on web-1 in Mbps', targets)).toMatchObject({ metric: 'net_in', bits: true });
    expect(parseIntent('hosts with network in above 100 mbps', targets)).toMatchObject({ bound: { above: true, value: 12_500_000 } });
    // Bits are never asked of a share.
    expect(parseIntent('cpu on web-1 in mbps', targets)).not.toHaveProperty('bits');
  });
  it('reads "top 5 noisiest series" as a ranking of series, and "noisiest alerts" alone as flapping', () => {
    expect(parseIntent('top 5 noisiest series', targets)).toMatchObject({ kind: 'anomalies', rank: 'series', limit: 5, count: true });
    expect(parseIntent('noisiest alerts this week', targets)).toMatchObject({ kind: 'flapping' });
  });
});

describe("one target's share of the alerts", () => {
  it('counts every anomaly and leads with the share of that target, by anomalies and by episodes', () => {
    const c = ctx();
    resolvedOn(c, 'web-1', [3, 4, 5], NOW - 6 * H);
    resolvedOn(c, 'db-1', [6], NOW - 3 * H);
    const lines = ask('what percentage of alerts are on web-1?', c);
    expect(lines[0]).toBe('web-1: 3 of 4 anomalies (75 %); 3 of 4 episodes (75 %).');
    expect(lines[1]).toMatch(/^Most episodes by target: web-1 3/);
    expect(parseIntent('what percentage of alerts are critical?', targets)).toMatchObject({ rank: 'severity' });
    expect(shareLines([], { severity: true, target: 'web-1' }, NOW)).toEqual([]);
  });
});

describe('figures no source reads, and "usage"', () => {
  it('names each as not collected rather than answering with another figure or the help text', () => {
    const cases: [string, string][] = [
      ['is the cache hit rate ok?', 'cache hit rate'],
      ["what's the queue depth?", 'queue depth'],
      ['are there any zombie processes?', 'process states (zombie processes)'],
      ['is ntp in sync?', 'clock sync (NTP)'],
      ['when does the certificate on web-1 expire?', 'certificate expiry'],
      ['is port 443 open on web-1?', 'endpoint or port checks'],
      ["what's the inode usage?", 'inodes'],
      ['which host is the most expensive?', 'cost or billing'],
    ];
    for (const [q, what] of cases) expect(parseIntent(q, targets), q).toMatchObject({ kind: 'uncollected', what });
    expect(ask('can we save money anywhere?')).toContain(
      'Where hosts have room to spare is the nearest I can say: "which hosts are idle?" and "capacity outlook" rank them by their p95.',
    );
    expect(parseIntent('curl the health endpoint of web-1', targets)).toEqual({ kind: 'elsewhere', what: 'shell' });
    // "Usage" alone is the help text; beside a figure it is that figure.
    expect(parseIntent('usage', targets)).toEqual({ kind: 'help' });
    expect(parseIntent('gpu usage', targets)).toMatchObject({ kind: 'uncollected', what: 'GPU' });
    expect(parseIntent('cpu usage', targets)).toMatchObject({ kind: 'metrics', metric: 'cpu' });
  });
});

describe('targets left out', () => {
  const fleet = [...targets, { name: 'api-1', role: 'api', autoScalingGroup: 'api-asg' }, { name: 'local-vm', role: 'local' }];
  it('reads the targets after "except", "other than", "not", "non-" and "all … but" as left out, never as the subject', () => {
    const cases: [string, string[] | string][] = [
      ['cpu on all hosts except local-vm', ['web-1', 'web-2', 'db-1', 'api-1']],
      ['cpu on hosts other than web-1', ['web-2', 'db-1', 'api-1', 'local-vm']],
      ['memory apart from web-1 and web-2', ['db-1', 'api-1', 'local-vm']],
      ['which hosts are not web?', ['db-1', 'api-1', 'local-vm']],
      ['non-db hosts memory', ['web-1', 'web-2', 'api-1', 'local-vm']],
      ['hosts not in api-asg', ['web-1', 'web-2', 'db-1', 'local-vm']],
      ['all web hosts but web-2', 'web-1'],
    ];
    for (const [q, want] of cases) {
      const i = parseIntent(q, fleet) as { group?: string[]; target?: string };
      expect(typeof want === 'string' ? i.target : i.group, q).toEqual(want);
    }
    // "Not" before a word that names no target leaves nothing out; "but" without "all" is not "except".
    expect(parseIntent('is web-1 not reporting?', fleet)).toMatchObject({ target: 'web-1' });
    expect(parseIntent('web-1 is fine but web-2?', fleet)).toMatchObject({ group: ['web-1', 'web-2'] });
    expect(parseIntent('which hosts did not alert today?', fleet)).toMatchObject({ kind: 'anomalies', none: true });
  });
  it('reads chat spellings of times', () => {
    expect(parseIntent('what happened last nite', fleet)).toMatchObject({ span: { kind: 'range' } });
    expect(parseIntent('cpu on web-1 yday', fleet)).toMatchObject({ span: { kind: 'day', daysBack: 1 } });
  });
});

describe('the asker coming and going, their role, and posting elsewhere', () => {
  it('reads "I\'m back" as what was missed, and going to lunch as who holds the pager', () => {
    expect(parseIntent("I'm back", targets)).toMatchObject({ kind: 'anomalies', digest: true, sinceAsked: 'away' });
    expect(parseIntent('back from lunch', targets)).toMatchObject({ digest: true, sinceAsked: 'away' });
    expect(parseIntent("I'm going to lunch", targets)).toEqual({ kind: 'routing', onCall: true });
    expect(parseIntent('hello', targets)).toEqual({ kind: 'small_talk', thanks: false });
  });
  it('refuses a mute of one person\'s notifications as the other "stop pinging me" forms are', () => {
    expect(parseIntent('mute notifications for me for 1h', targets)).toMatchObject({
      kind: 'bad_input',
      reason: expect.stringMatching(/^Nothing silenced: a silence quiets an alert for everyone\./),
    });
    expect(parseIntent('snooze web-1 for 1h', targets)).toMatchObject({ kind: 'silence', target: 'web-1' });
  });
  it('reads a role or admin question as who the asker is and who approves, and "what can I do here?" as the help', () => {
    expect(parseIntent("what's my role?", targets)).toEqual({ kind: 'whoami' });
    expect(parseIntent('am I an admin?', targets)).toEqual({ kind: 'policy', focus: 'approvers' });
    expect(parseIntent('is bob an admin?', targets)).toEqual({ kind: 'policy', focus: 'approvers', who: 'bob' });
    expect(parseIntent('what can I do here?', targets)).toEqual({ kind: 'help' });
    expect(parseIntent('what can I do about web-1?', targets)).toMatchObject({ kind: 'advice', target: 'web-1' });
  });
  it('says answers go where asked when told to post to another channel, and leaves "can you post to slack?" a question', () => {
    for (const q of ['post the status to #ops', 'share this in the incident channel', 'forward an_abc123 to #ops'])
      expect(ask(q)[0], q).toMatch(/^I answer where I am asked and don't post to another channel on request:/);
    expect(parseIntent('can you post to slack?', targets)).toMatchObject({ kind: 'integrations' });
    expect(parseIntent('post it again', targets)).toEqual({ kind: 'elsewhere', what: 'resend' });
  });
});

describe('questions about one detector', () => {
  it('explains the latest anomaly of the detector named, and lists what it found', () => {
    const c = ctx();
    c.store.upsertAnomaly(
      resolvedAnomaly('an_fc', NOW - H, { target: 'web-1', metric: 'disk', detector: 'forecast', startTs: NOW - 2 * H, endTs: NOW - H }),
    );
    c.store.upsertAnomaly(
      resolvedAnomaly('an_th', NOW - 10 * MIN, {
        target: 'web-1',
        metric: 'disk',
        detector: 'threshold',
        startTs: NOW - 20 * MIN,
        endTs: NOW - 10 * MIN,
      }),
    );
    const why = ask('why did the forecast fire on web-1?', c);
    expect(why[0]).toBe('The latest forecast anomaly on web-1 (others: "anomalies", then "explain an_…"):');
    expect(why[1]).toMatch(/^an_fc /);
    expect(ask('what did the forecast find today?', c)[0]).toBe('1 forecast anomaly today (UTC), 0 open; all:');
    expect(parseIntent('compare threshold and robust detectors', targets)).toMatchObject({
      kind: 'anomalies',
      count: true,
      rank: 'detector',
    });
    expect(parseIntent('is the isolation forest any good?', targets)).toMatchObject({ quality: true, detector: 'iforest' });
    expect(parseIntent('why is the score 0.52?', targets)).toEqual({ kind: 'glossary', term: 'score' });
  });
  it('replays a rule for "should we raise the cpu threshold?" and "what would the alerts have been at 95%?", and refuses a change of sensitivity', () => {
    expect(parseIntent('should we raise the cpu threshold?', targets)).toEqual({ kind: 'tune', metric: 'cpu' });
    expect(parseIntent('what would the alerts have been with cpu at 95%?', targets)).toEqual({ kind: 'tune', metric: 'cpu', bound: 95 });
    expect(parseIntent("what's the best threshold for web-2 latency?", targets)).toEqual({
      kind: 'tune',
      target: 'web-2',
      metric: 'latency',
    });
    expect(parseIntent('make the robust detector less sensitive', targets)).toEqual({ kind: 'rules', only: 'detectors', change: true });
    expect(parseIntent('make alerts less noisy', targets)).toEqual({ kind: 'flapping' });
  });
});

describe('requests no action meets, and questions about acting', () => {
  it('refuses an action asked for later, and a host resized, and reads "free up disk space" as the clean-up', () => {
    for (const q of [
      'restart app on web-1 in 10 minutes',
      'restart app on web-1 at 22:00',
      'schedule a restart of app on web-1 at 22:00',
      // "Later" had requested it now.
      'restart web-1 later',
      'scale up web-1 when traffic is low',
      'clean up web-1 this evening',
    ])
      expect(parseIntent(q, targets), q).toMatchObject({
        kind: 'bad_input',
        reason: expect.stringMatching(/^Nothing requested: I don't schedule actions\./),
      });
    // A time in the reason is the reason's.
    expect(parseIntent('restart app on web-1 because it was slow at 10:00', targets)).toMatchObject({
      kind: 'action_request',
      why: 'it was slow at 10:00',
    });
    for (const q of ['add more disk to db-1', 'increase memory on db-1', 'free up memory on db-1'])
      expect(parseIntent(q, targets), q).toMatchObject({
        kind: 'bad_input',
        reason: expect.stringMatching(/^Nothing was done: resizing a host/),
      });
    expect(parseIntent('increase the cpu threshold to 95', targets)).toMatchObject({ kind: 'elsewhere', what: 'config' });
    expect(parseIntent('free up disk space on db-1', targets)).toMatchObject({
      kind: 'action_request',
      action: 'cleanup_disk',
      target: 'db-1',
    });
    expect(parseIntent('free disk on db-1', targets)).toMatchObject({ kind: 'metrics', free: true });
  });
  it('reads "what would restarting app on web-1 do?" as a question, and "approve my own request" as the four-eyes rule', () => {
    expect(parseIntent('what would restarting app on web-1 do?', targets)).toMatchObject({
      kind: 'action_request',
      question: true,
      target: 'web-1',
    });
    expect(parseIntent("why can't I approve my own request?", targets)).toEqual({ kind: 'policy', focus: 'wait' });
    expect(parseIntent("why can't I approve?", targets)).toEqual({ kind: 'policy', focus: 'approvers' });
  });
});

describe('how much a figure changed', () => {
  it('reads "how much has memory changed / did disk grow" as the trend over the time said', () => {
    expect(parseIntent('how much did disk grow on db-1 today?', targets)).toEqual({
      kind: 'trend',
      metric: 'disk',
      target: 'db-1',
      span: { kind: 'day', daysBack: 0 },
    });
    expect(parseIntent('how much has cpu moved on web-2 in the last hour?', targets)).toMatchObject({ kind: 'trend', metric: 'cpu' });
    expect(parseIntent('how much memory is free on db-1?', targets)).toMatchObject({ kind: 'metrics' });
  });
});

describe('time zones by abbreviation or "local", and monthly and week-on-week reports', () => {
  it('refuses a zone given as an abbreviation or as "my local time", and reads GMT as UTC', () => {
    expect(parseIntent('show times in PST', targets)).toMatchObject({
      kind: 'bad_input',
      reason: expect.stringMatching(/^Nothing changed: I don't set a zone from an abbreviation \("PST" can name several zones/),
    });
    expect(parseIntent('times in my local time please', targets)).toMatchObject({
      kind: 'bad_input',
      reason: expect.stringMatching(/^Chat does not tell me where you are/),
    });
    expect(parseIntent('show times in gmt', targets)).toEqual({ kind: 'timezone', reset: true });
    expect(parseIntent('show times in Europe/Berlin', targets)).toEqual({ kind: 'timezone', zone: 'europe/berlin' });
    // "In my local time" beside a read is the asker's display zone, and never the "local" role.
    const fleet = [...targets, { name: 'local-vm', role: 'local' }];
    expect(parseIntent('cpu on web-1 at 10:00 in my local time', fleet)).toMatchObject({ target: 'web-1', span: { kind: 'clock' } });
  });
  it('reads a monthly report as the digest of 30 days, and last week against the week before as the change', () => {
    expect(parseIntent('monthly report', targets)).toMatchObject({ digest: true, span: { kind: 'last', ms: 30 * 24 * H } });
    expect(parseIntent('how did last week compare to the week before?', targets)).toEqual({
      kind: 'anomaly_change',
      period: 'last',
      ms: 7 * 24 * H,
    });
  });
});

describe('taking alerts on as people say it, and what is unowned', () => {
  it('reads "I\'m on it", "I\'m looking at web-2" and "take the web-2 alert" as acknowledgements', () => {
    expect(parseIntent("I'm on it", targets)).toEqual({ kind: 'ack' });
    expect(parseIntent("I'm looking at web-2", targets)).toMatchObject({ kind: 'ack', target: 'web-2' });
    expect(parseIntent('take the web-2 alert', targets)).toMatchObject({ kind: 'ack', target: 'web-2' });
    expect(parseIntent('grab an_abc123', targets)).toMatchObject({ kind: 'ack', id: 'an_abc123' });
    // With the metric named, or said as "I'll take" / "I've got".
    for (const q of ["I'll take the web-2 disk alert", "I've got the web-2 alert", "I'm on the web-2 cpu alert", "I'll take web-2"])
      expect(parseIntent(q, targets), q).toMatchObject({ kind: 'ack', target: 'web-2' });
    expect(parseIntent("I'll take a look at web-2", targets).kind).not.toBe('ack');
    // A question or a shift is not one.
    expect(parseIntent("I'm on call until 18:00", targets).kind).toBe('on_call_cover');
    expect(parseIntent("I'm looking at web-2 cpu, why is it high?", targets).kind).toBe('explain');
  });
  it('reads who acked what as the audit of acknowledgements, unowned alerts as the open unacknowledged ones, and marks said plainly', () => {
    expect(parseIntent('who acked what today?', targets)).toEqual({
      kind: 'audit',
      span: { kind: 'day', daysBack: 0 },
      verbs: ['acknowledged'],
    });
    expect(parseIntent('who acked the last alert?', targets)).toEqual({ kind: 'ack_status' });
    expect(parseIntent('are any alerts unowned?', targets)).toMatchObject({ kind: 'anomalies', open: true, acked: false });
    expect(parseIntent('this alert is useful', targets)).toEqual({ kind: 'feedback', verdict: 'useful' });
    expect(parseIntent('that alert was useless', targets)).toEqual({ kind: 'feedback', verdict: 'noise' });
    expect(parseIntent('what notes are there on web-2?', targets)).toMatchObject({ kind: 'audit', target: 'web-2', verbs: ['noted'] });
    expect(parseIntent('add a comment to the web-2 alert saying it was a deploy', targets)).toEqual({
      kind: 'note',
      target: 'web-2',
      text: 'it was a deploy',
    });
  });
});

describe('deploys, freezes, records and the config asked about', () => {
  it('records a deploy said as finished, checks before one held, and refuses a freeze', () => {
    expect(parseIntent('deploy of web-1 finished', targets)).toEqual({
      kind: 'change',
      text: 'deploy of web-1 finished',
      targets: ['web-1'],
    });
    expect(parseIntent('should we hold the deploy?', targets)).toEqual({ kind: 'deploy_check' });
    expect(parseIntent('freeze deploys', targets)).toMatchObject({
      kind: 'bad_input',
      reason: expect.stringMatching(/^Nothing changed: I don't gate deploys/),
    });
    expect(parseIntent('change: deploy freeze until monday', targets)).toMatchObject({ kind: 'change' });
  });
  it('says where the JSON records are, reads S3 and versions as no host, and answers whether the config is valid', () => {
    expect(ask('show me the json records for today').at(-1)).toMatch(
      /^• my own daily JSON records .*<SCO_DATA_DIR>\/logs on my host, \/logs on my side port/,
    );
    expect(parseIntent('are the records going to S3?', targets)).toEqual({ kind: 'integrations', systems: ['s3'] });
    expect((parseIntent('cpu on web-1 since v2.5', targets) as { unknownTarget?: string }).unknownTarget).toBeUndefined();
    expect(parseIntent('cpu on web-9', targets)).toMatchObject({ unknownTarget: 'web-9' });
    const valid = ask('is the config valid?');
    expect(valid[0]).toMatch(/^The config I run with passed validation when it loaded/);
    expect(parseIntent('what changed in the config?', targets)).toEqual({ kind: 'about', starts: 'config' });
  });
});

describe('a host named by its address or full name, and links pasted in', () => {
  it('reads an address or a fully qualified name as the target, an unknown address as unknown, and a link as no words', () => {
    expect(parseIntent('cpu on 10.0.1.10', targets)).toMatchObject({ metric: 'cpu', target: 'web-1' });
    expect(parseIntent('cpu on 10.0.1.10:9100', targets)).toMatchObject({ target: 'web-1' });
    expect(parseIntent('cpu on web-1.example.com', targets)).toMatchObject({ target: 'web-1' });
    expect(parseIntent('cpu on 10.9.9.9', targets)).toMatchObject({ unknownTarget: '10.9.9.9' });
    expect(parseIntent('cpu on web-1 https://grafana.example.com/d/abc', targets)).toEqual({
      kind: 'metrics',
      metric: 'cpu',
      target: 'web-1',
    });
    // A note keeps its link.
    expect(parseIntent('note an_abc123: see https://grafana.example.com/x', targets)).toMatchObject({
      text: 'see https://grafana.example.com/x',
    });
  });
});

describe('a command tacked onto another message', () => {
  it('does nothing when a read or a command carries a second command, and leaves a note or a reason its own words', () => {
    expect(parseIntent('cpu on web-1 and also restart it', targets)).toMatchObject({
      kind: 'bad_input',
      reason: expect.stringMatching(/^Nothing done: that asks for figures and gives a command at once\./),
    });
    for (const q of ['silence web-1 and ack it', 'restart app on web-1 and then scale up web-2'])
      expect(parseIntent(q, targets), q).toMatchObject({
        kind: 'bad_input',
        reason: expect.stringMatching(/^Nothing done: one command a message/),
      });
    expect(parseIntent('note an_abc123: restarted and then restart it again', targets)).toMatchObject({ kind: 'note' });
    expect(parseIntent('deny rp_abc because we will restart it by hand and then restart it', targets)).toMatchObject({
      kind: 'deny',
      id: 'rp_abc',
    });
    expect(parseIntent('cpu and memory on web-1', targets)).toMatchObject({ kind: 'metrics', more: ['memory'] });
    expect(parseIntent('alerts and silences', targets).kind).toBe('silences');
  });
});

describe('what runs on a host, and a group asked as degraded', () => {
  it('says what runs on a host is not collected, with the services the rules restart there', () => {
    const c = {
      ...ctx(),
      remediationRules: configSchema.parse({
        remediation: {
          rules: [{ name: 'restart app', action: 'restart_service', params: { service: 'nginx' }, when: { targets: ['web-*'] } }],
        },
      }).remediation.rules,
    };
    const lines = ask('what runs on web-1?', c);
    expect(lines[0]).toBe(
      "I don't collect what runs on a host (services, software): no source here reads it, so I have no figure to give.",
    );
    expect(lines[1]).toBe('The remediation rules restart nginx for web-1: the services named in config, not a list read from the host.');
    expect(ask('what runs on db-1?', c)).not.toContain(
      'The remediation rules restart nginx for db-1: the services named in config, not a list read from the host.',
    );
    expect(parseIntent('is the web tier degraded?', targets)).toEqual({ kind: 'status', group: ['web-1', 'web-2'] });
  });
});

describe('getting started, and an answer that missed', () => {
  it('gives the help text for getting started, and how to ask again when told an answer was wrong', () => {
    for (const q of ['how do I get started?', 'what should I ask you?', 'give me some examples', 'start over'])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'help' });
    // The docs are listed by subject (answer-meta-asks.test.ts).
    expect(parseIntent('where is the documentation?', targets)).toEqual({ kind: 'elsewhere', what: 'howto' });
    expect(parseIntent('how do I start the pipeline', targets).kind).not.toBe('help');
    for (const q of ["you're wrong", "that's not what I asked"])
      expect(ask(q)[0], q).toMatch(/^Sorry\. Say it another way, naming what you mean/);
  });
});

describe('alert delivery asked about', () => {
  it('refuses a silence of one channel, and reads delivery, delays and routing changes as such', () => {
    for (const q of ['mute all alerts in #general', 'silence web-1 in slack for 1h', 'mute the db channel'])
      expect(parseIntent(q, targets), q).toMatchObject({
        kind: 'bad_input',
        reason: expect.stringMatching(/^Nothing silenced: a silence holds alerts for a target, a metric and a severity everywhere/),
      });
    expect(parseIntent('silence web-1 for 1h', targets)).toMatchObject({ kind: 'silence', target: 'web-1' });
    expect(parseIntent("why didn't I get an alert for web-2 disk?", targets)).toEqual({
      kind: 'timeline',
      target: 'web-2',
      metric: 'disk',
    });
    expect(parseIntent('did the web-2 disk alert go to slack?', targets)).toEqual({ kind: 'timeline', target: 'web-2', metric: 'disk' });
    expect(parseIntent('which alerts were not sent?', targets)).toMatchObject({ kind: 'anomalies', count: true });
    expect(parseIntent('test slack', targets)).toEqual({ kind: 'test_alert' });
    expect(parseIntent('how many messages failed to send?', targets)).toEqual({ kind: 'delivery' });
    for (const q of ['why are alerts delayed?', 'are alerts being throttled?', 'what mentions are configured?'])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'routing' });
    for (const q of ['change where critical alerts go', 'add me to the escalation list', 'take me off the rotation'])
      expect(parseIntent(q, targets), q).toMatchObject({ kind: 'elsewhere', what: 'config' });
  });
});

describe('room, load and fleet-wide figures', () => {
  const fleet = [
    { name: 'web-1', autoScalingGroup: 'web-asg' },
    { name: 'web-2', autoScalingGroup: 'web-asg' },
    { name: 'db-1', role: 'db' },
  ];
  it('reads where to put load, overload, when to scale and headroom ranked as capacity, and fleet-wide or overall as the mean', () => {
    for (const q of [
      'where can I put more load?',
      'when should we scale?',
      'where should I put a new service?',
      'where can we deploy another app?',
    ])
      expect(parseIntent(q, fleet), q).toEqual({ kind: 'capacity' });
    expect(parseIntent('is db-1 overloaded?', fleet)).toEqual({ kind: 'capacity', target: 'db-1' });
    expect(parseIntent('which host has the most memory headroom?', fleet)).toEqual({
      kind: 'capacity',
      room: { metric: 'memory', most: true },
    });
    expect(parseIntent('how much headroom does db-1 have?', fleet)).toMatchObject({ kind: 'metrics', free: true });
    expect(parseIntent("what's the fleet-wide cpu?", fleet)).toEqual({ kind: 'metrics', metric: 'cpu', stat: 'avg' });
    expect(parseIntent('overall memory usage', fleet)).toEqual({ kind: 'metrics', metric: 'memory', stat: 'avg' });
    expect(parseIntent('which host has the highest cpu overall', fleet)).toMatchObject({ stat: 'max' });
  });
  it("asks about a group scale-up as the group's", () => {
    expect(parseIntent('should we scale up web-asg?', fleet)).toMatchObject({
      kind: 'action_request',
      question: true,
      group: 'web-asg',
      target: 'web-1',
    });
  });
});

describe('a host at a time, what led up to an alert, and whether it was a one-off', () => {
  it('reads "was api-1 ok at 03:00?" as what was open then, and the first sign of trouble as the first anomaly', () => {
    expect(parseIntent('was web-1 ok at 03:00?', targets)).toEqual({
      kind: 'anomalies',
      limit: 50,
      today: false,
      target: 'web-1',
      span: { kind: 'clock', at: { minute: 180 } },
    });
    expect(parseIntent('is web-1 ok?', targets)).toEqual({ kind: 'metrics', target: 'web-1' });
    expect(parseIntent('what was the first sign of trouble on web-1 today?', targets)).toEqual({
      kind: 'anomalies',
      limit: 1,
      today: true,
      target: 'web-1',
      first: true,
    });
  });
  it('reads what led up to or followed an alert as the figures then, a one-off as its precedent, and a weekday as the usual day', () => {
    expect(parseIntent('what led up to the web-1 memory alert?', targets)).toMatchObject({
      kind: 'around',
      part: 'before',
      alertTarget: 'web-1',
    });
    expect(parseIntent('what happened right after the web-2 cpu alert?', targets)).toMatchObject({ kind: 'around', part: 'after' });
    expect(parseIntent('was the web-2 cpu spike a one-off?', targets)).toEqual({ kind: 'precedent', target: 'web-2', metric: 'cpu' });
    expect(parseIntent('is this normal for a sunday?', targets)).toEqual({
      kind: 'anomaly_change',
      period: 'day',
      ms: 24 * H,
      usual: true,
    });
  });
});

describe("one alert's own facts", () => {
  it('explains the alert for how severe it is, what threshold it crossed and how far from normal it went', () => {
    expect(parseIntent('how severe is the web-2 alert?', targets)).toEqual({ kind: 'explain', target: 'web-2' });
    expect(parseIntent('what threshold did web-2 cross?', targets)).toEqual({ kind: 'explain', target: 'web-2', detector: 'threshold' });
    expect(parseIntent('how far above normal was the web-1 cpu spike?', targets)).toEqual({
      kind: 'explain',
      target: 'web-1',
      metric: 'cpu',
      latest: true,
    });
    // "How bad is it?" stays the state of things, and "what's normal cpu?" the usual range.
    expect(parseIntent('how bad is it?', targets)).toEqual({ kind: 'attention' });
    expect(parseIntent("what's normal cpu for web-1?", targets)).toMatchObject({ usual: true });
  });
});

describe('"high" against the threshold lines, and what changed the most today', () => {
  it('reads high, slow or over the threshold of a metric now as past its lowest threshold line', () => {
    const c = ctx();
    c.store.saveSamples([
      { ts: NOW - 10_000, target: 'web-1', metric: 'cpu', value: 95 },
      { ts: NOW - 10_000, target: 'db-1', metric: 'cpu', value: 20 },
    ]);
    expect(ask('is cpu high on db-1?', c)[0]).toBe('No: db-1 CPU is 20.0% (at 11:59:50 UTC), not above 90.0%.');
    expect(ask('which hosts are above the cpu threshold?', c)[0]).toBe('1 of 2 targets have CPU above 90.0% now:');
    expect(parseIntent('any slow hosts?', targets)).toMatchObject({ metric: 'latency', bound: { rule: 'any' } });
    // A ranking or a time keeps its own reading.
    expect(parseIntent('which host has the highest cpu', targets)).not.toHaveProperty('bound');
    expect(parseIntent('why is cpu high on web-1?', targets).kind).toBe('explain');
    expect(parseIntent('which host changed the most today?', targets)).toEqual({ kind: 'compare', against: 'yesterday', ranked: true });
  });
});

describe('how long a remediation takes', () => {
  it('gives approval to result of those that ended, the slowest named, and says simulations take no time', () => {
    const c = ctx();
    const ran = (
      id: string,
      target: string,
      state: 'succeeded' | 'failed',
      decided: number,
      took: number,
      executor: Proposal['executor'],
    ) => {
      const p: Proposal = {
        ...PROPOSAL,
        id,
        target,
        executor,
        state,
        createdTs: decided - MIN,
        decidedBy: 'slack:U1',
        decidedTs: decided,
        updatedTs: decided + took,
      };
      c.store.insertProposal(p, { proposalId: id, from: null, to: state, actor: 'slack:U1', ts: p.updatedTs, note: '' });
    };
    ran('rp_a', 'web-1', 'succeeded', NOW - 5 * H, 40_000, 'aws');
    ran('rp_b', 'web-2', 'failed', NOW - 4 * H, 3 * MIN, 'script');
    ran('rp_c', 'web-1', 'succeeded', NOW - 3 * H, 0, 'simulate');
    expect(parseIntent('how long does a restart take?', targets)).toMatchObject({ kind: 'history', action: 'restart_service', took: true });
    expect(ask('how long does a restart take?', c).slice(0, 2)).toEqual([
      'How long restart_service took, from approval to result (3 that ended): median 40 s, fastest 0 s, slowest 3 min (rp_b on web-2, failed).',
      '1 of them was a simulation or a dry run, which take no time on a host: an executor that acts (script, aws) takes what the host or AWS takes.',
    ]);
    // Of one host, only its own.
    expect(ask('how long does it take to restart web-1?', c)[0]).toBe(
      'How long restart_service on web-1 took, from approval to result (2 that ended): median 0 s, fastest 0 s, slowest 40 s (rp_a on web-1, succeeded).',
    );
    // How long people take to decide is another question.
    expect(parseIntent('how long does it take to approve a restart?', targets)).toEqual({ kind: 'decision_times' });
  });
});
