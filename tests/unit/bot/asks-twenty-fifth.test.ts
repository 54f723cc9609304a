import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';
import { HELP, notUnderstood } from '../../../src/bot/help-text.js';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const MIN = 60_000;
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'web-2', role: 'web' },
  { name: 'db-1', role: 'db' },
];
const ctx = (): AnswerContext => ({ store: createSqliteStore(':memory:'), targets, now: NOW, staleAfterMs: 90_000 });
const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, targets), c);

describe('"is anything stuck?"', () => {
  it('reads it as what needs attention, and "is the restart stuck?" as that remediation', () => {
    for (const q of ['is anything stuck?', 'anything hung?', "what's stuck?"])
      expect(parseIntent(q, targets)).toEqual({ kind: 'attention' });
    expect(parseIntent('is something stuck on web-1?', targets)).toEqual({ kind: 'attention', target: 'web-1' });
    expect(parseIntent('is the scale up on web-2 stuck?', targets)).toEqual({
      kind: 'explain',
      proposal: { action: 'scale_up', target: 'web-2' },
    });
    expect(parseIntent('is the restart on web-1 taking too long?', targets)).toEqual({
      kind: 'explain',
      proposal: { action: 'restart_service', target: 'web-1' },
    });
  });

  it('lists remediations approved and not finished, with how long ago they were approved', () => {
    const c = ctx();
    expect(ask('is anything stuck?', c)).toMatch(/^Nothing needs attention: 0 of 3 targets reporting/);
    const running = { ...PROPOSAL, state: 'running' as const, decidedBy: 'slack:U1', decidedTs: NOW - 25 * MIN, updatedTs: NOW - 25 * MIN };
    c.store.insertProposal(running, {
      proposalId: running.id,
      from: null,
      to: 'running',
      actor: 'slack:U1',
      ts: running.updatedTs,
      note: '',
    });
    const lines = ask('is anything stuck?', c).split('\n');
    expect(lines[0]).toBe('Needs attention (2026-12-07 12:00:00 UTC): 1 approved and not finished.');
    expect(lines).toContain('1 approved and not finished:');
    expect(lines).toContain(
      '• rp_web1 restart_service on web-1 (approval, simulate): running, approved by slack:U1 at 2026-12-07 11:35:00 UTC, 25 min ago ("timeline rp_web1" says where it is)',
    );
    // Scoped to the hosts asked about.
    expect(ask('is something stuck on db-1?', c)).toMatch(/^Nothing needs attention on db-1/);
  });
});

describe('alerts nobody has acked, said with a negation', () => {
  it('reads "haven\'t acked" and "have not acknowledged" as unacknowledged, now unless a past is said', () => {
    for (const q of ["show me alerts I haven't acked", 'alerts I have not acknowledged', "which alerts haven't been acked?"])
      expect(parseIntent(q, targets)).toMatchObject({ kind: 'anomalies', open: true, acked: false });
    const past = parseIntent("alerts that weren't acked yesterday", targets);
    expect(past).toMatchObject({ kind: 'anomalies', acked: false, span: { kind: 'day', daysBack: 1 } });
    expect(past).not.toHaveProperty('open');
    // Of one alert, still whether it was taken on.
    expect(parseIntent("hasn't anyone acked web-1?", targets)).toEqual({ kind: 'ack_status', target: 'web-1' });
    expect(parseIntent('is the db-1 alert not acked?', targets)).toEqual({ kind: 'ack_status', target: 'db-1' });
  });
});

describe('acks per person, asked as "how many"', () => {
  it('reads "how many alerts did each person ack this week?" as the responders table, not the alert counts', () => {
    expect(parseIntent('how many alerts did each person ack this week?', targets)).toEqual({
      kind: 'responders',
      span: { kind: 'last', ms: 7 * 24 * 60 * MIN },
    });
    expect(parseIntent('how many acks per person?', targets)).toEqual({ kind: 'responders' });
    expect(parseIntent('how many alerts did each host have?', targets).kind).toBe('anomalies');
  });
});

describe('time in alert and MTTR of one host or metric', () => {
  it('reads "how long was web-1 in alert today?" and "mttr for cpu" as those times, not the figures', () => {
    for (const q of [
      'how much time did web-1 spend in alert today?',
      'how long was web-1 in alert today?',
      'how many minutes was web-1 alerting today?',
    ])
      expect(parseIntent(q, targets)).toMatchObject({ kind: 'anomalies', target: 'web-1', today: true, count: true, timeTo: 'open' });
    expect(parseIntent('how long was web-1 cpu in alert today?', targets)).toMatchObject({ metric: 'cpu', timeTo: 'open' });
    expect(parseIntent('mttr for cpu', targets)).toMatchObject({ kind: 'anomalies', metric: 'cpu', timeTo: 'resolve' });
    expect(parseIntent('time to acknowledge disk alerts', targets)).toMatchObject({ kind: 'anomalies', metric: 'disk', timeTo: 'ack' });
    // A figure's own time past a line is still the figure's.
    expect(parseIntent('how long was web-1 above 90% cpu today?', targets)).toMatchObject({ kind: 'metrics', boundAsk: 'duration' });
  });
});

