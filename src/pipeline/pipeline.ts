import { errorReason } from '../core/errors.js';
import type { Anomaly, Finding } from '../core/anomaly.js';
import type { Clock, Logger, MetricSource, Store } from '../core/ports.js';
import type { Proposal } from '../core/remediation.js';
import type { Sample, SourceGap } from '../core/sample.js';
import { markWatching } from '../core/watching-since.js';
import type { Metrics } from '../observability/metrics.js';
import type { AnomalyTracker, TrackerChanges } from './detect/anomaly-tracker.js';
import type { DetectionEngine } from './detect/detection-engine.js';
import { silenceFindings } from './detect/silence-findings.js';
import type { Recorder } from './record/recorder.js';
import type { RemediationService } from './remediate/remediation-service.js';
import { sanitizeSamples } from './sanitize-samples.js';

export interface TickSummary {
  ts: number;
  durationMs: number;
  samples: number;
  rejected: number;
  gaps: SourceGap[];
  /** Each source's read this tick, for "are the sources ok?" and "which source is slowest?". */
  sources: SourceRead[];
  opened: number;
  updated: number;
  resolved: number;
  proposals: number;
  expired: number;
  /** Approval proposals withdrawn because their anomaly ended. */
  withdrawn: number;
  openAnomalies: number;
}

/** One source's collect in one tick: what it gave, how long it took, and why it gave nothing if it threw. */
export interface SourceRead {
  name: string;
  samples: number;
  gaps: number;
  ms: number;
  /** The first gap's reason, or the error when collect threw. */
  problem?: string;
  failed?: boolean;
}

export interface PipelineListener {
  onAnomalies?(changes: TrackerChanges): void;
  onProposals?(proposals: Proposal[]): void;
}

export interface PipelineOptions {
  sources: MetricSource[];
  store: Store;
  engine: DetectionEngine;
  tracker: AnomalyTracker;
  remediation: RemediationService;
  recorder: Recorder;
  metrics: Metrics;
  logger: Logger;
  clock: Clock;
  silenceAfterMs: number | null;
  bootTs: number;
}

