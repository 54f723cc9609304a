/**
 * Fleet alarm quality: the pipeline's DetectionEngine, with the shipped config, on the synthetic
 * fleet at the pipeline's 30 s cadence. NAB (npm run bench:nab) measures detection on real series
 * sampled every 5 minutes or slower; this measures what a team would live with: how many anomaly
 * episodes each detector opens per day per 1,000 series, how many of them coincide with an injected
 * incident on that host, and how many incidents some detector caught; then what pending periods of
 * 0-5 minutes (chat.pendingFor) would post, and what the configured ones post.
 *   npm run bench:fleet -- [--targets 100] [--days 3] [--false-by-hour]    (the first day is warm-up, as a backfill is)
 * --false-by-hour adds where each detector's episodes on no incident fall: UTC weekday, hour and metric.
 * BENCH_DETECTORS='{"robust":{"minDeviation":5}}' compares detectors settings on the same fleet.
 */
import { loadConfig } from '../src/config/load-config.js';
import { anomalyKey, AnomalyTracker } from '../src/pipeline/detect/anomaly-tracker.js';
import { DetectionEngine } from '../src/pipeline/detect/detection-engine.js';
import { generateSamples, incidentsAt, type Incident } from '../src/pipeline/ingest/synthetic-generator.js';
import { routeMatches } from '../src/bot/alert-routes.js';
import { isPending } from '../src/bot/pending-for.js';
import type { Anomaly } from '../src/core/anomaly.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} needs a positive number`);
  return v;
};
const TARGETS = Math.round(arg('targets', 100));
const DAYS = arg('days', 3);
const STEP = 30_000;
const DAY = 86_400_000;
const METRICS = new Set(['cpu', 'memory', 'disk', 'net_in']);
// An alarm up to 5 minutes after an incident ends still belongs to it (a leak's last samples).
const AFTER = 5 * 60_000;

const config = loadConfig({
  env: {},
  overrides: process.env.BENCH_DETECTORS ? { detectors: JSON.parse(process.env.BENCH_DETECTORS) as Record<string, unknown> } : {},
});
const fleet = Array.from({ length: TARGETS }, (_, i) => ({
  name: `synth-${String(i + 1).padStart(4, '0')}`,
  role: ['web', 'api', 'db'][i % 3],
}));
// The tick bench's incident rate per host (one per 20 minutes on 250 hosts), whatever the fleet size.
const opts = { seed: 42, incidentEveryMs: (20 * 60_000 * 250) / TARGETS };
const engine = new DetectionEngine(config.detectors, config.thresholds, undefined, config.forecasts);