describe('"did the api-1 latency spike affect other hosts?"', () => {
  it('explains that alert, whose reply lists what opened around it, and "did it spread?" the one this conversation is on', () => {
    const apiTargets = [...targets, { name: 'api-1', role: 'api' }];
    expect(parseIntent('did the latency spike on api-1 affect other hosts?', apiTargets)).toEqual({
      kind: 'explain',
      target: 'api-1',
      metric: 'latency',
      latest: true,
    });
    expect(parseIntent('did the db-1 memory alert spread?', targets)).toEqual({
      kind: 'explain',
      target: 'db-1',
      metric: 'memory',
      latest: true,
    });
    for (const q of ['did it spread to other hosts?', 'was anything else affected?'])
      expect(parseIntent(q, targets)).toEqual({ kind: 'explain', it: true });
    // A remediation's or a deploy's effect is theirs to answer.
    expect(parseIntent('did the deploy affect other hosts?', targets).kind).toBe('change_impact');
    expect(parseIntent('did the disk cleanup affect other hosts?', targets).kind).toBe('history');
    // "More" of something else, or a figure past a line, is not about other hosts.
    expect(parseIntent('did we hit more alerts than yesterday?', targets).kind).toBe('anomaly_change');
    expect(parseIntent('has disk reached 90% on any other host?', targets).kind).toBe('metrics');
  });
});

describe('"show me something interesting"', () => {
  it('reads it as what is unusual now without alerting; with a time, the alerts of then', () => {
    expect(parseIntent('show me something interesting', targets)).toEqual({ kind: 'unusual_now' });
    expect(parseIntent('anything interesting today?', targets)).toMatchObject({ kind: 'anomalies', today: true });
  });
});

describe('"I\'m going to lunch, ping me if anything critical happens"', () => {
  it('reads the request after a word of going away, and "if anything breaks" / "if db-1 gets worse" as subscriptions', () => {
    expect(parseIntent("I'm going to lunch, ping me if anything critical happens", targets)).toEqual({
      kind: 'subscribe',
      severity: 'critical',
    });
    expect(parseIntent("I'm heading out, notify me about db-1", targets)).toEqual({ kind: 'subscribe', targets: ['db-1'] });
    expect(parseIntent("we're off for the night. page us if anything breaks", targets)).toEqual({ kind: 'subscribe' });
    expect(parseIntent('tell me if db-1 gets worse', targets)).toEqual({ kind: 'subscribe', targets: ['db-1'] });
    // A recovery or a line is a watch, as before; "any host goes down" is still explained, not subscribed.
    expect(parseIntent('tell me when web-1 recovers', targets).kind).toBe('watch');
    expect(parseIntent('tell me if cpu on web-1 gets above 90%', targets).kind).toBe('watch');
    expect(parseIntent('alert me if any host goes down', targets).kind).toBe('bad_input');
  });
});

describe('"prep me for on-call"', () => {
  it('reads it as the handover, not the rotation', () => {
    for (const q of ['prep me for on-call', 'prepare me for my shift', 'get me ready for on-call'])
      expect(parseIntent(q, targets)).toMatchObject({ kind: 'anomalies', digest: true, shift: true });
  });
});

describe('"what\'s the difference between an alert and an anomaly?"', () => {
  it("explains the anomaly, the alert message and the incident, and leaves a question about one host's alert to the list", () => {
    for (const q of ["what's the difference between an alert and an anomaly?", 'what is an incident?', 'alerts vs anomalies'])
      expect(parseIntent(q, targets)).toEqual({ kind: 'glossary', term: 'alert' });
    expect(parseIntent("what's the alert on web-1?", targets).kind).toBe('anomalies');
    const out = ask('is an anomaly an alert?', ctx());
    expect(out).toMatch(/^An anomaly \(an_…\) is what one detector finds on one target and metric/);
    expect(out).toContain('An incident (in_…) is declared by people');
  });
});

describe('a question not understood, with no LLM', () => {
  it('gives the help lines that share a word with it, else the commonest, never the whole help', () => {
    const bullets = HELP.split('\n').filter((l) => l.startsWith('•'));
    const silence = notUnderstood('can you silence the thing', 'NOTE').split('\n');
    expect(silence[0]).toBe('NOTE');
    expect(silence[1]).toBe('Closest in what I answer:');
    expect(silence.slice(2, -1).every((l) => bullets.includes(l) && /silence/i.test(l))).toBe(true);
    expect(silence.at(-1)).toBe(
      `"help" lists all ${bullets.length} kinds of question I answer; "help silences", "help on-call" … one topic.`,
    );
    const joke = notUnderstood('tell me a joke', 'NOTE').split('\n');
    expect(joke.slice(1, 6)).toEqual(['The commonest questions:', ...bullets.slice(0, 4)]);
    // At most five lines, in the help's order, and far shorter than it.
    const disk = notUnderstood('show me the heatmap of disk', 'NOTE').split('\n');
    expect(disk.length).toBeLessThanOrEqual(8);
    expect(disk.join('\n').length).toBeLessThan(HELP.length / 2);
    expect(notUnderstood(42 as unknown as string, 'NOTE').split('\n')[1]).toBe('The commonest questions:');
  });
});
