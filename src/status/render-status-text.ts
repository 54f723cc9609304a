import type { StatusDoc } from './build-status.js';

const fmt = (v: number | undefined, unit: string) => {
  if (v === undefined) return '-';
  if (unit === 'B/s') return v >= 1e6 ? `${(v / 1e6).toFixed(1)}MB/s` : `${(v / 1e3).toFixed(0)}kB/s`;
  return `${v.toFixed(1)}${unit}`;
};

/** Plain-text view of /status for the terminal. */
export function renderStatusText(doc: StatusDoc): string {
  const head = ['target', 'state', 'cpu', 'memory', 'disk', 'net in', 'net out', 'anomalies'];
  const rows = doc.targets.map((t) => {
    const m = (k: string) => fmt(t.metrics[k]?.value, t.metrics[k]?.unit ?? '');
    const stale = Object.values(t.metrics).some((r) => r.stale) ? ' (stale)' : '';
    return [t.name, t.state + stale, m('cpu'), m('memory'), m('disk'), m('net_in'), m('net_out'), String(t.openAnomalies)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [`status at ${doc.generatedAt}`, '', line(head), ...rows.map(line), ''];
  out.push(`open anomalies: ${doc.openAnomalies.length}`);
  for (const a of doc.openAnomalies.slice(0, 10)) {
    out.push(
      `  ${a.id}  ${a.severity.padEnd(8)} ${a.target}/${a.metric} (${a.detector}) since ${new Date(a.startTs).toISOString()}: ${a.summary}`,
    );
  }
  out.push(`pending proposals: ${doc.pendingProposals.length}`);
  for (const p of doc.pendingProposals.slice(0, 10))
    out.push(`  ${p.id}  ${p.action} on ${p.target} (expires ${new Date(p.expiresTs).toISOString()})`);
  if (doc.slos?.length) out.push(`slos: ${doc.slos.length}`);
  for (const x of doc.slos ?? []) {
    const good = x.goodRatio === null ? 'no samples' : `${(x.goodRatio * 100).toFixed(2)}% good of ${x.objective}%`;
    const burn = Object.entries(x.burnRate).map(([w, b]) => `${w} ${b === null ? '-' : `${b.toFixed(1)}x`}`);
    out.push(
      `  ${x.name.padEnd(16)} ${x.verdict.padEnd(8)} ${good}, budget ${Math.round(x.errorBudgetSpent * 100)}% spent, burn ${burn.join(' ')}`,
    );
  }
  return out.join('\n');
}
