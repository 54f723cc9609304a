import type { DetectorInspector } from '../core/inspection.js';
import type { Store } from '../core/ports.js';
import { describeDetectors } from '../bot/describe-detectors.js';
import { focusOf, type FleetSnapshot, type SeriesStats } from './grounding-context.js';

export interface SnapshotDeps {
  store: Store;
  targets: () => { name: string; role?: string | null }[];
  thresholds: FleetSnapshot['thresholds'];
  staleAfterMs: number;
  /** The live detectors: the series the question names get each detector's reason. */
  detectors?: DetectorInspector;
}

/** Reads what the context builder needs from the store: bounded reads, whatever the history size. */
export function createSnapshotReader(d: SnapshotDeps) {
  return (question: string, now: number): FleetSnapshot => {
    const targets = d.targets();
    const latest = d.store.latestSamples();
    const focus = focusOf(question, targets);
    const hourStats = new Map<string, SeriesStats>();
    const verdicts: NonNullable<FleetSnapshot['verdicts']> = [];
    for (const t of focus.targets) {
      const metrics = new Set(latest.filter((s) => s.target === t).map((s) => s.metric));
      for (const m of metrics) {
        if (focus.metrics.length && !focus.metrics.includes(m)) continue;
        const pts = d.store.series(t, m, now - 3_600_000, now);
        if (!pts.length) continue;
        let min = Infinity;
        let max = -Infinity;
        let sum = 0;
        for (const p of pts) {
          min = Math.min(min, p.value);
          max = Math.max(max, p.value);
          sum += p.value;
        }
        hourStats.set(`${t}/${m}`, { min, max, avg: sum / pts.length, n: pts.length });
        // Only for the metrics asked about: a line per series is too much for a whole host.
        const view = focus.metrics.length ? d.detectors?.inspect(t, m) : undefined;
        if (view && (view.threshold || view.forecast || view.robust || view.forest))
          verdicts.push({
            target: t,
            metric: m,
            text: describeDetectors(view)
              .map((l) => l.replace(/^• /, ''))
              .join(' '),
          });
      }
    }
    const pending = d.store.listProposals({ states: ['proposed'], limit: 10 });
    const recent = d.store.listProposals({
      states: ['approved', 'denied', 'expired', 'withdrawn', 'running', 'succeeded', 'failed'],
      limit: 5,
    });
    const open = d.store.openAnomalies();
    const acks = new Map<string, string>();
    for (const a of open) {
      const ack = d.store.chat.ackOfAnomaly(a.id);
      if (ack) acks.set(a.id, ack.by);
    }
    return {
      now,
      staleAfterMs: d.staleAfterMs,
      targets,
      latest,
      hourStats,
      anomalies: [...open, ...d.store.recentAnomalies(30).filter((a) => a.status === 'resolved')],
      proposals: [...pending, ...recent],
      silences: [...d.store.chat.silences(now), ...d.store.chat.scheduledSilences(now)],
      acks,
      thresholds: d.thresholds,
      verdicts,
      notes: d.store
        .recordsBetween(now - 86_400_000, now + 1, ['alert_note'], 200)
        .reverse()
        .slice(0, 20)
        .map((r) => ({
          anomaly: String(r.data.anomaly),
          target: String(r.data.target),
          actor: String(r.data.actor),
          ts: r.ts,
          text: String(r.data.text),
        })),
    };
  };
}
