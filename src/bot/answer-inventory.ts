import type { AnswerContext } from './answer-intent.js';
import { table, unknownTargetReply } from './format-reply.js';
import { quoteUntrusted } from './text-tools.js';
import type { Intent, InventoryField } from './intent.js';
import type { TargetRef } from './match-target.js';
import { targetHeadline } from './target-headline.js';

type Inventory = Extract<Intent, { kind: 'inventory' }>;

const FIELD: Record<InventoryField, { label: string; of: (t: TargetRef) => string | undefined; key: string }> = {
  region: { label: 'region', of: (t) => t.region, key: 'region' },
  instance: { label: 'EC2 instance id', of: (t) => t.instanceId, key: 'instanceId' },
  address: { label: 'address', of: (t) => t.address, key: 'address' },
  asg: { label: 'auto scaling group', of: (t) => t.autoScalingGroup, key: 'autoScalingGroup' },
  owner: { label: 'owner (its owner or team label)', of: (t) => t.labels?.owner ?? t.labels?.team, key: 'labels.owner' },
};

// "Is local-vm a real host?": what a source's figures are, where the name does not say.
const SOURCE_GLOSS: Record<string, string> = {
  synthetic: ' (generated figures, no real host behind them)',
  local: ' (the machine I run on, read by me)',
};

const SOURCE_NOTE = 'From the targets file (or the discovery that added the target); I do not look these up in AWS.';

/** "api-1: role api, region us-east-1, instance i-…, address 10.0.2.10:9100, ASG api-asg, source synthetic, env=demo." */
export function placeLine(t: TargetRef): string {
  const parts = [
    t.role && `role ${t.role}`,
    t.region && `region ${t.region}`,
    t.instanceId && `instance ${t.instanceId}`,
    t.address && `address ${t.address}`,
    t.autoScalingGroup && `auto scaling group ${t.autoScalingGroup}`,
    t.source && `source ${t.source}${SOURCE_GLOSS[t.source] ?? ''}`,
    ...Object.entries(t.labels ?? {}).map(([k, v]) => `${k}=${v}`),
  ].filter(Boolean);
  return `${t.name}: ${parts.length ? parts.join(', ') : 'nothing set beyond its name'}.`;
}

/** A quoted instance id or address, found in the targets' instance ids and addresses (with or without the port). */
function lookup(said: string, c: AnswerContext): string {
  const hits = c.targets.filter(
    (t) => t.instanceId?.toLowerCase() === said || t.address === said || (t.address && t.address.replace(/:\d+$/, '') === said),
  );
  const what = said.startsWith('i-') ? 'instance id' : 'address';
  if (!hits.length) return `No target has the ${what} ${quoteUntrusted(said)}. ${SOURCE_NOTE} "Inventory" lists what each target has.`;
  return hits.map((t) => `${quoteUntrusted(said)} is ${placeLine(t)}\n${targetHeadline(t.name, c)}`).join('\n');
}

/** "Regions: us-east-1 (6: web-1, …); not set: local-vm." — the targets grouped by one field. */
function byValue(field: InventoryField, asked: TargetRef[]): string {
  const { label, of } = FIELD[field];
  const plural = field === 'address' ? 'addresses' : `${label}s`;
  const groups = new Map<string, string[]>();
  for (const t of asked) groups.set(of(t) ?? '', [...(groups.get(of(t) ?? '') ?? []), t.name]);
  const set = [...groups.entries()].filter(([v]) => v).sort(([a], [z]) => a.localeCompare(z));
  const unset = groups.get('') ?? [];
  // Ids and addresses are one per target: a table; regions and groups are shared: grouped.
  const lines =
    field === 'instance' || field === 'address'
      ? set.length
        ? [
            table(
              ['target', label],
              asked.filter((t) => of(t)).map((t) => [t.name, of(t)!]),
            ),
          ]
        : []
      : set.map(([v, names]) => `• ${v}: ${names.join(', ')} (${names.length})`);
  return [
    ...(set.length ? [`${plural[0]!.toUpperCase()}${plural.slice(1)} of ${asked.length} targets:`] : []),
    ...lines,
    ...(unset.length ? [`No ${label} set for ${unset.join(', ')}.`] : []),
  ].join('\n');
}

/**
 * Where targets run, as configured: one target's region, instance id, address or auto scaling
 * group, those of a group, or the whole inventory. Nothing here is read from AWS, so the reply says
 * where it came from, and a field that is not set is said so rather than guessed.
 */
export function answerInventory(i: Inventory, c: AnswerContext): string {
  if (i.lookup) return lookup(i.lookup.toLowerCase(), c);
  if (i.unknownTarget && !i.target && !i.group) return unknownTargetReply(i.unknownTarget, c.targets);
  const asked = c.targets.filter((t) => (i.target ? t.name === i.target : !i.group || i.group.includes(t.name)));
  if (!asked.length) return 'No targets yet: the targets file lists none and no source has added any.';
  if (i.field) {
    const { label, of, key } = FIELD[i.field];
    const one = asked.length === 1 ? asked[0]! : undefined;
    const head = one
      ? of(one)
        ? `${one.name}'s ${label}: ${of(one)}.`
        : `${one.name} has no ${label} set: add "${key}" to its entry in the targets file.`
      : byValue(i.field, asked);
    return [head, ...(one ? [placeLine(one)] : []), SOURCE_NOTE].join('\n');
  }
  if (asked.length === 1) return [placeLine(asked[0]!), targetHeadline(asked[0]!.name, c), SOURCE_NOTE].join('\n');
  // The columns something is set in; labels last, as key=value.
  const cols = (['region', 'instance', 'address', 'asg'] as const).filter((f) => asked.some((t) => FIELD[f].of(t)));
  const rows = asked.map((t) => [
    t.name,
    t.role ?? '-',
    ...cols.map((f) => FIELD[f].of(t) ?? '-'),
    t.source ?? '-',
    Object.entries(t.labels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(' ') || '-',
  ]);
  const head = ['target', 'role', ...cols.map((f) => (f === 'asg' ? 'ASG' : f)), 'source', 'labels'];
  return [`Inventory of ${asked.length} targets:`, table(head, rows), SOURCE_NOTE].join('\n');
}
