import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { windowRows, type LabelledFile } from './nab-score.js';

export const NAB_DIR = path.resolve(process.env.NAB_DIR ?? path.join(process.cwd(), '../shared/datasets/nab'));

export interface NabSeries extends LabelledFile {
  path: string;
  timestamps: string[];
  values: number[];
}

/** Every data file with its labelled windows (read in place; the data set is not copied). */
export function loadNab(dir = NAB_DIR): NabSeries[] {
  const labels = JSON.parse(readFileSync(path.join(dir, 'labels/windows.json'), 'utf8')) as Record<string, [string, string][]>;
  const out: NabSeries[] = [];
  for (const cat of readdirSync(path.join(dir, 'data')).sort())
    for (const f of readdirSync(path.join(dir, 'data', cat)).sort()) {
      if (!f.endsWith('.csv')) continue;
      const key = `${cat}/${f}`;
      const file = path.join(dir, 'data', cat, f);
      const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
      const timestamps = lines.map((l) => l.slice(0, l.indexOf(',')));
      const values = lines.map((l) => Number(l.slice(l.indexOf(',') + 1)));
      out.push({ key, path: file, rows: lines.length, timestamps, values, windows: windowRows(timestamps, labels[key] ?? []) });
    }
  return out;
}
