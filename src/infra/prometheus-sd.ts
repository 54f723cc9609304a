import type { TargetSpec } from '../config/schema.js';

export interface SdGroup {
  targets: string[];
  labels: Record<string, string>;
}

const HOST_PORT = /^(?:[A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):\d{1,5}$/;

/**
 * file_sd target groups for node_exporter, one per target with an address, sorted by name so the
 * output is stable (the command is idempotent). Problems are returned, not thrown.
 */
export function buildNodeSd(targets: TargetSpec[]): { groups: SdGroup[]; problems: string[] } {
  const problems: string[] = [];
  const groups: SdGroup[] = [];
  for (const t of [...targets].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!t.address) continue;
    if (!HOST_PORT.test(t.address) || Number(t.address.split(':').pop()) > 65535) {
      problems.push(`targets.${t.name}.address: "${t.address}" is not host:port`);
      continue;
    }
    const labels: Record<string, string> = { target: t.name };
    if (t.role) labels.role = t.role;
    if (t.region) labels.region = t.region;
    if (t.instanceId) labels.instance_id = t.instanceId;
    for (const [k, v] of Object.entries(t.labels ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      if (/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(k) && !k.startsWith('__')) labels[k] = v;
      else problems.push(`targets.${t.name}.labels.${k}: not a valid Prometheus label name`);
    }
    groups.push({ targets: [t.address], labels });
  }
  return { groups, problems };
}

export function renderSd(groups: SdGroup[]): string {
  return `${JSON.stringify(groups, null, 2)}\n`;
}
