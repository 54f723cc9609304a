import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { spanBounds } from '../../../src/bot/answer-metric-span.js';
import { createConversations, followUp, namedIt, oneId } from '../../../src/bot/follow-up.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { TimeSpan } from '../../../src/bot/parse-time-span.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { HELP, helpFor } from '../../../src/bot/help-text.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const targets = [
  { name: 'web-1', role: 'web', labels: { env: 'demo' } },
  { name: 'web-2', role: 'web', labels: { env: 'demo' } },
  { name: 'db-1', role: 'db', labels: { env: 'demo' } },
];
const parse = (q: string) => parseIntent(q, targets);
const now = Date.UTC(2026, 11, 6, 13);
const window = (q: string) => spanBounds((parse(q) as { span?: TimeSpan }).span!, { now, staleAfterMs: 90_000 }).label;

describe('a day said before a clock time', () => {
  it('reads "since yesterday 17:00" as a window from then, not the whole of yesterday', () => {
    expect(window('summary since yesterday 17:00')).toBe('since 2026-12-05 17:00:00 UTC');
    expect(window('cpu on web-1 since yesterday at 17:00')).toBe('since 2026-12-05 17:00:00 UTC');
    expect(window('anomalies from yesterday 5pm')).toBe('since 2026-12-05 17:00:00 UTC');
  });

  it('reads "yesterday 17:00" as that instant, and two days with times as a window between them', () => {
    expect(parse('cpu on web-1 yesterday 17:00')).toMatchObject({ span: { kind: 'clock', at: { minute: 1020, day: { daysBack: 1 } } } });
    expect(parse('cpu from yesterday 17:00 to today 09:00')).toEqual({
      kind: 'metrics',
      metric: 'cpu',
      span: { kind: 'range', from: { minute: 1020, day: { daysBack: 1 } }, until: { minute: 540, day: { daysBack: 0 } } },
    });
  });

  it('keeps "vs yesterday" a comparison, with or without a clock time beside it', () => {
    expect(parse('cpu on web-1 vs yesterday')).toMatchObject({ kind: 'compare', against: 'yesterday' });
    expect(parse('cpu since 09:00 vs yesterday')).toMatchObject({ kind: 'compare', against: 'yesterday' });
    expect(parse('alerts today 5')).toMatchObject({ kind: 'anomalies', limit: 5, today: true });
  });
});

