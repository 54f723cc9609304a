/**
 * An SLO report over a long window, as chat and /metrics ask for it: `--targets` api hosts at 30 s
 * for `--days` (30), compacted as the pipeline does, then the first report (which reads the whole
 * window and keeps whole hours) and the ones after (which read the last hours only). Then the
 * background count a start runs instead (a day per turn of the event loop): its longest turn, which
 * is how long a question or scrape may wait behind it, and the first report after it. Prints each.
 *
 *   npm run bench:slo -- --targets 10 --days 30
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteStore } from '../src/store/sqlite-store.js';
import { createSloTracker } from '../src/core/slo-tracker.js';
import { sloReport } from '../src/core/slo-report.js';

const arg = (name: string, d: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : d);
const TARGETS = arg('--targets', 10);
const DAYS = arg('--days', 30);
const dir = mkdtempSync(path.join(os.tmpdir(), 'sco-slo-'));
const store = createSqliteStore(path.join(dir, 'store.sqlite'));
const NOW = Date.UTC(2026, 11, 7, 12);
const names = Array.from({ length: TARGETS }, (_, k) => `api-${k}`);
for (let day = DAYS; day > 0; day--) {
  const samples = [];
  for (const [k, target] of names.entries())
    for (let n = 0; n < 2880; n++) {
      const ts = NOW - day * 86_400_000 + n * 30_000;
      samples.push({ target, metric: 'latency_ms', ts, value: (n * 13 + k) % 997 === 0 ? 900 : 100 + ((n + k) % 50) });
    }
  store.saveSamples(samples);
  store.compactSamples(NOW - (day - 1) * 86_400_000);
  process.stderr.write(`\r  writing day ${DAYS - day + 1} of ${DAYS}`);
}
process.stderr.write('\n');
const slo = { name: 'api-latency', metric: 'latency_ms', goodBelow: 500, objective: 99, windowDays: DAYS };
const ms = (f: () => unknown) => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const direct = ms(() => sloReport(slo, new Map(names.map((t) => [t, store.series(t, slo.metric, NOW - DAYS * 86_400_000, NOW)])), NOW));
const tracker = createSloTracker({ store, targets: () => names.map((name) => ({ name, role: 'api' })) });
const first = ms(() => tracker.report(slo, NOW));
const after = Array.from({ length: 10 }, (_, k) => ms(() => tracker.report(slo, NOW + (k + 1) * 30_000))).sort((a, b) => a - b);
console.log(`${TARGETS} targets × ${DAYS} d at 30 s (${(TARGETS * DAYS * 2880).toLocaleString('en-US')} samples)`);
console.log(`whole window read afresh: ${direct.toFixed(0)} ms`);
console.log(`tracker, first report:    ${first.toFixed(0)} ms`);
console.log(`tracker, next 10 reports: median ${after[5]!.toFixed(1)} ms, worst ${after[9]!.toFixed(1)} ms`);
const warmed = createSloTracker({ store, targets: () => names.map((name) => ({ name, role: 'api' })) });
const turns: number[] = [];
let since = process.hrtime.bigint();
const started = since;
await warmed.warm(
  [slo],
  () => NOW,
  undefined,
  async () => {
    const t = process.hrtime.bigint();
    turns.push(Number(t - since) / 1e6);
    await new Promise((r) => setImmediate(r));
    since = process.hrtime.bigint();
  },
);
const warmTotal = Number(process.hrtime.bigint() - started) / 1e6;
const afterWarm = ms(() => warmed.report(slo, NOW));
console.log(
  `background count at start: ${warmTotal.toFixed(0)} ms in ${turns.length} turns, longest turn ${Math.max(...turns).toFixed(1)} ms; first report after it ${afterWarm.toFixed(1)} ms`,
);
store.close?.();
rmSync(dir, { recursive: true, force: true });