// Episodes as the pipeline's tracker opens and resolves them (resolveAfterSamples calm findings end
// one); for each open one, the incident it was matched to, if any.
const tracker = new AnomalyTracker([], config.detectors.resolveAfterSamples);
const matchedTo = new Map<string, Incident | undefined>();
const lastAnomalous = new Map<string, number>();
const episodes: Record<string, { all: number; matched: number; incidents: Set<string>; overrun: number[]; early: number }> = {};
const caught = new Map<string, boolean>();
// For a pending period (chat.pendingFor): how long each measured episode lasted, with its incident.
const PENDING = [1, 2, 5];
type Episode = Pick<Anomaly, 'target' | 'metric' | 'detector' | 'severity' | 'startTs'> & { inc?: Incident };
const opened = new Map<string, Episode>();
// --false-by-hour: each detector's episodes on no incident, by UTC weekday, hour and metric.
const BY_HOUR = process.argv.includes('--false-by-hour');
const falseAt = new Map<string, Map<string, number>>();
const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const lasted: (Episode & { ms: number })[] = [];
const T0 = Date.UTC(2026, 10, 2);
const steps = Math.round((DAYS * DAY) / STEP);
const warm = Math.round(DAY / STEP);
const started = performance.now();
for (let k = 0; k < steps; k++) {
  const ts = T0 + k * STEP;
  const active = incidentsAt(fleet, ts, opts);
  const recent: Incident[] = [...active, ...incidentsAt(fleet, ts - AFTER, opts)];
  const measuring = k >= warm;
  if (measuring)
    for (const i of active)
      if (i.kind !== 'host_silent') caught.set(`${i.target}@${i.startTs}`, caught.get(`${i.target}@${i.startTs}`) ?? false);
  const samples = fleet.flatMap((t) => generateSamples(t, ts, opts.seed, active)).filter((s) => METRICS.has(s.metric));
  const findings = engine.process(samples);
  for (const f of findings) if (f.anomalous) lastAnomalous.set(anomalyKey(f), ts);
  const changes = tracker.apply(findings);
  for (const a of changes.opened) {
    const inc = recent.find((i) => i.target === a.target && i.startTs <= ts && ts <= i.endTs + AFTER);
    matchedTo.set(a.key, measuring ? inc : undefined);
    if (!measuring) continue;
    opened.set(a.key, { target: a.target, metric: a.metric, detector: a.detector, severity: a.severity, startTs: a.startTs, inc });
    if (BY_HOUR && !inc) {
      const d = new Date(a.startTs);
      const slot = `${WEEKDAY[d.getUTCDay()]} ${String(d.getUTCHours()).padStart(2, '0')}:00 ${a.metric}`;
      const m = falseAt.get(a.detector) ?? falseAt.set(a.detector, new Map()).get(a.detector)!;
      m.set(slot, (m.get(slot) ?? 0) + 1);
    }
    const e = (episodes[a.detector] ??= { all: 0, matched: 0, incidents: new Set(), overrun: [], early: 0 });
    e.all++;
    if (inc) {
      e.matched++;
      e.incidents.add(`${inc.target}@${inc.startTs}`);
      if (caught.has(`${inc.target}@${inc.startTs}`)) caught.set(`${inc.target}@${inc.startTs}`, true);
    }
  }
  for (const a of changes.resolved) {
    const o = opened.get(a.key);
    // The episode's strongest severity, as the tracker kept it.
    if (o) lasted.push({ ...o, severity: a.severity, ms: (lastAnomalous.get(a.key) ?? ts) - o.startTs });
    opened.delete(a.key);
    const inc = matchedTo.get(a.key);
    matchedTo.delete(a.key);
    if (!inc || !measuring) continue;
    // How long a matched episode stayed anomalous after its incident ended (an alert still open
    // while the metric is back to normal), or whether it ended while the incident was still going
    // (a minute's slack: a leak's last samples may already be back in range).
    const last = lastAnomalous.get(a.key)!;
    episodes[a.detector]!.overrun.push(Math.max(0, last - inc.endTs));
    if (last < inc.endTs - 60_000) episodes[a.detector]!.early++;
  }
  if (k % 240 === 0) process.stderr.write(`\r  ${((k * STEP) / 3_600_000).toFixed(0)} h of ${DAYS * 24} h`);
}
process.stderr.write('\n');

