import type { Anomaly } from '../core/anomaly.js';
import { unitOf } from '../core/metrics.js';
import type { Store } from '../core/ports.js';
import type { Proposal } from '../core/remediation.js';
import type { Target } from '../core/target.js';
import type { SloStatus } from './slo-board.js';

export interface MetricReading {
  value: number;
  unit: string;
  ts: string;
  ageSeconds: number;
  stale: boolean;
}

export interface TargetStatus {
  name: string;
  role: string | null;
  source: string;
  state: 'up' | 'silent' | 'unknown';
  lastSeen: string | null;
  metrics: Record<string, MetricReading>;
  openAnomalies: number;
}

/** An open anomaly, with who acknowledged its alert (chat "ack" or the Acknowledge button), if anyone. */
export type OpenAnomaly = Anomaly & { acknowledgedBy?: string; acknowledgedAt?: string };

export interface StatusDoc {
  generatedAt: string;
  lastTick: Record<string, unknown> | null;
  targets: TargetStatus[];
  openAnomalies: OpenAnomaly[];
  pendingProposals: Proposal[];
  /** Each SLO of config now (slo-board.ts): added by /status and the status command, which know them. */
  slos?: SloStatus[];
}

const iso = (ts: number) => new Date(ts).toISOString();

/** What /status and `smartcloudops status` show: built from the store alone, so both agree. */
export function buildStatus(store: Store, targets: Target[], now: number, staleAfterMs: number): StatusDoc {
  const latest = store.latestSamples();
  const states = new Map(store.targetStates().map((t) => [t.target, t]));
  const open = store.openAnomalies();
  const names = new Map<string, Target>(targets.map((t) => [t.name, t]));
  for (const s of latest) if (!names.has(s.target)) names.set(s.target, { name: s.target, labels: {}, source: 'unknown' });

  const byTarget = new Map<string, TargetStatus>();
  for (const t of names.values()) {
    const st = states.get(t.name);
    byTarget.set(t.name, {
      name: t.name,
      role: t.role ?? null,
      source: t.source,
      state: st?.state ?? 'unknown',
      lastSeen: st?.lastSeenTs ? iso(st.lastSeenTs) : null,
      metrics: {},
      openAnomalies: open.filter((a) => a.target === t.name).length,
    });
  }
  for (const s of latest) {
    const age = Math.max(0, now - s.ts);
    byTarget.get(s.target)!.metrics[s.metric] = {
      value: s.value,
      unit: unitOf(s.metric),
      ts: iso(s.ts),
      ageSeconds: Math.round(age / 1000),
      stale: age > staleAfterMs,
    };
  }
  const last = store.getKv('pipeline:last_tick');
  return {
    generatedAt: iso(now),
    lastTick: last ? (JSON.parse(last) as Record<string, unknown>) : null,
    targets: [...byTarget.values()].sort((a, b) => a.name.localeCompare(b.name)),
    openAnomalies: open.map((a): OpenAnomaly => {
      const ack = store.chat.ackOfAnomaly(a.id);
      return ack ? { ...a, acknowledgedBy: ack.by, acknowledgedAt: iso(ack.ts) } : a;
    }),
    pendingProposals: store.listProposals({ states: ['proposed'], limit: 200 }),
  };
}
