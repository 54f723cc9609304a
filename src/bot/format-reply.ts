import type { Anomaly } from '../core/anomaly.js';
import { anomalyLabel, expectedText, figureMetric, formatBits, formatValue } from '../core/metrics.js';
import type { Proposal } from '../core/remediation.js';
import { stamp } from '../core/stamp.js';
import { formatDuration, quoteUntrusted } from './text-tools.js';

// Shared with the pipeline's anomaly summaries, so alerts and chat print figures the same way.
export { formatValue, METRIC_LABEL, seriesLabel } from '../core/metrics.js';
export { stamp };

export const clock = (ts: number) => `${new Date(ts).toISOString().slice(11, 19)} UTC`;

/** "at 03:21:30 UTC, 8 s ago", or "STALE: last seen …" when the reading is older than allowed. */
export function when(ts: number, now: number, staleAfterMs: number): string {
  const age = Math.max(0, now - ts);
  return age > staleAfterMs ? `STALE: from ${stamp(ts)}, ${formatDuration(age)} old` : `at ${clock(ts)}, ${formatDuration(age)} ago`;
}

export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return ['```', line(head), ...rows.map(line), '```'].join('\n');
}

export function describeAnomaly(a: Anomaly, now: number): string {
  const label = anomalyLabel(a);
  const u = figureMetric(a);
  const range =
    a.detector === 'silence'
      ? ''
      : a.expectedHigh >= Number.MAX_VALUE / 2
        ? ` (expected ≥ ${formatValue(u, a.expectedLow)})`
        : ` (${expectedText(a)})`;
  // Alertmanager sends no value, so there is no figure to quote.
  const peak =
    a.detector === 'alertmanager'
      ? 'firing in Alertmanager'
      : a.detector === 'silence'
        ? `silent for ${formatDuration(a.peak * 1000)}`
        : `peak ${formatValue(u, a.peak)}${range}`;
  const span =
    a.endTs === null
      ? `since ${stamp(a.startTs)} (${formatDuration(now - a.startTs)}, ongoing)`
      : `${stamp(a.startTs)} for ${formatDuration(a.endTs - a.startTs)}, resolved`;
  return `${a.id} [${a.severity}] ${a.target} ${label}: ${peak}; ${span}; ${a.detector}, score ${a.score.toFixed(2)}`;
}

export function describeProposal(p: Proposal): string {
  // "succeeded by alice" would read as if alice ran it: after a decision the state moves on, the approver stays.
  const by = p.decidedBy?.startsWith('policy:') ? `automatically (mode ${p.decidedBy.slice(7)})` : `by ${p.decidedBy}`;
  const at = p.decidedTs === null ? '' : ` at ${stamp(p.decidedTs)}`;
  // A withdrawal's actor took it back ("withdrawn by web:operator"); nobody approved it.
  const own = p.state === 'approved' || p.state === 'denied' || p.state === 'withdrawn' || p.state === 'expired';
  const decided = !p.decidedBy ? '' : own ? ` ${by}${at}` : `, approved ${by}${at}`;
  return `${p.id} ${p.action} on ${p.target} (${p.mode}, ${p.executor}): ${p.state}${decided}`;
}

/** "No target is labelled prod. Roles: web, db. Labels: env=demo; tier=backend, frontend." */
export function noGroupReply(word: string, targets: { name: string; role?: string | null; labels?: Record<string, string> }[]): string {
  const roles = [...new Set(targets.map((t) => t.role).filter((r): r is string => Boolean(r)))].sort();
  const labels = new Map<string, Set<string>>();
  for (const t of targets) for (const [k, v] of Object.entries(t.labels ?? {})) labels.set(k, (labels.get(k) ?? new Set()).add(v));
  const listed = [...labels]
    .sort(([a], [z]) => a.localeCompare(z))
    .map(([k, vs]) => `${k}=${[...vs].sort().join(', ')}`)
    .join('; ');
  return [
    `No target has the role or a label ${quoteUntrusted(word)}, so I have no figures for it.`,
    `Roles: ${roles.join(', ') || 'none set'}. Labels: ${listed || 'none set'} (the targets file). Ask without it for the whole fleet.`,
  ].join('\n');
}

export function unknownTargetReply(name: string, targets: { name: string; region?: string | undefined }[]): string {
  // "Which hosts are in us-west-2?": a region no target runs in is said as one.
  if (/^[a-z]{2}(?:-gov)?-[a-z]+-\d$/.test(name)) {
    const regions = [...new Set(targets.flatMap((t) => t.region ?? []))].sort();
    return `No target runs in region ${quoteUntrusted(name)}${regions.length ? `: the targets here are in ${regions.join(', ')}` : ': no target here names its region'} ("inventory" lists where each runs).`;
  }
  return `I don't know a target called ${quoteUntrusted(name)}. Targets: ${targets.map((t) => t.name).join(', ') || 'none yet'}.`;
}

const BYTE_SCALE: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 };
/**
 * "In Mbps": each byte rate in prose followed by its bit rate. A table keeps its bytes, so its
 * columns stay aligned, and a line after it gives the factor.
 */
export function withBits(text: string): string {
  let fenced = false;
  let tabled = false;
  const lines = text.split('\n').map((line) => {
    if (line.startsWith('```')) fenced = !fenced;
    else if (fenced) tabled ||= /\d (?:B|kB|MB|GB)\/s/.test(line);
    else
      return line.replace(
        /(\d+(?:\.\d+)?) (B|kB|MB|GB)\/s/g,
        (m, n: string, u: string) => `${m} (${formatBits(Number(n) * BYTE_SCALE[u]!)})`,
      );
    return line;
  });
  return [...lines, ...(tabled ? ['(Rates in the table are bytes per second: 1 MB/s is 8 Mbit/s.)'] : [])].join('\n');
}