const series = TARGETS * METRICS.size;
const days = DAYS - 1;
console.log(
  `fleet: ${TARGETS} hosts × ${METRICS.size} metrics at 30 s, ${days} measured day(s) after 1 day of warm-up, ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
console.log(
  '| detector | episodes/day per 1,000 series | on an injected incident | precision | incidents caught | open after the incident, median / p90 | closed before it ended |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
const minutes = (xs: number[], q: number) => {
  if (xs.length === 0) return '-';
  const s = [...xs].sort((a, b) => a - b);
  return `${(s[Math.min(s.length - 1, Math.floor(q * s.length))]! / 60_000).toFixed(1)} min`;
};
let all = 0;
let matched = 0;
for (const [name, e] of Object.entries(episodes).sort()) {
  all += e.all;
  matched += e.matched;
  console.log(
    `| ${name} | ${((e.all / days) * (1000 / series)).toFixed(0)} | ${e.matched} | ${(e.matched / e.all).toFixed(2)} | ${e.incidents.size}/${caught.size} | ${minutes(e.overrun, 0.5)} / ${minutes(e.overrun, 0.9)} | ${e.early} |`,
  );
}
console.log(`| all | ${((all / days) * (1000 / series)).toFixed(0)} | ${matched} | ${all ? (matched / all).toFixed(2) : '-'} | | | |`);
const found = [...caught.values()].filter(Boolean).length;
console.log(`incidents caught by some detector: ${found}/${caught.size} (host_silent is the silence check's, not counted)`);

// Episodes still open at the end lasted at least until then.
const end = T0 + (steps - 1) * STEP;
for (const o of opened.values()) lasted.push({ ...o, ms: end - o.startTs });
console.log('');
console.log('With a pending period (chat.pendingFor): only episodes still anomalous that long after they opened are announced.');
console.log('| detector | pending | announced/day per 1,000 series | on an injected incident | precision | incidents caught |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const name of Object.keys(episodes).sort())
  for (const p of [0, ...PENDING]) {
    const kept = lasted.filter((l) => l.detector === name && l.ms >= p * 60_000);
    const hit = kept.filter((l) => l.inc);
    const incs = new Set(hit.map((l) => `${l.inc!.target}@${l.inc!.startTs}`));
    console.log(
      `| ${name} | ${p} min | ${((kept.length / days) * (1000 / series)).toFixed(0)} | ${hit.length} | ${kept.length ? (hit.length / kept.length).toFixed(2) : '-'} | ${incs.size}/${caught.size} |`,
    );
  }
// With the configured chat.pendingFor on every detector at once: what a team is sent.
const roles = new Map(fleet.map((t) => [t.name, { role: t.role, labels: {} }]));
const sent = lasted.filter((l) => !isPending(config.chat.pendingFor, { ...l, updatedTs: l.startTs + l.ms }, roles.get(l.target)));
const sentHits = sent.filter((l) => l.inc);
const sentIncidents = new Set(sentHits.map((l) => `${l.inc!.target}@${l.inc!.startTs}`));
console.log(
  `with the configured pending periods (${JSON.stringify(config.chat.pendingFor)}): ${((sent.length / days) * (1000 / series)).toFixed(0)} alerts/day per 1,000 series (all detectors), precision ${(sentHits.length / Math.max(1, sent.length)).toFixed(2)}, incidents caught by some detector ${sentIncidents.size}/${caught.size}`,
);

// With chat.joinMinutes: an announced episode joins its target's alert posted within that long that
// still has an open member, instead of paging again (decision 0025). Pages are what wake someone.
const joinMs = config.chat.joinMinutes * 60_000;
const announceAt = (l: (typeof sent)[number]) =>
  l.startTs + (config.chat.pendingFor.find((r) => routeMatches(r.match, l, roles.get(l.target)))?.minutes ?? 0) * 60_000;
const endOf = (l: (typeof sent)[number]) => l.startTs + l.ms + config.detectors.resolveAfterSamples * STEP;
/** Alert messages posted when joining within `within` ms (0: one message per target and tick only). */
function pagesWith(within: number) {
  const messages = new Map<string, { postedAt: number; ends: number[] }[]>();
  let pages = 0;
  const perIncident = new Map<string, number>();
  for (const l of [...sent].sort((a, b) => announceAt(a) - announceAt(b))) {
    const at = announceAt(l);
    const list = messages.get(l.target) ?? messages.set(l.target, []).get(l.target)!;
    // The same tick is one message either way; joining also takes an open alert up to `within` old.
    const open = list.filter((m) => m.postedAt === at || (at - m.postedAt <= within && m.ends.some((e) => e > at))).at(-1);
    if (open) open.ends.push(endOf(l));
    else {
      list.push({ postedAt: at, ends: [endOf(l)] });
      pages++;
      if (l.inc) perIncident.set(`${l.inc.target}@${l.inc.startTs}`, (perIncident.get(`${l.inc.target}@${l.inc.startTs}`) ?? 0) + 1);
    }
  }
  const counts = [...perIncident.values()];
  return `${((pages / days) * (1000 / series)).toFixed(0)} pages/day per 1,000 series, ${(counts.reduce((x, y) => x + y, 0) / Math.max(1, counts.length)).toFixed(2)} per incident paged about (${counts.length} incidents)`;
}
console.log(`alert messages (pages), one per target and tick: ${pagesWith(0)}`);
console.log(`with chat.joinMinutes ${config.chat.joinMinutes} (later anomalies join the target's open alert): ${pagesWith(joinMs)}`);

if (BY_HOUR) {
  console.log('\nEpisodes on no incident, by UTC weekday, hour and metric (the ten largest per detector):');
  for (const [detector, m] of [...falseAt].sort((a, z) => a[0].localeCompare(z[0]))) {
    const total = [...m.values()].reduce((x, y) => x + y, 0);
    const top = [...m].sort((a, z) => z[1] - a[1] || a[0].localeCompare(z[0])).slice(0, 10);
    console.log(`${detector} (${total}): ${top.map(([slot, n]) => `${slot} ${n}`).join('; ')}`);
  }
}
