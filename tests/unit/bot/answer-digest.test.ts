import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';

const NOW = Date.UTC(2026, 12 - 1, 5, 12, 0, 0);
const MIN = 60_000;
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'db-1', role: 'db' },
];

const anomaly = (id: string, over: Partial<Anomaly>): Anomaly => resolvedAnomaly(id, NOW, over);

/** Today: a 30-min critical disk on db-1, a 5-min warning CPU on web-1, a critical CPU on web-1 still open; one yesterday. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const today = NOW - (NOW % 86_400_000);
  store.upsertAnomaly(
    anomaly('an_disk', { target: 'db-1', metric: 'disk', severity: 'critical', startTs: today + 60 * MIN, endTs: today + 90 * MIN }),
  );
  store.upsertAnomaly(anomaly('an_warn', { severity: 'warning', startTs: today + 120 * MIN, endTs: today + 125 * MIN }));
  store.upsertAnomaly(anomaly('an_open', { severity: 'critical', status: 'open', startTs: NOW - 10 * MIN, endTs: null }));
  store.upsertAnomaly(anomaly('an_yday', { severity: 'critical', startTs: today - 120 * MIN, endTs: today - 100 * MIN }));
  const ev = (id: string, ts: number) => ({ proposalId: id, from: null, to: 'proposed' as const, actor: 'pipeline', ts, note: '' });
  store.insertProposal({ ...PROPOSAL, id: 'rp_today', createdTs: NOW - 9 * MIN, updatedTs: NOW - 9 * MIN }, ev('rp_today', NOW - 9 * MIN));
  store.insertProposal(
    { ...PROPOSAL, id: 'rp_old', state: 'expired', createdTs: today - 60 * MIN, updatedTs: today - 30 * MIN },
    ev('rp_old', today - 60 * MIN),
  );
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}

const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, c.targets), c);

describe('a digest ("summarise today")', () => {
  it('gives the counts, what is still open, the longest critical ones and the remediations of the day', () => {
    const lines = ask('summarise today').split('\n');
    expect(lines[0]).toBe('3 anomalies today (UTC), 1 open.');
    expect(lines).toContain('By severity: critical 2, warning 1');
    // What is open is listed once, in full (the count's one-line "Still open: 1, the oldest …" is not repeated).
    expect(lines.filter((l) => l.startsWith('Still open'))).toEqual(['Still open (1):']);
    const open = lines.indexOf('Still open (1):');
    expect(lines[open + 1]).toMatch(/^• an_open \[critical\] web-1 CPU/);
    expect(lines).toContain('Longest critical: an_disk db-1 disk 30 min; an_open web-1 CPU 10 min so far.');
    expect(lines).toContain('Remediations proposed then: 1 (proposed 1); "remediation history" lists them.');
    expect(lines.at(-1)).toBe('Ask without "summary" for the list.');
  });

  it('is of today when no time is named, of the day named otherwise, and narrows to a target', () => {
    expect(ask('daily summary').split('\n')[0]).toBe('3 anomalies today (UTC), 1 open.');
    const yday = ask('recap yesterday').split('\n');
    expect(yday[0]).toBe('1 anomaly yesterday (UTC), 0 open.');
    expect(yday).toContain('Nothing from then is still open.');
    expect(yday).toContain('Remediations proposed then: 1 (expired 1); "remediation history" lists them.');
    const db = ask('summary for db-1 today').split('\n');
    expect(db[0]).toBe('1 anomaly on db-1 today (UTC), 0 open.');
    expect(db).toContain('No remediation was proposed then.');
  });

  it('hands over the notes left then and the silences scheduled in the next 24 h', () => {
    const c = ctx();
    c.store.appendRecord('alert_note', NOW - 5 * MIN, { anomaly: 'an_open', target: 'web-1', actor: 'slack:U2', text: 'restarted nginx' });
    const silence = { target: 'db-1', metric: '*', createdBy: 'slack:U2', createdTs: NOW, reason: 'kernel upgrade' };
    c.store.chat.addSilence({ ...silence, id: 'sl_soon', startsTs: NOW + 10 * 60 * MIN, untilTs: NOW + 11 * 60 * MIN });
    c.store.chat.addSilence({ ...silence, id: 'sl_later', startsTs: NOW + 30 * 60 * MIN, untilTs: NOW + 31 * 60 * MIN });
    const lines = ask('summarise today', c).split('\n');
    const at = lines.indexOf('Notes left then (1):');
    expect(lines.slice(at, at + 4)).toEqual([
      'Notes left then (1):',
      '• an_open web-1, slack:U2: restarted nginx',
      'Silences scheduled in the next 24 h:',
      '• sl_soon: db-1 from 2026-12-05 22:00:00 UTC to 2026-12-05 23:00:00 UTC: kernel upgrade',
    ]);
    expect(lines.join('\n')).not.toContain('sl_later');
  });

  it('leaves a count asked for ("summarise the last 3 anomalies") a list', () => {
    const r = ask('summarise the last 3 anomalies').split('\n');
    expect(r[0]).toMatch(/^In short: 3 anomalies, /);
    expect(r[1]).toMatch(/the last 3:$/);
  });
});

describe('"what was the longest incident?"', () => {
  it('ranks by how long each lasted, open ones so far, over the span asked', () => {
    const one = ask('what was the longest incident?').split('\n');
    expect(one[0]).toBe('4 anomalies, 1 open; the longest:');
    expect(one[1]).toMatch(/^• an_disk \[critical\] db-1 disk/);
    const today = ask('which alerts lasted the longest today').split('\n');
    expect(today[0]).toBe('3 anomalies today (UTC), 1 open; all, longest first:');
    expect(today.slice(1).map((l) => l.split(' ')[1])).toEqual(['an_disk', 'an_open', 'an_warn']);
  });
});

describe('"what was the worst incident?"', () => {
  it('puts critical ones first, then the longest, and is not read as a count', () => {
    expect(parseIntent('what was the worst incident this week?', targets)).toMatchObject({ worst: true, limit: 1 });
    expect(parseIntent('most severe alerts today', targets)).toMatchObject({ worst: true });
    expect(parseIntent('most severe alerts today', targets)).not.toHaveProperty('count');
    const c = ctx();
    // A 40-min warning outlasts every critical one, and still comes after them.
    c.store.upsertAnomaly(anomaly('an_long', { severity: 'warning', startTs: NOW - 60 * 60_000, endTs: NOW - 20 * 60_000 }));
    const one = ask('what was the worst incident?', c).split('\n');
    expect(one[0]).toBe('5 anomalies, 1 open; the worst (critical first, then the longest):');
    expect(one[1]).toMatch(/^• an_disk \[critical\] db-1 disk/);
    const all = ask('the worst alerts today', c).split('\n');
    expect(all[0]).toBe('4 anomalies today (UTC), 1 open; all, critical first, then the longest:');
    expect(all.slice(1).map((l) => l.split(' ')[1])).toEqual(['an_disk', 'an_open', 'an_long', 'an_warn']);
  });
});

describe('"MTBF", "mean time between failures"', () => {
  it('gives the gaps from one episode start to the next, and says when there is only one', () => {
    expect(parseIntent('MTBF this week', targets)).toMatchObject({ kind: 'anomalies', count: true, timeTo: 'between' });
    expect(parseIntent('what is the mean time between failures for web-1?', targets)).toMatchObject({ target: 'web-1', timeTo: 'between' });
    expect(parseIntent('MTTR this week', targets)).toMatchObject({ timeTo: 'resolve' });
    // Episodes today start at 01:00 (db-1 disk), 02:00 (web-1) and 11:50 (web-1, open): gaps 60 min and 9 h 50 min.
    const lines = ask('mtbf today').split('\n');
    expect(lines[0]).toBe(
      'Time between episodes (one start to the next, 2 gaps): median 60 min, mean 5 h 25 min, longest 9 h 50 min; the last began 10 min ago.',
    );
    expect(ask('mtbf for db-1 today').split('\n')[0]).toBe('Time between episodes: only one episode in that time, so no gap to measure.');
  });
});

describe('"which tier has the most alerts?"', () => {
  it('ranks the targets by their group, as the targets file names it', () => {
    const grouped = [
      { name: 'web-1', role: 'web' },
      { name: 'db-1', role: 'db' },
    ];
    expect(parseIntent('which role has the most alerts?', grouped)).toMatchObject({ kind: 'anomalies', rank: 'target', rankBy: 'role' });
    expect(parseIntent('cpu by role', grouped)).toMatchObject({ kind: 'metrics', groupBy: 'role' });
    const c = { ...ctx(), targets: grouped };
    // web-1 CPU twice (one open) and db-1 disk today, with yesterday's web-1: web 3 episodes, db 1.
    expect(answerIntent(parseIntent('alerts by role', grouped), c).split('\n')[0]).toBe('Most episodes by role: web 3; then db 1.');
  });
});