describe('operator asks that had another answer', () => {
  it.each([
    ['what would have alerted at 80% cpu?', { kind: 'tune', metric: 'cpu', bound: 80 }],
    ['silence web-1 for the night', { kind: 'silence', target: 'web-1', from: { minute: 1320 }, until: { minute: 360 } }],
    ['mute db-1 for maintenance', { kind: 'silence', target: 'db-1' }],
    ['cpu over ninety percent', { kind: 'metrics', metric: 'cpu', bound: { above: true, value: 90 } }],
    ['disk above eighty-five percent', { kind: 'metrics', metric: 'disk', bound: { above: true, value: 85 } }],
    ['which alerts are safe to ignore?', { kind: 'rule_stats' }],
    ['what alerts can we ignore?', { kind: 'rule_stats' }],
    ["which alerts don't matter?", { kind: 'rule_stats' }],
    ['which box is the hottest?', { kind: 'metrics', metric: 'cpu', stat: 'max' }],
    ['coldest host', { kind: 'metrics', metric: 'cpu', stat: 'min' }],
    ['all quiet?', { kind: 'attention' }],
    ['is all quiet on web-1?', { kind: 'attention', target: 'web-1' }],
    ['cpu over the last hour and a half', { kind: 'metrics', metric: 'cpu', span: { kind: 'last', ms: 5_400_000 } }],
    ["why wasn't web-1 auto-remediated?", { kind: 'explain', target: 'web-1', remediation: true }],
    ['show the output of the last run', { kind: 'history', limit: 1 }],
    ['is autoscaling working?', { kind: 'uncollected', what: 'auto scaling activity (desired capacity, scaling events)' }],
    [
      'what instance types are we running?',
      { kind: 'uncollected', what: 'host specifications (cores, instance type, installed memory, OS)' },
    ],
    // Notes are the audit's notes, counted by person when several wrote them.
    ['who wrote the most notes?', { kind: 'audit', verbs: ['noted'] }],
    ['what notes were added today?', { kind: 'audit', verbs: ['noted'], span: { kind: 'day', daysBack: 0 } }],
    ['when did you start collecting?', { kind: 'pipeline', focus: 'retention' }],
    // Starting or leaving a shift asks for the handover, not for who holds the pager.
    ["I'm starting my shift, what do I need to know?", { kind: 'anomalies', digest: true, shift: true }],
    ["I'm going off shift, anything to hand over?", { kind: 'anomalies', digest: true, shift: true }],
    ["I'm going off shift", { kind: 'routing', onCall: true }],
    [
      'how did the fleet do last night?',
      { kind: 'anomalies', digest: true, span: { kind: 'range', from: { minute: 1320, day: { daysBack: 1 } } } },
    ],
    ['how have things been today?', { kind: 'anomalies', digest: true, today: true }],
    ['what should I tell customers?', { kind: 'status', update: true }],
    // "Did anything change?" asks for the changes recorded; with a metric named, for its figures.
    ['did anything change on web-1 recently?', { kind: 'changes', target: 'web-1' }],
    ['did someone change something on db-1?', { kind: 'changes', target: 'db-1' }],
    ['what is the error budget left?', { kind: 'uncollected', what: 'SLOs or error budgets' }],
    ["what's the latency budget?", { kind: 'metrics', metric: 'latency', uncollected: 'SLOs or error budgets' }],
    ['how unusual is web-1 cpu?', { kind: 'explain', target: 'web-1', metric: 'cpu' }],
    ['how fresh is the data?', { kind: 'about' }],
    ['when did you last get data?', { kind: 'about' }],
    ['list all metrics', { kind: 'about' }],
    ["how's prod?", { kind: 'no_group', word: 'prod' }],
    ['what about staging?', { kind: 'no_group', word: 'staging' }],
    ["how's demo?", { kind: 'status', group: ['web-1', 'web-2', 'db-1'] }],
    ['clear all alerts', { kind: 'elsewhere', what: 'resolve' }],
    ['clear the disk space warning', { kind: 'elsewhere', what: 'resolve' }],
    ['reopen the last alert', { kind: 'elsewhere', what: 'reopen' }],
    ['merge the web-1 alerts', { kind: 'elsewhere', what: 'merge' }],
    ['can you combine these alerts?', { kind: 'elsewhere', what: 'merge' }],
    ['reopen the incident', { kind: 'incident', action: 'reopen' }],
    ['clear the disk on web-1', { kind: 'action_request', action: 'cleanup_disk', target: 'web-1' }],
    ['make room on db-1', { kind: 'action_request', action: 'cleanup_disk', target: 'db-1' }],
    ['take this', { kind: 'ack' }],
    ['on it', { kind: 'ack' }],
    ['schedule a daily summary at 9', { kind: 'about', digest: true }],
    ['can I get a weekly report every monday?', { kind: 'about', digest: true }],
    ['which alerts were held?', { kind: 'anomalies', count: true, unposted: true }],
    ['alerts I missed while silenced', { kind: 'anomalies', count: true, unposted: true }],
    ['explain the spike on web-1 at 09:45', { kind: 'explain', target: 'web-1', span: { kind: 'clock', at: { minute: 585 } } }],
    ['how many hours until db-1 memory hits 90%?', { kind: 'trend', metric: 'memory', target: 'db-1', level: 90 }],
    ['any slow leaks?', { kind: 'trend', metric: 'memory' }],
    ['is db-1 leaking?', { kind: 'trend', metric: 'memory', target: 'db-1' }],
    ['when did disk on db-1 jump?', { kind: 'anomalies', target: 'db-1', metric: 'disk' }],
    ['when did web-1 cpu dip?', { kind: 'anomalies', target: 'web-1', metric: 'cpu' }],
    ['what did I subscribe to?', { kind: 'subscriptions' }],
    ["I'm going off shift", { kind: 'routing', onCall: true }],
    ['who is working on the incident?', { kind: 'incident', action: 'show' }],
    ['what time is it in tokyo?', { kind: 'small_talk', clock: true, clockIn: 'tokyo' }],
    ['what does the isolation forest do?', { kind: 'glossary', term: 'iforest' }],
    ['what is the forecast detector?', { kind: 'glossary', term: 'forecast' }],
    ['how does the forecast work?', { kind: 'glossary', term: 'forecast' }],
    ['why is the expected range 0 to 90?', { kind: 'glossary', term: 'expected' }],
    ['which sources are configured?', { kind: 'about' }],
    ['are all detectors working?', { kind: 'about' }],
    ['is the isolation forest enabled?', { kind: 'forest_status' }],
    ['which alerts were useful?', { kind: 'anomalies', feedback: 'useful' }],
    ['any data gaps on web-2?', { kind: 'availability', target: 'web-2' }],
    ['when did you start watching db-1?', { kind: 'availability', target: 'db-1' }],
    ['how many samples do you have for web-1?', { kind: 'availability', target: 'web-1' }],
    ['help silences', { kind: 'help', topic: 'silences' }],
    ['examples for watches', { kind: 'help', topic: 'watches' }],
    ['is web-1 busier than usual?', { kind: 'explain', target: 'web-1', metric: 'cpu', usual: true }],
    ['is db-1 memory higher than normal?', { kind: 'explain', target: 'db-1', metric: 'memory', usual: true }],
    ['anything new since my last message?', { kind: 'anomalies', digest: true, sinceAsked: 'previous' }],
    ['what happened while I was at lunch?', { kind: 'anomalies', digest: true, sinceAsked: 'away' }],
    ['is the incident over?', { kind: 'incident', action: 'show' }],
    ['🔥?', { kind: 'attention' }],
    [':fire:', { kind: 'attention' }],
    ['sup', { kind: 'attention' }],
    ['any 🚨 on db-1?', { kind: 'anomalies', target: 'db-1' }],
    ['👍', { kind: 'small_talk', ok: true }],
    ['silence web-2 latency below critical', { kind: 'silence', target: 'web-2', metric: 'latency', severity: 'warning' }],
    ['mute non-critical alerts on web-1', { kind: 'silence', target: 'web-1', severity: 'warning' }],
    ['mute alerts above warning on db-1', { kind: 'silence', target: 'db-1', severity: 'critical' }],
    ['non-critical alerts today', { kind: 'anomalies', today: true, severity: 'warning' }],
    ['extend it by an hour', { kind: 'silence', durationMs: 3_600_000, extend: {} }],
    ['cpu on web-1 every 10 minutes for the last hour', { kind: 'metrics', target: 'web-1', every: 'minutes', stepMs: 600_000 }],
    ['cpu on web-1 at 5 minute resolution', { kind: 'metrics', every: 'minutes', stepMs: 300_000 }],
    ['last 5 readings of web-2 latency', { kind: 'metrics', target: 'web-2', metric: 'latency', every: 'sample', readings: 5 }],
    ['raw samples for db-1 memory in the last 5 minutes', { kind: 'metrics', every: 'sample', span: { kind: 'last', ms: 300_000 } }],
    [
      'has db-1 memory been creeping up all week?',
      { kind: 'trend', target: 'db-1', metric: 'memory', span: { kind: 'last', ms: 604_800_000 } },
    ],
    ["what's the weekly trend for web latency?", { kind: 'trend', metric: 'latency', span: { kind: 'last', ms: 604_800_000 } }],
    ['are all hosts on the same version?', { kind: 'uncollected', what: 'the running version' }],
    ['web-2 status in one line', { kind: 'one_line', target: 'web-2' }],
    ['escalated alerts this week', { kind: 'audit', verbs: ['escalated'], span: { kind: 'last', ms: 604_800_000 } }],
    ['escalations this week', { kind: 'audit', verbs: ['escalated'] }],
    ['which alerts were escalated?', { kind: 'audit', verbs: ['escalated'] }],
    ['which alerts repeat?', { kind: 'flapping' }],
    ['network errors on web-1', { kind: 'metrics', uncollected: 'packets' }],
    ['is web-1 talking to db-1?', { kind: 'uncollected', what: 'connections' }],
    ['latency between web-1 and web-2', { kind: 'metrics', metric: 'latency', uncollected: 'latency between hosts' }],
    ['dns problems?', { kind: 'uncollected', what: 'DNS' }],
    ['anything in the last hour?', { kind: 'anomalies', span: { kind: 'last', ms: 3_600_000 } }],
    ['anything new since 09:00?', { kind: 'anomalies', span: { kind: 'range', from: { minute: 540 } } }],
    ['are you still there?', { kind: 'about' }],
    ['run a health check on db-1', { kind: 'metrics', target: 'db-1' }],
    ['tell me about the last critical alert', { kind: 'explain', severity: 'critical' }],
    ['what is the disk alert on web-1 about?', { kind: 'explain', target: 'web-1', metric: 'disk', latest: true }],
    ['tell me about db-1 alerts', { kind: 'anomalies', target: 'db-1' }],
    ['tell me about yesterday', { kind: 'anomalies', digest: true, span: { kind: 'day', daysBack: 1 } }],
    ['tell me about last night', { kind: 'anomalies', digest: true, span: { kind: 'range', from: { minute: 1320 } } }],
    ['what remediation is configured for disk?', { kind: 'rules', metric: 'disk', only: 'remediation' }],
    ['is there a remediation for disk alerts?', { kind: 'rules', metric: 'disk', only: 'remediation' }],
    ['what would fix the web-1 disk?', { kind: 'advice', target: 'web-1', metric: 'disk' }],
    ['suggest a fix for web-1 disk', { kind: 'advice', target: 'web-1', metric: 'disk' }],
    ['network in vs out on web-2', { kind: 'metrics', metric: 'network', target: 'web-2' }],
    ['show alerts sorted by duration', { kind: 'anomalies', longest: true }],
    ['should I wake someone up?', { kind: 'attention' }],
    ['is there anything I should escalate?', { kind: 'attention' }],
    ['who should I page?', { kind: 'routing', onCall: true }],
    ['what should I tell my boss?', { kind: 'status', update: true }],
    ['which hosts were added recently?', { kind: 'availability' }],
    ['when was web-1 added?', { kind: 'availability', target: 'web-1' }],
    ['how much has memory changed on db-1 since this morning?', { span: { kind: 'range', from: { minute: 360, day: { daysBack: 0 } } } }],
    ['alerts since last night', { kind: 'anomalies', span: { kind: 'range', from: { minute: 1320, day: { daysBack: 1 } } } }],
    [':pray:', { kind: 'small_talk', thanks: true }],
    [
      'hosts with disk above 40% and cpu above 30%',
      { kind: 'metrics', metric: 'disk', bound: { above: true, value: 40 }, also: { metric: 'cpu', bound: { above: true, value: 30 } } },
    ],
  ])('%s', (q, want) => {
    expect(parse(q)).toMatchObject(want);
  });

  it('leaves what only sounds like them as it was', () => {
    expect(parse('how do I deploy to prod?')).toMatchObject({ kind: 'elsewhere', what: 'howto' });
    expect(parse('free disk on web-1')).toMatchObject({ kind: 'metrics', free: true });
    expect(parse('take it easy').kind).not.toBe('ack');
    expect(parse('daily summary')).toMatchObject({ kind: 'anomalies', digest: true });
    expect(parse('summary of every day this week')).toMatchObject({ kind: 'anomalies', digest: true });
    expect(parse('how many hours was db-1 memory above 90%?')).toMatchObject({ kind: 'metrics', boundAsk: 'duration' });
    expect(parse('when did you drop the silence?').kind).toBe('silences');
    expect(parse('drop the silence on web-1')).toMatchObject({ kind: 'unsilence', target: 'web-1' });
    expect(parse("I'm off call")).toEqual({ kind: 'on_call_cover', end: true });
    expect(parse('is it quieter than usual?')).toMatchObject({ kind: 'anomaly_change', usual: true });
    expect(parse('cpu and memory on web-1')).toMatchObject({ kind: 'metrics', metric: 'cpu', more: ['memory'] });
    expect(parse('hosts with disk above 40% and cpu above 30%')).not.toHaveProperty('more');
    expect(parse('help')).toEqual({ kind: 'help' });
    expect(parse('tl;dr')).toEqual({ kind: 'one_line' });
    expect(parse('notify me about db-1 alerts')).toMatchObject({ kind: 'subscribe', targets: ['db-1'] });
    expect(parse('tell me when db-1 alerts')).toMatchObject({ kind: 'subscribe', targets: ['db-1'] });
    expect(parse('what remediations ran today?')).toMatchObject({ kind: 'history' });
    expect(parse('escalate web-1')).toMatchObject({ kind: 'escalate', target: 'web-1' });
    // A past form a letter away from the command never pings anyone.
    expect(parse('escalated alerts this week').kind).not.toBe('escalate');
    expect(parse('escalated web-1 alerts').kind).not.toBe('escalate');
    expect(parse('please escalate web-1')).toMatchObject({ kind: 'escalate', target: 'web-1' });
    expect(parse('unmuted alerts').kind).not.toBe('unsilence');
    expect(parse('mutes this week').kind).toBe('silences');
    expect(parse('mute web-1 for 1h')).toMatchObject({ kind: 'silence', target: 'web-1' });
    expect(parse('acknowledged on web-1 this week').kind).not.toBe('ack');
    expect(parse('acknowledged web-1')).toMatchObject({ kind: 'ack', target: 'web-1' });
    expect(parse('unmute web-1')).toMatchObject({ kind: 'unsilence', target: 'web-1' });
    expect(parse('cpu this morning')).toMatchObject({ span: { kind: 'range', until: { minute: 720 } } });
    expect(parse('what happened last night')).toMatchObject({ span: { kind: 'range', until: { minute: 360 } } });
    expect(parse('what is the threshold for disk?')).toMatchObject({ kind: 'rules', metric: 'disk' });
    expect(parse("what's the expected range for api-1 latency?")).toMatchObject({ kind: 'explain', usual: true });
    expect(parse('how many samples are stored?')).toMatchObject({ kind: 'pipeline' });
    expect(parse('hand the web-1 alert over to alice')).toMatchObject({ kind: 'elsewhere', what: 'assign' });
    expect(parse('add web-1 to the incident')).toMatchObject({ kind: 'incident', action: 'scope', targets: ['web-1'] });
    expect(parse('run the cleanup on web-2')).toMatchObject({ kind: 'action_request', action: 'cleanup_disk' });
    expect(parse('retry').kind).toBe('unknown');
    expect(parse('repeat that').kind).toBe('unknown');
    expect(parse('time in alert for web-1')).toMatchObject({ kind: 'anomalies', target: 'web-1' });
  });

  it('shows the next page of a list as the longer list', () => {
    const prev = parse('anomalies');
    expect(followUp(prev, parse('next page'), 'next page')).toMatchObject({ kind: 'anomalies', limit: 50 });
    expect(followUp(prev, parse('keep going'), 'keep going')).toMatchObject({ kind: 'anomalies', limit: 50 });
  });

  it('says an ended anomaly is not reopened by hand, and what to do instead', async () => {
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now, staleAfterMs: 90_000 };
    const reply = await answerIntent(parse('reopen the last alert'), c);
    expect(reply).toMatch(/^I don't reopen anomalies by hand/);
    expect(reply).toContain('watch web-1 cpu above 90');
  });

  it('leads "which alerts were held?" with what reached chat, then the ones held back', async () => {
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now, staleAfterMs: 90_000 };
    c.store.upsertAnomaly(resolvedAnomaly('an_held', now - 60_000, { target: 'db-1', startTs: now - 600_000, endTs: now - 60_000 }));
    c.store.setKv('held:an_held', 'silenced');
    const lines = (await answerIntent(parse('which alerts were held today?'), c)).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Posted to chat: none of them. Not posted: 1 held by a silence.',
      'Held back, newest first (1):',
      '• an_held [warning] db-1 CPU, from 2026-12-06 12:50:00 UTC: held by a silence',
    ]);
    expect(lines.filter((l) => l.startsWith('Posted to chat'))).toHaveLength(1);
  });

  it.each([
    ['hand over to alice', /^nothing changed: a shift moves only when the person taking it says so/],
    ['alice covers for me', /^nothing changed: a shift moves only when the person taking it says so/],
    ['add bob to the incident', /^an incident keeps one commander, not a list of members, so nothing changed\. .*"incident update: bob is/],
    ['retry the failed restart', /^Nothing was run: a remediation is never re-run/],
    ['run it for real', /^Nothing was run: .*never re-run or turned from a dry run into a live one/],
    ['rerun rp_abc123', /^Nothing was run/],
  ])('refuses "%s" and says what to do instead', (q, reason) => {
    expect(parse(q)).toMatchObject({ kind: 'bad_input', reason: expect.stringMatching(reason) });
  });

  it("tells the time on a named zone's clock, from an IANA name or a city, and refuses an abbreviation or an unknown place", async () => {
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now: Date.UTC(2026, 11, 6, 13, 30), staleAfterMs: 90_000 };
    const say = (q: string) => answerIntent(parse(q), c);
    const tokyo = 'In Asia/Tokyo it is 2026-12-06 22:30 (+09:00), Sunday; here it is 2026-12-06 13:30:00 UTC.';
    expect(await say('what time is it in tokyo?')).toBe(tokyo);
    expect(await say('what time is it in Asia/Tokyo?')).toBe(tokyo);
    expect(await say('time in new york')).toBe(
      'In America/New_York it is 2026-12-06 08:30 (-05:00), Sunday; here it is 2026-12-06 13:30:00 UTC.',
    );
    expect(await say('what time is it in PST?')).toMatch(
      /^I know no time zone called "pst": .*an abbreviation such as PST names several zones/,
    );
    expect(await say('what time is it in atlantis?')).toMatch(/^I know no time zone called "atlantis"/);
    expect(await say('what time is it?')).toBe('It is 2026-12-06 13:30:00 UTC, Sunday. I read and say times in UTC.');
  });

  it('compares the targets of the last two reads, or of the last read of several, when asked "compare them" or "which is worse?"', () => {
    const talk = createConversations();
    const ask = (q: string, key = 'web:console::alice') => talk.resolve(key, parse(q), q, now);
    ask('cpu on web-1');
    ask('cpu on web-2');
    expect(ask('compare them')).toEqual({ kind: 'metrics', group: ['web-1', 'web-2'], metric: 'cpu' });
    expect(ask('which is worse?')).toEqual({ kind: 'metrics', group: ['web-1', 'web-2'], metric: 'cpu', stat: 'max' });
    expect(ask('which one is better?')).toMatchObject({ stat: 'min' });
    // Over a window, the window carries; another conversation has nothing to compare.
    ask('memory on db-1 over the last hour');
    ask('and on web-1?');
    expect(ask('which is higher?')).toMatchObject({ group: ['db-1', 'web-1'], metric: 'memory', span: { kind: 'last' }, stat: 'max' });
    expect(ask('compare them', 'web:console::bob').kind).toBe('unknown');
    // One read alone names nothing to compare with.
    const fresh = createConversations();
    fresh.resolve('k', parse('cpu on web-1'), 'cpu on web-1', now);
    expect(fresh.resolve('k', parse('compare them'), 'compare them', now).kind).toBe('unknown');
  });

  it('says how many samples of each series are held for one target, beside whether its data arrived', async () => {
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now, staleAfterMs: 90_000 };
    for (let k = 0; k < 10; k++)
      c.store.saveSamples([
        { target: 'web-1', metric: 'cpu', ts: now - k * 30_000, value: 20 },
        ...(k < 4 ? [{ target: 'web-1', metric: 'memory', ts: now - k * 30_000, value: 50 }] : []),
      ]);
    const lines = (await answerIntent(parse('how many samples do you have for web-1?'), c)).split('\n');
    expect(lines[1]).toBe('Samples held over the last 7 d: CPU 10, memory 4.');
  });

  it('reads two conditions on two metrics together, for the fleet and for one host', async () => {
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now, staleAfterMs: 90_000 };
    const at = (target: string, metric: string, value: number) => ({ target, metric, ts: now - 10_000, value });
    c.store.saveSamples([
      at('web-1', 'disk', 50),
      at('web-1', 'cpu', 35),
      at('web-2', 'disk', 45),
      at('web-2', 'cpu', 10),
      at('db-1', 'disk', 20),
    ]);
    c.store.saveSamples([at('db-1', 'cpu', 90)]);
    const say = async (q: string) => (await answerIntent(parse(q), c)).split('\n');
    expect(await say('hosts with disk above 40% and cpu above 30%')).toEqual([
      '1 of 3 targets have disk above 40.0% and CPU above 30.0% now:',
      '```',
      'target  disk   CPU    at',
      'web-1   50.0%  35.0%  12:59:50 UTC',
      '```',
    ]);
    expect((await say('disk above 60% and cpu above 30%'))[0]).toBe(
      'No target has disk above 60.0% and CPU above 30.0% now (0 of 3 have disk above 60.0%).',
    );
    expect(await say('is web-2 disk above 40% and cpu above 30%?')).toEqual([
      'No: web-2 disk is 45.0% (above 40.0%) and CPU 10.0% (not above 30.0%), at 12:59:50 UTC.',
    ]);
    // "And high cpu" is above its threshold rule's line, as "high cpu" alone is; with no rule for it, said so.
    expect(parse('hosts with disk above 10% and high cpu')).toMatchObject({ also: { metric: 'cpu', bound: { rule: 'any' } } });
    const rules: AnswerContext = { ...c, thresholds: [{ metric: 'cpu', above: 80, forSamples: 3, severity: 'warning' }] };
    expect((await answerIntent(parse('hosts with disk above 10% and high cpu'), rules)).split('\n')[0]).toBe(
      '1 of 3 targets have disk above 10.0% and CPU above 80.0% now:',
    );
    expect(await say('hosts with disk above 10% and high cpu')).toEqual([
      'No threshold rule is set for CPU (thresholds in the config file), so there is no line to measure against; ask with a figure ("how long was it above 90%?").',
    ]);
  });

  it('lists the help lines of a topic, and all of them for a topic it has none about', () => {
    expect(helpFor('silences').split('\n')).toEqual([
      'About silences, try:',
      expect.stringMatching(/^• "snooze web-1 cpu for 30m"/),
      '"help" lists everything.',
    ]);
    expect(helpFor('zebras')).toMatch(/^Nothing in the help is about "zebras"; everything I answer:\nI answer from the live data/);
    expect(helpFor(undefined)).toBe(HELP);
  });

  it('fills in the one proposal or silence the last reply named, and only where "it" is said and nothing else is named', () => {
    const last = { rp: 'rp_abc123', sl: 'sl_def456' };
    expect(namedIt(parse('approve it'), 'approve it', last)).toEqual({ kind: 'approve', id: 'rp_abc123' });
    expect(namedIt(parse('cancel it'), 'cancel it', last)).toEqual({ kind: 'deny', id: 'rp_abc123' });
    expect(namedIt(parse('did it work?'), 'did it work?', last)).toEqual({ kind: 'explain', id: 'rp_abc123' });
    expect(namedIt(parse('lift it'), 'lift it', last)).toMatchObject({ kind: 'unsilence', id: 'sl_def456' });
    expect(namedIt(parse('extend it by an hour'), 'extend it by an hour', last)).toMatchObject({ extend: { id: 'sl_def456' } });
    // Something else named, or no "it": as parsed.
    expect((namedIt(parse('approve the scale up on web-2'), 'approve the scale up on web-2', last) as { id?: string }).id).toBeUndefined();
    expect((namedIt(parse('approve'), 'approve', last) as { id?: string }).id).toBeUndefined();
    expect(namedIt(parse('unsnooze web-1'), 'unsnooze web-1', last)).toMatchObject({ target: 'web-1' });
    expect((namedIt(parse('approve it'), 'approve it', {}) as { id?: string }).id).toBeUndefined();
    expect(oneId('rp', 'rp_a1b2c3 and rp_a1b2c3')).toBe('rp_a1b2c3');
    expect(oneId('rp', 'rp_a1b2c3 or rp_d4e5f6')).toBeUndefined();
  });

  it('reads a window in rows of a few minutes, or the readings themselves, newest first', async () => {
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now, staleAfterMs: 90_000 };
    // A reading every 30 s over the last hour: 10, 11, …
    for (let k = 0; k < 120; k++)
      c.store.saveSamples([{ target: 'web-1', metric: 'cpu', ts: now - (119 - k) * 30_000, value: 10 + (k % 20) }]);
    const rows = (await answerIntent(parse('cpu on web-1 every 20 minutes over the last hour'), c)).split('\n');
    expect(rows[0]).toBe('CPU over the last 60 min, web-1, every 20 min (UTC): the mean, and the highest and lowest reading.');
    // 12:00:30 to 12:19:30 in the first row; the reading at 13:00 opens a row of its own.
    expect(rows.slice(2, 8)).toEqual([
      'from            CPU    highest  lowest',
      '12:00           19.3%  29.0%    10.0%',
      '12:20           19.5%  29.0%    10.0%',
      '12:40           19.5%  29.0%    10.0%',
      '13:00 (so far)  29.0%  29.0%    29.0%',
      '```',
    ]);
    expect((await answerIntent(parse('last 3 readings of web-1 cpu'), c)).split('\n')).toEqual([
      'The last 3 CPU readings of web-1, newest first (3 of 120 kept):',
      '```',
      'at                       CPU',
      '2026-12-06 13:00:00 UTC  29.0%',
      '2026-12-06 12:59:30 UTC  28.0%',
      '2026-12-06 12:59:00 UTC  27.0%',
      '```',
    ]);
    expect(await answerIntent(parse('raw samples for db-1 memory'), c)).toBe('No memory readings over the last 15 min for db-1.');
    // Of several series, that many of each.
    c.store.saveSamples([{ target: 'web-2', metric: 'cpu', ts: now - 5_000, value: 50 }]);
    const both = (await answerIntent(parse('last 1 readings of cpu on web-1 and web-2'), c)).split('\n');
    expect(both[0]).toBe('The last 1 CPU readings of each series of web-1, web-2, newest first (2 of 121 kept):');
    expect(both.slice(3, 5)).toEqual(['2026-12-06 13:00:00 UTC  web-1 CPU  29.0%', '2026-12-06 12:59:55 UTC  web-2 CPU  50.0%']);
    // A percentile asked of each row: its readings' nearest-rank value, beside the mean (40 readings 10…29 twice: p90 is 27).
    const p90 = (await answerIntent(parse('p90 cpu on web-1 every 20 minutes over the last hour'), c)).split('\n');
    expect(p90[0]).toBe(
      "CPU over the last 60 min, web-1, every 20 min (UTC): the mean, the p90 of the readings in it (all targets' together), and the highest and lowest reading.",
    );
    expect(p90.slice(2, 5)).toEqual([
      'from            CPU    p90    highest  lowest',
      '12:00           19.3%  27.0%  29.0%    10.0%',
      '12:20           19.5%  27.0%  29.0%    10.0%',
    ]);
  });

  it('says one target in one line when one is named', async () => {
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now, staleAfterMs: 90_000 };
    c.store.saveSamples([{ target: 'web-2', metric: 'cpu', ts: now - 10_000, value: 20 }]);
    c.store.setTargetState('web-2', 'up');
    c.store.upsertAnomaly(resolvedAnomaly('an_w2', now - 600_000, { target: 'web-2', startTs: now - 900_000, endTs: now - 600_000 }));
    c.store.upsertAnomaly(resolvedAnomaly('an_d1', now - 60_000, { target: 'db-1', startTs: now - 120_000, endTs: now - 60_000 }));
    expect(await answerIntent(parse('web-2 status in one line'), c)).toBe(
      'web-2: reporting · nothing open · nothing waiting for approval · today (UTC) 1 episode, the last ended 10 min ago.',
    );
    expect(await answerIntent(parse('db-1 in one line'), c)).toMatch(/^db-1: not reported yet · /);
  });
});

describe('a weekday said with "since" or a part of the day', () => {
  it('reads "since monday" up to now, and "friday morning" as that part of that day', () => {
    expect(parse('cpu since monday')).toEqual({
      kind: 'metrics',
      metric: 'cpu',
      span: { kind: 'range', from: { minute: 0, day: { weekday: 1 } } },
    });
    const part = (q: string) => (parse(q) as { span?: unknown }).span;
    expect(part('latency on friday morning')).toEqual({
      kind: 'range',
      from: { minute: 360, day: { weekday: 5 } },
      until: { minute: 720, day: { weekday: 5 } },
    });
    expect(part('cpu last tuesday afternoon')).toEqual({
      kind: 'range',
      from: { minute: 720, day: { weekday: 2, before: true } },
      until: { minute: 1080, day: { weekday: 2, before: true } },
    });
    expect(part('cpu on saturday in the morning')).toMatchObject({ from: { minute: 360, day: { weekday: 6 } } });
    // A whole day stays whole.
    expect(part('cpu on friday')).toEqual({
      kind: 'range',
      from: { minute: 0, day: { weekday: 5 } },
      until: { minute: 1440, day: { weekday: 5 } },
    });
  });
});
