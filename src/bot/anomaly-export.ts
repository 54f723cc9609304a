import type { Anomaly } from '../core/anomaly.js';
import { InputError } from '../core/errors.js';
import type { Store } from '../core/ports.js';

/** One export holds at most this many anomalies, newest first; the reply says when more matched. */
export const EXPORT_LIMIT = 50_000;

export interface ExportQuery {
  from: number;
  until: number;
  target?: string;
  format: 'csv' | 'json';
}

export interface AnomalyRow {
  id: string;
  target: string;
  metric: string;
  feature: string;
  detector: string;
  severity: string;
  status: string;
  start: string;
  end: string;
  duration_s: number | null;
  peak: number;
  last_observed: number;
  expected_low: number;
  expected_high: number;
  score: number;
  summary: string;
  acked_by: string;
  acked_at: string;
}

const COLUMNS: readonly (keyof AnomalyRow)[] = [
  'id',
  'target',
  'metric',
  'feature',
  'detector',
  'severity',
  'status',
  'start',
  'end',
  'duration_s',
  'peak',
  'last_observed',
  'expected_low',
  'expected_high',
  'score',
  'summary',
  'acked_by',
  'acked_at',
];

// Detector bounds are float32: 33.04999923706055 is 33.05.
const round = (v: number) => Number(v.toPrecision(7));
const iso = (ts: number | null | undefined) => (ts == null ? '' : new Date(ts).toISOString());

/** The row an anomaly exports as, with who acknowledged its alert. Pure. */
export function anomalyRow(a: Anomaly, ack?: { by: string; ts: number }): AnomalyRow {
  return {
    id: a.id,
    target: a.target,
    metric: a.metric,
    feature: a.feature ?? '',
    detector: a.detector,
    severity: a.severity,
    status: a.status,
    start: iso(a.startTs),
    end: iso(a.endTs),
    duration_s: a.endTs === null ? null : Math.round((a.endTs - a.startTs) / 1000),
    peak: round(a.peak),
    last_observed: round(a.observed),
    expected_low: round(a.expectedLow),
    expected_high: round(a.expectedHigh),
    score: Math.round(a.score * 1000) / 1000,
    summary: a.summary,
    acked_by: ack?.by ?? '',
    acked_at: iso(ack?.ts),
  };
}

/**
 * RFC 4180 CSV. A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a
 * leading apostrophe: summaries and targets can come from an Alertmanager webhook. Pure.
 */
export function toCsv<R extends object>(rows: readonly R[], columns: readonly (keyof R & string)[] = COLUMNS as never): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const at = (r: R, k: keyof R) => r[k] as string | number | null;
  return [columns.join(','), ...rows.map((r) => columns.map((k) => cell(at(r, k))).join(','))].join('\r\n') + '\r\n';
}

/** "24h", "7d", "30m", or a time (ISO 8601; no zone means UTC; or epoch seconds or ms). */
export function parseWhen(raw: string, now: number, name: string): number {
  const v = raw.trim();
  const ago = /^(\d{1,5})\s*(m|min|h|d|w)$/i.exec(v);
  if (ago) {
    const unit = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[ago[2]!.toLowerCase() as 'm'];
    return now - Number(ago[1]) * unit;
  }
  if (/^\d{9,13}$/.test(v)) return Number(v) < 1e11 ? Number(v) * 1000 : Number(v);
  const iso = v.replace(' ', 'T');
  const ts = /^\d{4}-\d\d-\d\d/.test(iso) ? Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`) : NaN;
  if (!Number.isFinite(ts))
    throw new InputError(`${name}: "${v.slice(0, 40)}" is not a time; write "24h", "7d", or a time such as 2026-12-01T00:00:00Z`);
  return ts;
}

/** The query from its raw parts (CLI flags, URL parameters): defaults to the last 24 h as CSV. */
export function exportQueryOf(raw: { since?: string; until?: string; target?: string; format?: string }, now: number): ExportQuery {
  const from = raw.since ? parseWhen(raw.since, now, 'since') : now - 86_400_000;
  const until = raw.until ? parseWhen(raw.until, now, 'until') : now;
  if (until <= from) throw new InputError(`until (${iso(until)}) must be after since (${iso(from)})`);
  const format = (raw.format ?? 'csv').toLowerCase();
  if (format !== 'csv' && format !== 'json') throw new InputError(`format: "${format.slice(0, 20)}" is not csv or json`);
  const target = raw.target?.trim();
  if (target !== undefined && !/^[\w.:@-]{1,128}$/.test(target)) throw new InputError('target: not a target name');
  return { from, until, ...(target ? { target } : {}), format };
}

/**
 * The anomalies that overlap [from, until] (started before its end, and open or ended after its
 * start), oldest first, as CSV or JSON, with how many matched when the export was capped.
 */
export function exportAnomalies(store: Store, q: ExportQuery): Exported {
  // recentAnomalies filters on start: one that began up to a week before `from` and ran into it
  // also counts, and so does one still open that began before that.
  const lookback = q.from - 7 * 86_400_000;
  const raw = store.recentAnomalies(EXPORT_LIMIT + 1, lookback, q.until + 1);
  const capped = raw.length > EXPORT_LIMIT;
  const older = store.openAnomalies().filter((a) => a.startTs < lookback);
  const found = [...raw.slice(0, EXPORT_LIMIT), ...older.sort((a, b) => b.startTs - a.startTs)].filter(
    (a) => (a.endTs === null || a.endTs >= q.from) && (!q.target || a.target === q.target),
  );
  const rows = found.reverse().map((a) => anomalyRow(a, store.chat.ackOfAnomaly(a.id)));
  return exported('anomalies', rows, COLUMNS, q, capped);
}

export interface Exported {
  body: string;
  contentType: string;
  count: number;
  capped: boolean;
}

/** Rows as the query's format: CSV with these columns, or JSON with the window and the rows under `name`. Pure. */
export function exported<R extends object>(
  name: string,
  rows: R[],
  columns: readonly (keyof R & string)[],
  q: ExportQuery,
  capped: boolean,
): Exported {
  const count = rows.length;
  if (q.format === 'csv') return { body: toCsv(rows, columns), contentType: 'text/csv; charset=utf-8', count, capped };
  const body = JSON.stringify({ from: iso(q.from), until: iso(q.until), count, capped, [name]: rows }, null, 1) + '\n';
  return { body, contentType: 'application/json', count, capped };
}
