import { describe, expect, it } from 'vitest';
import { anomalyRow, exportAnomalies, exportQueryOf, parseWhen, toCsv } from '../../../src/bot/anomaly-export.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { InputError } from '../../../src/core/errors.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const H = 3_600_000;

describe('anomaly export', () => {
  it('reads "24h", "7d", "90m", a date, a time with or without a zone, and epoch seconds or ms', () => {
    expect(parseWhen('24h', NOW, 'since')).toBe(NOW - 24 * H);
    expect(parseWhen('7d', NOW, 'since')).toBe(NOW - 168 * H);
    expect(parseWhen('90m', NOW, 'since')).toBe(NOW - 1.5 * H);
    expect(parseWhen('2w', NOW, 'since')).toBe(NOW - 336 * H);
    expect(parseWhen('2026-12-01', NOW, 'since')).toBe(Date.UTC(2026, 11, 1));
    expect(parseWhen('2026-12-01T06:30', NOW, 'since')).toBe(Date.UTC(2026, 11, 1, 6, 30));
    expect(parseWhen('2026-12-01 06:30:00+01:00', NOW, 'since')).toBe(Date.UTC(2026, 11, 1, 5, 30));
    expect(parseWhen('1764547200', NOW, 'since')).toBe(1764547200_000);
    expect(parseWhen('1764547200000', NOW, 'since')).toBe(1764547200_000);
    for (const bad of ['yesterday', '', '-1h', '24 hours ago', '2026-13-45', '1e12'])
      expect(() => parseWhen(bad, NOW, 'since')).toThrow(InputError);
  });

  it('defaults to the last 24 h as CSV and refuses an empty window, an unknown format or a target that is no name', () => {
    expect(exportQueryOf({}, NOW)).toEqual({ from: NOW - 24 * H, until: NOW, format: 'csv' });
    expect(exportQueryOf({ since: '2h', format: 'JSON', target: ' web-1 ' }, NOW)).toEqual({
      from: NOW - 2 * H,
      until: NOW,
      format: 'json',
      target: 'web-1',
    });
    expect(() => exportQueryOf({ since: '1h', until: '2h' }, NOW)).toThrow(/must be after since/);
    expect(() => exportQueryOf({ format: 'xlsx' }, NOW)).toThrow(/not csv or json/);
    expect(() => exportQueryOf({ target: 'web 1; drop' }, NOW)).toThrow(/not a target name/);
  });

  it('writes RFC 4180 CSV and defuses cells a spreadsheet would run', () => {
    const row = anomalyRow(
      resolvedAnomaly('an_1', NOW, { summary: 'a, "b"\nc', target: '@web', startTs: NOW - H, endTs: NOW, expectedHigh: 33.04999923706055 }),
      { by: 'slack:U1', ts: NOW - 30 * 60_000 },
    );
    expect(row).toMatchObject({ duration_s: 3600, expected_high: 33.05, acked_by: 'slack:U1', acked_at: '2026-12-05T11:30:00.000Z' });
    const [head, line, end] = toCsv([row]).split('\r\n');
    expect(head!.split(',')).toHaveLength(18);
    expect(line).toBe(
      `an_1,'@web,cpu,,threshold,warning,resolved,2026-12-05T11:00:00.000Z,2026-12-05T12:00:00.000Z,3600,97,97,0,33.05,1,"a, ""b""\nc",slack:U1,2026-12-05T11:30:00.000Z`,
    );
    expect(end).toBe('');
    // A negative number is a number, not a formula; an open anomaly has no end or duration.
    const open = anomalyRow(resolvedAnomaly('an_2', NOW, { status: 'open', endTs: null, expectedLow: -5 }));
    expect(toCsv([open]).split('\r\n')[1]).toMatch(/^an_2,web-1,cpu,,threshold,warning,open,[^,]+,,,97,97,-5,90,1,cpu 97 > 90,,$/);
  });

  it('takes what overlaps the window, however long ago it began, oldest first, for one target if asked', () => {
    const store = createSqliteStore(':memory:');
    const put = (id: string, target: string, start: number, end: number | null) =>
      store.upsertAnomaly(
        resolvedAnomaly(id, NOW, { key: `${id}|k`, target, startTs: start, endTs: end, status: end === null ? 'open' : 'resolved' }),
      );
    put('an_before', 'web-1', NOW - 30 * H, NOW - 29 * H);
    put('an_into', 'web-1', NOW - 26 * H, NOW - 20 * H);
    put('an_inside', 'db-1', NOW - 2 * H, NOW - H);
    put('an_open_long', 'db-1', NOW - 400 * H, null);
    put('an_after', 'web-1', NOW + H, NOW + 2 * H);
    const ids = (q: Parameters<typeof exportQueryOf>[0]) =>
      (
        JSON.parse(exportAnomalies(store, exportQueryOf({ ...q, format: 'json' }, NOW)).body) as { anomalies: { id: string }[] }
      ).anomalies.map((a) => a.id);
    expect(ids({})).toEqual(['an_open_long', 'an_into', 'an_inside']);
    expect(ids({ target: 'web-1' })).toEqual(['an_into']);
    expect(ids({ since: '48h', until: String(NOW - 25 * H) })).toEqual(['an_open_long', 'an_before', 'an_into']);
  });
});

