import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src/bot/parse-intent.js';

const targets = [{ name: 'web-1' }, { name: 'db-1' }, { name: 'api-2' }];
const parse = (q: string) => parseIntent(q, targets);
/** Nothing is done, and the reply says why. */
const refused = (q: string, reason: RegExp) => {
  const i = parse(q);
  expect(i.kind).toBe('bad_input');
  expect((i as { reason: string }).reason).toMatch(reason);
};

describe('a command said not to be done', () => {
  it.each([
    ["don't restart web-1", /^Nothing done: an action runs only when someone asks for it.*"deny rp_…"/],
    ['we should not scale up api-2', /^Nothing done: an action runs only when/],
    ['no need to clean up db-1', /^Nothing done: an action runs only when/],
    ['don’t restart web-1', /^Nothing done: an action runs only when/],
    ["don't approve rp_abc123", /^Nothing done: a proposal waits until someone approves or denies it\. To turn it down, "deny rp_…"$/],
    ['please do not ack web-1', /^Nothing done: an alert is only taken on when someone asks/],
    ['no, do not escalate web-1', /^Nothing done: I escalate an alert when asked, or on my own when chat\.escalate\.afterMinutes is set/],
    ['do not silence db-1', /^Nothing done: nothing is silenced unless someone asks$/],
    ['stop restarting web-1', /^Nothing done: an action runs only when/],
    ['stop escalating web-1', /^Nothing done: I escalate an alert when asked/],
  ])('%s does nothing, and says what would happen anyway', refused);

  it('leaves a question asking for the command, and the commands themselves, as they were', () => {
    expect(parse("shouldn't we restart web-1?").kind).not.toBe('bad_input');
    expect(parse('restart web-1')).toMatchObject({ kind: 'action_request', target: 'web-1' });
    // "Don't page anyone" asks for quiet: a silence, as "mute everything" is.
    expect(parse("don't page anyone about db-1")).toMatchObject({ kind: 'silence', target: 'db-1' });
  });
});

describe('stop silencing', () => {
  it('lifts the silence rather than starting one', () => {
    expect(parse('stop muting alerts for web-1')).toEqual({ kind: 'unsilence', target: 'web-1' });
    expect(parse('please stop snoozing db-1')).toEqual({ kind: 'unsilence', target: 'db-1' });
    expect(parse('stop muting everything')).toEqual({ kind: 'unsilence', all: true });
    expect(parse('turn alerts back on for db-1')).toEqual({ kind: 'unsilence', target: 'db-1' });
    expect(parse('re-enable alerting on web-1')).toEqual({ kind: 'unsilence', target: 'web-1' });
    // "Stop the restart" turns the proposal down, as "cancel the restart" does.
    expect(parse('stop the restart on web-1')).toEqual({ kind: 'deny', target: 'web-1', action: 'restart_service' });
  });
});

describe('a command said with a condition', () => {
  it.each([
    ['restart web-1 if cpu is above 90%', /^Nothing done: I act when asked, not on a condition I would watch for\. A remediation rule/],
    ['scale up api-2 when cpu hits 80%', /^Nothing done: I act when asked, not on a condition/],
    [
      'escalate web-1 unless someone acks in 10 minutes',
      /^Nothing done: I escalate when asked\. Escalating when nobody acknowledges an alert in time is chat\.escalate\.afterMinutes/,
    ],
    ['approve rp_abc123 if the tests pass', /^Nothing done: a decision is made when it is asked for; approve once the condition holds$/],
    ['unsnooze db-1 when the maintenance ends', /^Nothing done: a silence lasts until its end/],
  ])('%s does nothing, and says what does that', refused);

  it('keeps a request left to the approver, one asked now, and a reason that says "when"', () => {
    expect(parse('restart web-1 only if needed')).toMatchObject({ kind: 'action_request', target: 'web-1' });
    expect(parse('restart app on web-1 as soon as possible')).toMatchObject({ kind: 'action_request', target: 'web-1' });
    expect(parse('escalate web-1: it went down when we deployed')).toMatchObject({ kind: 'escalate', target: 'web-1' });
    expect(parse('what if we restart web-1?')).toMatchObject({ kind: 'action_request', question: true });
    // "Soon" alone is still later.
    expect(parse('restart web-1 soon').kind).toBe('bad_input');
  });
});