/** One pass of ingest → detect → remediate → record. Never throws for a bad source or sample. */
export function createPipeline(opts: PipelineOptions) {
  const { store, engine, tracker, metrics, recorder, logger } = opts;
  const lastTs = new Map<string, number>(store.latestSamples().map((s) => [`${s.target}|${s.metric}`, s.ts]));
  const lastSeen = new Map<string, number | null>(store.targetStates().map((t) => [t.target, t.lastSeenTs]));
  const listeners: PipelineListener[] = [];
  const targetState = new Map<string, string>(store.targetStates().map((t) => [t.target, t.state]));

  function notify(f: (l: PipelineListener) => void): void {
    for (const l of listeners) {
      try {
        f(l);
      } catch (err) {
        logger.error({ err }, 'pipeline listener failed');
      }
    }
  }

  function knownTargets(): string[] {
    return opts.sources.flatMap((s) => s.targets().map((t) => t.name));
  }

  async function collect(now: number): Promise<{ samples: Sample[]; gaps: SourceGap[]; reads: SourceRead[] }> {
    const results = await Promise.all(
      opts.sources.map(async (src) => {
        const t0 = opts.clock.now();
        const read = (r: { samples: Sample[]; gaps: SourceGap[] }, failed = false) => {
          const ms = opts.clock.now() - t0;
          metrics.sourceRead.observe({ source: src.name }, ms / 1000);
          return {
            ...r,
            read: {
              name: src.name,
              samples: r.samples.length,
              gaps: r.gaps.length,
              ms,
              ...(r.gaps[0] ? { problem: r.gaps[0].reason } : {}),
              ...(failed ? { failed } : {}),
            },
          };
        };
        try {
          const r = await src.collect(now);
          metrics.samples.inc({ source: src.name }, r.samples.length);
          if (r.gaps.length) metrics.gaps.inc({ source: src.name }, r.gaps.length);
          return read(r);
        } catch (err) {
          metrics.gaps.inc({ source: src.name });
          return read({ samples: [], gaps: [{ source: src.name, reason: `collect failed: ${errorReason(err)}` }] }, true);
        }
      }),
    );
    return { samples: results.flatMap((r) => r.samples), gaps: results.flatMap((r) => r.gaps), reads: results.map((r) => r.read) };
  }

  function record(changes: TrackerChanges): void {
    for (const a of changes.opened) {
      store.upsertAnomaly(a);
      metrics.anomalies.inc({ severity: a.severity, detector: a.detector });
      recorder.record('anomaly_opened', a.startTs, { anomaly: a });
    }
    for (const a of changes.updated) store.upsertAnomaly(a);
    for (const a of changes.resolved) {
      store.upsertAnomaly(a);
      recorder.record('anomaly_resolved', a.endTs ?? a.updatedTs, { anomaly: a });
    }
  }

  /** Detection over samples, with episode tracking and records; shared by ticks and backfill. */
  function detect(samples: Sample[], extra: Finding[] = []): TrackerChanges {
    const findings = engine.process(samples).concat(extra);
    const changes = tracker.apply(findings);
    record(changes);
    metrics.openAnomalies.set(tracker.openCount);
    return changes;
  }

  return {
    knownTargets,
    addListener(l: PipelineListener): void {
      listeners.push(l);
    },

    /** Feeds history through the detectors so a fresh data dir does not start blind. No remediation. */
    async backfill(source: MetricSource, from: number, until: number, stepMs: number, now = until): Promise<number> {
      if (!source.backfill) return 0;
      const raw = await source.backfill(from, until, stepMs, now);
      const { accepted } = sanitizeSamples(raw, until, lastTs);
      store.saveSamples(accepted);
      detect(accepted);
      return accepted.length;
    },

    async tick(): Promise<TickSummary> {
      const started = opts.clock.now();
      const { samples, gaps, reads } = await collect(started);
      const { accepted, rejected } = sanitizeSamples(samples, started, lastTs);
      for (const r of rejected) metrics.rejected.inc({ reason: r.reason });
      if (rejected.length) logger.debug({ rejected: rejected.slice(0, 5) }, `${rejected.length} samples rejected`);
      store.saveSamples(accepted);

      const seenNow = new Set(accepted.map((s) => s.target));
      for (const t of knownTargets()) if (!lastSeen.has(t)) lastSeen.set(t, null);
      for (const s of accepted) lastSeen.set(s.target, Math.max(lastSeen.get(s.target) ?? 0, s.ts));
      store.touchTargets([...seenNow], started);
      const silence = opts.silenceAfterMs === null ? [] : silenceFindings(lastSeen, seenNow, started, opts.silenceAfterMs, opts.bootTs);
      for (const f of silence) {
        const state = f.anomalous ? 'silent' : 'up';
        if (targetState.get(f.target) !== state) {
          store.setTargetState(f.target, state);
          targetState.set(f.target, state);
        }
      }

      const changes = detect(accepted, silence);
      // Listeners hear of anomalies before remediation, so a proposal can refer to its alert.
      notify((l) => l.onAnomalies?.(changes));
      const proposals = [...(await opts.remediation.propose(changes.opened, started)), ...(await opts.remediation.proposeDue(started))];
      const expired = opts.remediation.expire(started);
      const withdrawn = opts.remediation.withdrawEnded(started);
      if (proposals.length) notify((l) => l.onProposals?.(proposals));

      const summary: TickSummary = {
        ts: started,
        durationMs: opts.clock.now() - started,
        samples: accepted.length,
        rejected: rejected.length,
        gaps,
        sources: reads,
        opened: changes.opened.length,
        updated: changes.updated.length,
        resolved: changes.resolved.length,
        proposals: proposals.length,
        expired: expired.length,
        withdrawn: withdrawn.length,
        openAnomalies: tracker.openCount,
      };
      store.setKv('pipeline:last_tick', JSON.stringify({ ...summary, gaps: gaps.length }));
      markWatching(store, started);
      return summary;
    },

    openAnomalies(): Anomaly[] {
      return store.openAnomalies();
    },
  };
}

export type Pipeline = ReturnType<typeof createPipeline>;
