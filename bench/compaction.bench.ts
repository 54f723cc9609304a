/**
 * The store's 15-minute sample compaction on its own: 1,000 series at 30 s written tick by tick,
 * compacted as the pipeline's housekeeping does (every 30 ticks, all but the last 5 minutes), with a
 * day of chunks already in the file. Prints the compactions' times and one series read.
 *
 *   npm run bench:compaction -- --hours 24
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteStore } from '../src/store/sqlite-store.js';

const i = process.argv.indexOf('--hours');
const HOURS = i > 0 ? Number(process.argv[i + 1]) : 24;
const dir = mkdtempSync(path.join(os.tmpdir(), 'sco-compaction-'));
const store = createSqliteStore(path.join(dir, 'store.sqlite'));
const series = Array.from({ length: 1000 }, (_, k) => [`h${k >> 2}`, ['cpu', 'memory', 'disk', 'net_in'][k & 3]!] as const);
const T0 = Date.UTC(2026, 10, 2);
const warm = HOURS * 120;
const times: number[] = [];
let now = T0;
for (let tick = 0; tick < warm + 240; tick++) {
  now = T0 + tick * 30_000;
  store.saveSamples(series.map(([target, metric], k) => ({ target, metric, ts: now, value: (tick * 7 + k) % 101 })));
  if (tick % 30 !== 29) continue;
  const t = process.hrtime.bigint();
  store.compactSamples(now - 5 * 60_000);
  if (tick >= warm) times.push(Number(process.hrtime.bigint() - t) / 1e6);
  if (tick < warm && tick % 600 === 29) process.stderr.write(`\r  writing ${(tick / 120).toFixed(0)} h of ${HOURS} h`);
}
const sorted = [...times].sort((a, b) => a - b);
const t = process.hrtime.bigint();
for (const [target, metric] of series.slice(0, 200)) store.series(target, metric, now - 3_600_000);
const read = Number(process.hrtime.bigint() - t) / 1e6;
store.close();
rmSync(dir, { recursive: true, force: true });
console.log(
  `\ncompaction of 1,000 series after ${HOURS} h of chunks (${times.length} runs): median ${sorted[sorted.length >> 1]!.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms`,
);
console.log(`one hour of one series, read 200 times: ${(read / 200).toFixed(2)} ms each`);