describe('"export anomalies as csv" and "how do I back up the data?" in chat', () => {
  const targets = [{ name: 'web-1' }, { name: 'db-1', labels: { tier: 'data' } }];
  const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now: NOW, staleAfterMs: 90_000 };
  const ask = (q: string) => answerIntent(parseIntent(q, targets), c);

  it('gives the URL and the command, filled in with the target and time asked', () => {
    const reply = ask("download last week's alerts for web-1 as csv").split('\n');
    expect(reply[0]).toMatch(/^I can't post files here\. The anomalies on web-1 over the last 7 d, as CSV/);
    expect(reply[1]).toBe(
      "• on my side port, with the console's token: /api/anomalies?since=2026-11-28T12%3A00%3A00Z&target=web-1 (add &format=json for JSON; the web console's Export link gives the last 24 h)",
    );
    expect(reply[2]).toBe(
      '• on my host: `smartcloudops export anomalies --since 2026-11-28T12:00:00Z --target web-1` (--format json, --out FILE)',
    );
    expect(ask('export anomalies yesterday')).toContain('--since 2026-12-04T00:00:00Z --until 2026-12-04T23:59:59.999Z');
    expect(ask('export anomalies')).toContain('`smartcloudops export anomalies --since 24h`');
    // The anomaly list's own "today" is kept.
    expect(ask('export anomalies for db-1 today')).toContain('`smartcloudops export anomalies --since 2026-12-05T00:00:00Z --target db-1`');
  });

  it('says where the store is and how to copy and restore it, but keeps a question about a host', () => {
    expect(ask('how do I back up the data?')).toMatch(/^Everything I keep is one SQLite file/);
    expect(ask('backups?')).toContain('`smartcloudops backup /backups/sco-$(date +%F).db`');
    expect(parseIntent('is web-1 back up?', targets)).toMatchObject({ kind: 'metrics', target: 'web-1' });
    expect(parseIntent('is the db-1 backup done?', targets)).toMatchObject({ kind: 'metrics', target: 'db-1' });
  });
});

describe('remediation export', () => {
  it('gives the remediations proposed in the window, oldest first, with who decided and what came of it', async () => {
    const { exportRemediations } = await import('../../../src/bot/remediation-export.js');
    const { PROPOSAL } = await import('../../fixtures/llm-fleet.js');
    const store = createSqliteStore(':memory:');
    const put = (id: string, createdTs: number, over: Record<string, unknown> = {}) => {
      const p = { ...PROPOSAL, id, createdTs, updatedTs: createdTs, expiresTs: createdTs + H, ...over };
      store.insertProposal(p as typeof PROPOSAL, {
        proposalId: id,
        from: null,
        to: 'proposed',
        actor: 'pipeline',
        ts: createdTs,
        note: '',
      });
    };
    put('rp_old', NOW - 30 * H);
    put('rp_b', NOW - 2 * H, {
      state: 'succeeded',
      decidedBy: 'slack:U1',
      decidedTs: NOW - 2 * H + 60_000,
      result: 'restarted nginx, "ok"',
    });
    put('rp_a', NOW - 3 * H, { target: 'db-1', state: 'denied', decidedBy: 'web:alice', decidedTs: NOW - 3 * H + 30_000 });
    const csv = exportRemediations(store, exportQueryOf({}, NOW)).body.split('\r\n');
    expect(csv[0]).toBe(
      'id,anomaly_id,target,action,params,mode,executor,state,reason,proposed_at,decided_by,decided_at,updated_at,result',
    );
    expect(csv.slice(1, 3).map((l) => l.split(',')[0])).toEqual(['rp_a', 'rp_b']);
    expect(csv[2]).toContain(',succeeded,CPU above 90% for 3 samples,2026-12-05T10:00:00.000Z,slack:U1,2026-12-05T10:01:00.000Z,');
    expect(csv[2]).toMatch(/,"restarted nginx, ""ok"""$/);
    expect(csv[2]).toContain(',"{""service"":""nginx""}",');
    const json = JSON.parse(exportRemediations(store, exportQueryOf({ target: 'db-1', format: 'json' }, NOW)).body);
    expect(json.remediations.map((r: { id: string; decided_by: string }) => [r.id, r.decided_by])).toEqual([['rp_a', 'web:alice']]);
  });

  it('is what "export the audit log" and "download decisions as csv" point to', () => {
    const targets = [{ name: 'web-1' }];
    for (const q of ['export the audit log', 'download decisions as csv'])
      expect(parseIntent(q, targets)).toMatchObject({ kind: 'elsewhere', what: 'export', view: { remediations: true } });
    expect(parseIntent('export anomalies', targets)).toEqual({ kind: 'elsewhere', what: 'export', view: {} });
  });

  it('is what chat points to for "download approvals for web-1 this week"', () => {
    const targets = [{ name: 'web-1' }];
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now: NOW, staleAfterMs: 90_000 };
    const reply = answerIntent(parseIntent('download approvals for web-1 this week', targets), c).split('\n');
    expect(reply[1]).toBe(
      "• on my side port, with the console's token: /api/remediations?since=2026-11-28T12%3A00%3A00Z&target=web-1 (add &format=json for JSON)",
    );
    expect(reply[2]).toBe(
      '• on my host: `smartcloudops export remediations --since 2026-11-28T12:00:00Z --target web-1` (--format json, --out FILE)',
    );
  });
});
