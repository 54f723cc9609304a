import type { SourceRead } from '../pipeline/pipeline.js';
import type { TickEntry } from '../pipeline/tick-runner.js';
import type { AboutFacts } from './answer-about.js';
import { answerRetention } from './answer-retention.js';
import type { AnswerContext } from './answer-context.js';
import type { Intent } from './intent.js';
import { clock, table } from './format-reply.js';
import { formatDuration, plural } from './text-tools.js';
import { nearestRank } from './tally.js';

type PipelineIntent = Extract<Intent, { kind: 'pipeline' }>;
type Self = NonNullable<AboutFacts['self']>;

const NOT_HERE =
  'This process runs no ticks (`smartcloudops ask` reads the store only), so it has no record of them: ask the running bot in chat, or read /status (the last tick, with each source) and /metrics (sco_ticks_total, sco_tick_duration_seconds, sco_source_gaps_total) on its side port.';

const PAUSE =
  'I don\'t pause from chat: ticks run for as long as I run, so no reading goes unrecorded and no baseline gets a hole. To stop alerts for a while, silence them ("silence everything for 1h", "maintenance on web-1 for 2h"); to stop watching a target, take it out of the targets file and reload me; to stop me, stop the process (SIGTERM, `docker compose stop smartcloudops`).';

/**
 * "When is the next tick?", "what did the last tick find?", "any failed ticks?", "are the sources
 * ok?", "which source is slowest?": the running bot's own log of its recent ticks (tick-runner.ts).
 * Pure over the about facts; the log lives in memory, so each answer says since when it reaches.
 */
export function answerPipeline(i: PipelineIntent, c: AnswerContext): string {
  const a = c.about?.();
  if (a && i.focus === 'retention') return answerRetention(a, c);
  const self = a?.self;
  if (!a || !self?.ticks) return NOT_HERE;
  const next = nextLine(self, a.intervalMs, c.now);
  if (i.focus === 'next') return [next, lastLine(self.ticks, c.now)].filter(Boolean).join('\n');
  if (i.focus === 'run')
    return [
      `I don't run ticks on demand: detectors count samples as time (a rule "for 3 samples" waits 3 ticks, a baseline learns one sample a tick), so an extra tick would shorten every wait and skew every baseline.`,
      next,
      'For what the data says now, ask "status"; for a host, "how is web-1?".',
    ].join('\n');
  if (i.focus === 'footprint') return answerFootprint(self, a, c);
  if (i.focus === 'pause') return [PAUSE, next].join('\n');
  if (i.focus === 'resume')
    return `Ticks are never paused, so there is nothing to resume. ${next}\nIf it is alerts that stopped, "silences" lists what is silenced and "unsilence sl_…" lifts one.`;
  if (!self.ticks.length) return `No tick has run since the start at ${clock(self.startedTs)}. ${next}`;
  if (i.focus === 'last') return [lastLine(self.ticks, c.now), next].join('\n');
  if (i.focus === 'sources') return answerSources(i.source, self.ticks, a, c.now);
  return answerHistory(i.focus === 'failures', self, a.intervalMs, c.now);
}