describe('an action word used as a noun', () => {
  it('reads "restart count", "restart status" and "restart policy" as questions, never as a restart of a service so named', () => {
    expect(parse('restart count for web-1')).toMatchObject({ kind: 'history', target: 'web-1', action: 'restart_service', count: true });
    expect(parse('how many clean ups on db-1')).toMatchObject({ kind: 'history', target: 'db-1', action: 'cleanup_disk', count: true });
    for (const q of ['restart status web-1', 'restart log for web-1', 'restart reason for web-1'])
      expect(parse(q), q).toMatchObject({ kind: 'history', target: 'web-1', action: 'restart_service' });
    expect(parse('restart policy')).toMatchObject({ kind: 'rules', action: 'restart_service' });
    expect(parse('restart nginx on web-1')).toMatchObject({ kind: 'action_request', service: 'nginx' });
  });
});

describe('other command words used as nouns', () => {
  it('reads them as the question they stand for, and leaves a target named like one alone', () => {
    expect(parse('silence status web-1')).toEqual({ kind: 'silences', target: 'web-1' });
    expect(parse('silence count')).toMatchObject({ kind: 'silences', stats: true });
    expect(parse('ack status web-1')).toEqual({ kind: 'ack_status', target: 'web-1' });
    expect(parse('ack rate')).toMatchObject({ kind: 'anomalies', timeTo: 'ack' });
    expect(parse('escalate policy')).toMatchObject({ kind: 'routing' });
    expect(parse('escalation history')).toMatchObject({ kind: 'audit', verbs: ['escalated'] });
    expect(parse('approve count')).toMatchObject({ kind: 'history', count: true });
    expect(parse('page count this week')).toMatchObject({ kind: 'pages', span: { kind: 'last' } });
    // Never the command: every command word with every noun of record, with or without a target.
    const acts = new Set(['ack', 'unack', 'silence', 'unsilence', 'escalate', 'approve', 'deny', 'action_request']);
    for (const verb of [
      'silence',
      'mute',
      'snooze',
      'unsnooze',
      'ack',
      'unack',
      'escalate',
      'page',
      'approve',
      'deny',
      'restart',
      'reboot',
      'scale up',
      'clean up',
    ])
      for (const noun of ['count', 'status', 'queue', 'history', 'rate', 'policy', 'schedule', 'owner', 'reason'])
        for (const tail of ['', ' web-1', ' this week'])
          expect(acts.has(parse(`${verb} ${noun}${tail}`).kind), `${verb} ${noun}${tail}`).toBe(false);
    const named = [...targets, { name: 'status-page' }];
    expect(parseIntent('silence status-page for 1h', named)).toMatchObject({ kind: 'silence', target: 'status-page' });
    expect(parseIntent('restart status-page', named)).toMatchObject({ kind: 'action_request', target: 'status-page' });
  });
});

describe('a bare command said as a question', () => {
  it('does nothing and says how to do it, while a polite ask and a question about it still work', () => {
    for (const [q, start] of [
      ['silence web-1?', 'Nothing silenced: that reads as a question.'],
      ['silence web-1 for 1h?', 'Nothing silenced: that reads as a question.'],
      ['unsnooze web-1?', 'Nothing lifted: that reads as a question.'],
      ['ack web-1?', 'Nothing acknowledged: that reads as a question.'],
      ['escalate web-1?', 'Nothing escalated: that reads as a question.'],
    ] as const)
      expect((parse(q) as { reason?: string }).reason, q).toMatch(new RegExp(`^${start.replace(/[.]/g, '\\.')}`));
    expect(parse('can you silence web-1 for 1h?')).toMatchObject({ kind: 'silence', target: 'web-1' });
    expect(parse('silence history?')).toMatchObject({ kind: 'silences' });
    expect(parse('ack status web-1?')).toEqual({ kind: 'ack_status', target: 'web-1' });
  });
});
