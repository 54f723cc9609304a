import { describe, expect, it } from 'vitest';
import { createChatService } from '../../../src/bot/chat-service.js';
import { answerBoth, leaderNow, splitReads } from '../../../src/bot/compound-reads.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly } from '../../fixtures/anomaly.js';
import { captureLogger } from '../../helpers/test-config.js';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'db-1', role: 'db' },
];

describe('two reads in one message', () => {
  it('splits a figure and the alerts, the second about the first target when it names none', () => {
    expect(splitReads('cpu and memory on db-1 and also any alerts?', targets)).toEqual(['cpu and memory on db-1', 'any alerts on db-1']);
    expect(splitReads('cpu on db-1, and any alerts on it?', targets)).toEqual(['cpu on db-1', 'any alerts on db-1?']);
    expect(splitReads('show disk on db-1 and open alerts', targets)).toEqual(['show disk on db-1', 'open alerts on db-1']);
    // "It" is the figure's series when the second names no metric.
    expect(splitReads('cpu on web-1 and is it rising?', targets)).toEqual(['cpu on web-1', 'is web-1 cpu rising?']);
    // Who is on call is never narrowed to a target.
    expect(splitReads('is web-1 up? and who is on call?', targets)).toEqual(['is web-1 up', 'who is on call?']);
    expect(splitReads('status and pending approvals', targets)).toEqual(['status', 'pending approvals']);
  });

  it('reads "it" after a ranking as its leader now: "highest memory and is it growing?"', () => {
    const S = (value: number, ts = NOW - 10_000) => ({ value, ts });
    const latest = new Map([
      [
        'web-1',
        new Map([
          ['memory', S(50)],
          ['disk', S(40)],
        ]),
      ],
      [
        'db-1',
        new Map([
          ['memory', S(70)],
          ['disk', S(90, NOW - 600_000)],
        ]),
      ],
    ]);
    const leaderOf = (metric: string, stat: 'max' | 'min', group?: string[]) =>
      leaderNow(latest, { metric, stat, group, now: NOW, staleAfterMs: 90_000 });
    expect(splitReads('highest memory and is it growing?', targets, leaderOf)).toEqual(['highest memory', 'is db-1 memory growing?']);
    expect(splitReads('lowest memory and is it growing?', targets, leaderOf)).toEqual(['lowest memory', 'is web-1 memory growing?']);
    // A stale reading never leads: db-1's disk is 10 min old.
    expect(splitReads('highest disk and is it rising?', targets, leaderOf)).toEqual(['highest disk', 'is web-1 disk rising?']);
    // "Least free disk" is the fullest.
    expect(splitReads('least free memory and is it rising?', targets, leaderOf)).toEqual(['least free memory', 'is db-1 memory rising?']);
    // Without "it", the second half is the fleet's, as before.
    expect(splitReads('highest memory and any alerts?', targets, leaderOf)).toEqual(['highest memory', 'any alerts?']);
  });

  it('leaves one question whole: two hosts, two metrics, the same kind twice, a command, or a thank-you', () => {
    for (const q of [
      'cpu on web-1 and web-2',
      'cpu and memory on db-1',
      'alerts this week and last week',
      'compare web-1 and web-2',
      'cpu on web-1 and what is the cpu on db-1',
      'restart app on web-1 and show open alerts',
      'anything wrong? thanks',
      'why is cpu high on web-1? is it the deploy?',
    ])
      expect(splitReads(q, targets), q).toBeUndefined();
  });

  it('answers both in order under the first intent, keeping what either attaches', async () => {
    const asked: string[] = [];
    const reply = await answerBoth(['a', 'b'], async (text) => {
      asked.push(text);
      return text === 'a'
        ? { text: 'one', intent: 'metrics' }
        : { text: 'two', intent: 'pending', messages: [{ title: 'rp', severity: 'ok', text: '', fields: [], actions: [] }] };
    });
    expect(asked).toEqual(['a', 'b']);
    expect(reply).toEqual({
      text: 'one\n\ntwo',
      intent: 'metrics',
      messages: [{ title: 'rp', severity: 'ok', text: '', fields: [], actions: [] }],
    });
  });

  it('is answered so through the chat service', async () => {
    const store = createSqliteStore(':memory:');
    store.saveSamples([{ target: 'db-1', metric: 'cpu', ts: NOW - 30_000, value: 42 }]);
    store.upsertAnomaly({ ...cpuAnomaly('an_db', 'db-1', 'disk'), startTs: NOW - 60_000 });
    const chat = createChatService({
      store,
      approvers: { slack: { users: [], roles: [] }, discord: { users: [], roles: [] }, web: { users: [], roles: [] } },
      targets: () => targets,
      clock: { now: () => NOW },
      logger: captureLogger(),
      staleAfterMs: 90_000,
    });
    const reply = await chat.handle({
      kind: 'text',
      platform: 'web',
      user: { platform: 'web', id: 'bob', roles: [] },
      channel: 'console',
      text: 'cpu on db-1, and any alerts on it?',
      source: 'command',
    });
    const [figure, alerts] = reply.text.split('\n\n');
    expect(figure).toMatch(/^db-1 CPU 42\.0% /);
    expect(alerts).toMatch(/an_db/);
    expect(reply.intent).toBe('metrics');
  });
});
