import { InputError } from '../core/errors.js';

export interface CsvRow {
  timestamp: string;
  value: number;
  rawValue: string;
}

/** Parses a `timestamp,value` CSV with a header row; any bad line is an InputError naming it. */
export function parseSeriesCsv(text: string): CsvRow[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').trim().toLowerCase().replace(/"/g, '');
  const cols = header.split(',').map((c) => c.trim());
  const ti = cols.indexOf('timestamp');
  const vi = cols.indexOf('value');
  if (ti < 0 || vi < 0)
    throw new InputError(`line 1: expected a header with "timestamp" and "value" columns, got "${header.slice(0, 80)}"`);
  const rows: CsvRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const f = line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    const rawValue = f[vi] ?? '';
    const value = Number(rawValue);
    if (rawValue === '' || !Number.isFinite(value)) throw new InputError(`line ${i + 1}: value "${rawValue.slice(0, 40)}" is not a number`);
    const timestamp = f[ti] ?? '';
    if (timestamp === '') throw new InputError(`line ${i + 1}: missing timestamp`);
    rows.push({ timestamp, value, rawValue });
  }
  return rows;
}

/** Epoch ms of a CSV timestamp: ISO 8601 (no zone means UTC), or epoch seconds / milliseconds. */
export function timestampMs(t: string): number | undefined {
  if (/^\d{9,13}(\.\d+)?$/.test(t)) {
    const n = Number(t);
    return n < 1e11 ? n * 1000 : n;
  }
  const iso = t.replace(' ', 'T');
  const ms = Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`);
  return Number.isFinite(ms) ? ms : undefined;
}