function nextLine(self: Self, intervalMs: number, now: number): string {
  const every = `every ${formatDuration(intervalMs)}${self.schedule ? ` (schedule \`${self.schedule}\`)` : ''}`;
  if (!self.nextTickTs) return `No tick is scheduled in this process: ticks run ${every} once the schedule starts.`;
  return `The next tick is due at ${clock(self.nextTickTs)}, in ${formatDuration(Math.max(0, self.nextTickTs - now))}; ticks run ${every}.`;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** "How much memory is the bot using?", "how big is the store?", "how many series?": this process's own size and load. */
function answerFootprint(self: Self, a: AboutFacts, c: AnswerContext): string {
  const f = self.footprint;
  const series = c.store.latestSamples();
  const targets = new Set(series.map((s) => s.target)).size;
  const ok = (self.ticks ?? []).filter((t) => t.outcome === 'ok');
  const perTick = ok.length ? median(ok.map((t) => t.samples ?? 0)) : undefined;
  const lines = [
    f
      ? `This process: ${mb(f.rssBytes)} resident (${mb(f.heapBytes)} of it JavaScript heap); the store ${mb(f.storeBytes)} on disk, holding ${c.store.sampleCount().toLocaleString('en-US')} samples, keeping samples ${a.samplesHours} h and anomalies ${a.anomaliesDays} d.`
      : 'This process does not report its size here; /metrics has sco_process_resident_memory_bytes and sco_store_size_bytes.',
    `Series: ${series.length} (a target and a metric each) on ${plural(targets, 'target')}.`,
    // "How much cpu do you use?": CPU time since start, as a share of one core over the time up.
    ...(f?.cpuMs !== undefined && self.startedTs !== undefined && c.now > self.startedTs
      ? [
          `CPU: ${f.cpuMs < 3_600_000 ? `${(f.cpuMs / 1000).toFixed(1)} s` : formatDuration(f.cpuMs)} used since I started ${formatDuration(c.now - self.startedTs)} ago, ${((100 * f.cpuMs) / (c.now - self.startedTs)).toFixed(1)}% of one core on average.`,
        ]
      : []),
  ];
  if (perTick !== undefined)
    lines.push(
      `Ingest: a median ${plural(perTick, 'sample')} a tick, one tick every ${formatDuration(a.intervalMs)}: about ${Math.round((perTick * 60_000) / a.intervalMs)} a minute; ${plural(
        ok.reduce((n, t) => n + (t.rejected ?? 0), 0),
        'sample',
      )} rejected over the ${plural(ok.length, 'good tick')} kept. Each tick takes a median ${took(median(ok.map((t) => t.durationMs ?? 0)))}.`,
    );
  return lines.join('\n');
}

const took = (ms: number | undefined) =>
  ms === undefined ? '?' : ms < 0.5 ? '<1 ms' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;

/** "The last tick, 02:05:30 UTC (12 s ago), took 3 ms: read 39 samples (synthetic 33, local 6); opened 1, resolved 0; …" */
function lastLine(ticks: TickEntry[], now: number): string {
  const t = ticks.at(-1);
  if (!t) return '';
  const at = `${clock(t.ts)} (${formatDuration(now - t.ts)} ago)`;
  if (t.outcome === 'skipped') return `The last tick, due ${at}, was skipped: the one before still ran.`;
  if (t.outcome === 'failed') return `The last tick, ${at}, FAILED after ${took(t.durationMs)}: ${t.error ?? 'no message'}.`;
  // What the sources gave, before the sanity checks rejected any.
  const read = t.sources ? t.sources.reduce((n, s) => n + s.samples, 0) : (t.samples ?? 0) + (t.rejected ?? 0);
  const reads = (t.sources ?? []).map((s) =>
    gotNothing(s)
      ? `${s.name} FAILED: ${clip(s.problem ?? 'no sample')}`
      : `${s.name} ${s.samples}${s.gaps ? ` with ${plural(s.gaps, 'gap')}` : ''}`,
  );
  return (
    `The last tick, ${at}, took ${took(t.durationMs)}: read ${plural(read, 'sample')}${reads.length ? ` (${reads.join(', ')})` : ''}` +
    `${t.rejected ? `, ${t.rejected} rejected` : ''}; opened ${plural(t.opened ?? 0, 'anomaly', 'anomalies')}, resolved ${t.resolved ?? 0}` +
    `${t.proposals ? `, proposed ${plural(t.proposals, 'action')}` : ''}; ${t.openAnomalies ?? 0} open after it.`
  );
}

const sortedOf = (xs: number[]) => [...xs].sort((x, y) => x - y);
const median = (xs: number[]) => (xs.length ? nearestRank(sortedOf(xs), 0.5) : 0);
const p95 = (xs: number[]) => (xs.length ? nearestRank(sortedOf(xs), 0.95) : 0);

/** "The last 120 ticks (since 01:05:30 UTC): 118 ok, 1 failed, 1 skipped…", then the ticks themselves. */
function answerHistory(failuresFirst: boolean, self: Self, intervalMs: number, now: number): string {
  const ticks = self.ticks!;
  const ok = ticks.filter((t) => t.outcome === 'ok');
  const failed = ticks.filter((t) => t.outcome === 'failed');
  const skipped = ticks.filter((t) => t.outcome === 'skipped');
  const gappy = ok.filter((t) => (t.sources ?? []).some((s) => s.gaps > 0));
  const since = `the last ${plural(ticks.length, 'tick')} (since ${clock(ticks[0]!.ts)}; kept in memory since the start at ${clock(self.startedTs)})`;
  const late = self.lastTickTs !== null && now - self.lastTickTs > 3 * intervalMs;
  const head = late
    ? `The pipeline is LATE: no good tick for ${formatDuration(now - self.lastTickTs!)} (ticks run every ${formatDuration(intervalMs)}).`
    : self.lastTickTs === null
      ? 'No tick has finished well yet.'
      : `The pipeline is running: the last good tick ended ${formatDuration(now - self.lastTickTs)} ago.`;
  const counts = `Of ${since}: ${ok.length} ok, ${failed.length} failed, ${skipped.length} skipped because the one before still ran; ${gappy.length} had source gaps.`;
  const ms = ok.map((t) => t.durationMs ?? 0);
  const slowest = ok.reduce<TickEntry | undefined>((m, t) => (!m || (t.durationMs ?? 0) > (m.durationMs ?? 0) ? t : m), undefined);
  const time = ok.length
    ? `Time per tick: median ${took(median(ms))}, p95 ${took(p95(ms))}, longest ${took(slowest?.durationMs)} at ${clock(slowest!.ts)}, of the ${formatDuration(intervalMs)} between ticks. Samples per tick: median ${median(ok.map((t) => t.samples ?? 0))}.`
    : '';
  const found = `Over them: opened ${plural(sum(ok, 'opened'), 'anomaly', 'anomalies')}, resolved ${sum(ok, 'resolved')}, proposed ${plural(sum(ok, 'proposals'), 'action')}.`;
  const bad = [...failed, ...skipped, ...gappy].sort((x, y) => y.ts - x.ts);
  if (failuresFirst) {
    const lead = bad.length
      ? `${plural(failed.length, 'tick')} failed, ${skipped.length} skipped and ${gappy.length} had source gaps, of ${since}.`
      : `No tick failed, was skipped or had a source gap, of ${since}.`;
    return [lead, head, time, bad.length ? rows(bad.slice(0, 10), 'The latest of them:') : ''].filter(Boolean).join('\n');
  }
  return [head, counts, time, found, rows(ticks.slice(-5).reverse(), 'The latest:')].filter(Boolean).join('\n');
}

const sum = (ts: TickEntry[], k: 'opened' | 'resolved' | 'proposals') => ts.reduce((n, t) => n + (t[k] ?? 0), 0);

function rows(ticks: TickEntry[], title: string): string {
  return `${title}\n${table(
    ['time', 'outcome', 'took', 'samples', 'opened', 'resolved', 'problem'],
    ticks.map((t) => [
      clock(t.ts),
      t.outcome,
      t.outcome === 'skipped' ? '-' : took(t.durationMs),
      t.outcome === 'ok' ? String(t.samples ?? 0) : '-',
      t.outcome === 'ok' ? String(t.opened ?? 0) : '-',
      t.outcome === 'ok' ? String(t.resolved ?? 0) : '-',
      t.error ?? problems(t.sources ?? []),
    ]),
  )}`;
}

const problems = (reads: SourceRead[]) =>
  reads
    .filter((s) => s.gaps > 0)
    .map((s) => `${s.name}: ${clip(s.problem ?? `${plural(s.gaps, 'gap')}`)}`)
    .join('; ');

/** A read that threw, or that gave no sample and said why: nothing came from that source. */
const gotNothing = (r: SourceRead) => r.failed === true || (r.samples === 0 && r.gaps > 0);

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

/** Each source over the log: reads, failures, gaps, samples and read time, slowest first. */
function answerSources(asked: string | undefined, ticks: TickEntry[], a: AboutFacts, now: number): string {
  const per = new Map<string, { reads: SourceRead[]; ts: number[] }>();
  for (const t of ticks)
    for (const s of t.sources ?? []) {
      const e = per.get(s.name) ?? { reads: [], ts: [] };
      e.reads.push(s);
      e.ts.push(t.ts);
      per.set(s.name, e);
    }
  const targets = (name: string) => [...a.sourceOf.values()].filter((s) => s === name).length;
  const push = a.alertmanagerWebhook
    ? ' Alertmanager pushes its alerts to POST /alertmanager; that is not a read, so it is not in this table.'
    : '';
  if (!per.size) return `No source has been read in ${plural(ticks.length, 'tick')} kept: the ticks so far failed or were skipped.${push}`;
  if (asked && !per.has(asked))
    return `No ${asked} source is configured here: I read from ${[...per.keys()].join(', ')} (sources in the config file).${push}`;
  const stats = [...per]
    .map(([name, e]) => {
      const failed = e.reads.filter(gotNothing).length;
      const withGaps = e.reads.filter((r) => r.gaps > 0 && !gotNothing(r));
      const lastBadAt = e.reads.map((r, k) => (r.gaps > 0 ? k : -1)).reduce((m, k) => Math.max(m, k), -1);
      const lastGoodAt = e.reads.map((r, k) => (r.samples > 0 ? k : -1)).reduce((m, k) => Math.max(m, k), -1);
      return {
        name,
        reads: e.reads.length,
        failed,
        gaps: withGaps.length,
        samples: median(e.reads.map((r) => r.samples)),
        ms: median(e.reads.map((r) => r.ms)),
        longest: Math.max(...e.reads.map((r) => r.ms)),
        lastBad: lastBadAt >= 0 ? { ts: e.ts[lastBadAt]!, why: e.reads[lastBadAt]!.problem ?? 'a gap' } : undefined,
        lastGood: lastGoodAt >= 0 ? e.ts[lastGoodAt] : undefined,
      };
    })
    .sort((x, y) => y.ms - x.ms || x.name.localeCompare(y.name));
  const shown = asked ? stats.filter((s) => s.name === asked) : stats;
  const span = `the last ${plural(ticks.length, 'tick')} (since ${clock(ticks[0]!.ts)})`;
  // The worst first: reads that got nothing, then reads with gaps.
  const lead = shown
    .filter((s) => s.failed || s.gaps)
    .sort((x, y) => y.failed - x.failed || y.gaps - x.gaps)
    .map(
      (s) =>
        `${s.name}: ${s.failed} of ${s.reads} reads got nothing${s.gaps ? ` and ${s.gaps} more had gaps` : ''}; the last problem at ${clock(s.lastBad!.ts)}: ${clip(s.lastBad!.why)}` +
        `${s.lastGood ? `; the last read with data ${formatDuration(now - s.lastGood)} ago` : '; no read with data kept'}.`,
    );
  const head = lead.length ? lead : [`${asked ? `The ${asked} source` : 'Every source'} read cleanly in ${span}: no failure, no gap.`];
  const slowest =
    !asked && stats.length > 1
      ? [`Slowest: ${stats[0]!.name}, median ${took(stats[0]!.ms)} a read (longest ${took(stats[0]!.longest)}).`]
      : [];
  const body = table(
    ['source', 'targets', 'reads', 'got nothing', 'with gaps', 'samples/read', 'read time (median, longest)'],
    shown.map((s) => [
      s.name,
      String(targets(s.name)),
      String(s.reads),
      String(s.failed),
      String(s.gaps),
      String(s.samples),
      `${took(s.ms)}, ${took(s.longest)}`,
    ]),
  );
  return [...head, ...slowest, `Over ${span}:`, body, push.trim()].filter(Boolean).join('\n');
}

/**
 * The console header's line: how long ago the last tick ran, and any source that got nothing in each
 * of its latest five reads, so a dead Prometheus shows without asking. `ok` false colours it;
 * `problems` are what "anything wrong?" names about monitoring itself.
 */
export function pipelineHeadline(ticks: TickEntry[], now: number, intervalMs?: number): { text: string; ok: boolean; problems: string[] } {
  const last = ticks.at(-1);
  if (!last) return { text: 'pipeline: no tick yet', ok: true, problems: [] };
  const recent = ticks.slice(-5).flatMap((t) => t.sources ?? []);
  const names = [...new Set(recent.map((r) => r.name))];
  const dead = names.filter((n) => recent.filter((r) => r.name === n).every(gotNothing));
  const lastGood = ticks.findLast((t) => t.outcome === 'ok');
  const late = intervalMs !== undefined && (!lastGood || now - lastGood.ts > 3 * intervalMs);
  const problems = [
    ...(last.outcome === 'failed' ? [`the last tick failed (${clip(last.error ?? 'no message')})`] : []),
    ...(late
      ? [
          `no good tick for ${lastGood ? formatDuration(now - lastGood.ts) : 'any of the kept ticks'} (ticks every ${formatDuration(intervalMs!)})`,
        ]
      : []),
    ...dead.map((n) => `${n} got nothing in its last ${plural(recent.filter((r) => r.name === n).length, 'read')}`),
  ];
  const text =
    `pipeline: last tick ${formatDuration(Math.max(0, now - last.ts))} ago${last.outcome === 'ok' ? '' : ` (${last.outcome.toUpperCase()})`}` +
    (dead.length ? ` · ${dead.join(', ')} getting nothing: ask "are the sources ok?"` : '');
  return { text, ok: last.outcome === 'ok' && !problems.length, problems };
}
