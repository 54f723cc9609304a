import type { Store } from '../core/ports.js';
import type { Proposal } from '../core/remediation.js';
import { EXPORT_LIMIT, exported, type Exported, type ExportQuery } from './anomaly-export.js';

/** One remediation as exported: what was proposed, for which anomaly, who decided, what it ran and came to. */
export interface RemediationRow {
  id: string;
  anomaly_id: string;
  target: string;
  action: string;
  params: string;
  mode: string;
  executor: string;
  state: string;
  reason: string;
  proposed_at: string;
  decided_by: string;
  decided_at: string;
  updated_at: string;
  result: string;
}

const COLUMNS: readonly (keyof RemediationRow)[] = [
  'id',
  'anomaly_id',
  'target',
  'action',
  'params',
  'mode',
  'executor',
  'state',
  'reason',
  'proposed_at',
  'decided_by',
  'decided_at',
  'updated_at',
  'result',
];

const iso = (ts: number | null) => (ts === null ? '' : new Date(ts).toISOString());

/** Pure. */
export function remediationRow(p: Proposal): RemediationRow {
  return {
    id: p.id,
    anomaly_id: p.anomalyId,
    target: p.target,
    action: p.action,
    params: JSON.stringify(p.params),
    mode: p.mode,
    executor: p.executor,
    state: p.state,
    reason: p.reason,
    proposed_at: iso(p.createdTs),
    decided_by: p.decidedBy ?? '',
    decided_at: iso(p.decidedTs),
    updated_at: iso(p.updatedTs),
    result: p.result ?? '',
  };
}

/**
 * The remediations proposed in [from, until], oldest first, with who decided each and what came of
 * it: the audit a change review asks for, as CSV or JSON.
 */
export function exportRemediations(store: Store, q: ExportQuery): Exported {
  const found = store
    .listProposals({ updatedSince: q.from, limit: EXPORT_LIMIT + 1, ...(q.target ? { target: q.target } : {}) })
    .filter((p) => p.createdTs >= q.from && p.createdTs <= q.until);
  const capped = found.length > EXPORT_LIMIT;
  const rows = found
    .slice(0, EXPORT_LIMIT)
    .sort((a, b) => a.createdTs - b.createdTs || a.id.localeCompare(b.id))
    .map(remediationRow);
  return exported('remediations', rows, COLUMNS, q, capped);
}
