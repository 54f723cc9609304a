import { createHash } from 'node:crypto';
import type { Config } from './load-config.js';

/** What a start's config was: the file's settings and the targets, never what came from the environment (tokens live there). */
export type ConfigSnapshot = Record<string, unknown>;

const FROM_ENV = new Set<keyof Config>([
  'configPath',
  'dataDir',
  'http',
  'logLevel',
  'heapGrowthPercent',
  'endpoints',
  'slack',
  'llmEnv',
  'discord',
]);

export function configSnapshot(cfg: Config): ConfigSnapshot {
  return Object.fromEntries(Object.entries(cfg).filter(([k]) => !FROM_ENV.has(k as keyof Config)));
}

/** Key order does not count: the same settings written in another order hash the same. */
function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, stable((v as Record<string, unknown>)[k])]),
    );
  return v;
}

export const snapshotHash = (s: ConfigSnapshot): string =>
  createHash('sha256')
    .update(JSON.stringify(stable(s)))
    .digest('hex')
    .slice(0, 16);

const MAX_LINES = 25;
const show = (v: unknown) => {
  const s = v === undefined ? '(unset)' : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

/** How an element of a list is known across two versions: its name, or its metric and target, else its place. */
function keyOf(v: unknown, i: number): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o.name === 'string') return o.name;
    if (typeof o.metric === 'string') return `${o.metric}${typeof o.target === 'string' ? `@${o.target}` : ''}`;
  }
  return `#${i}`;
}

/**
 * The settings that differ between two snapshots, one line each: "thresholds[cpu].above: 90 → 85",
 * "targets: added web-3". Lists of named things (targets, routes, rules) are matched by name, so
 * adding one in the middle is one line, not a change to every one after it. Pure.
 */
export function diffConfig(before: ConfigSnapshot, after: ConfigSnapshot): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (JSON.stringify(stable(a)) === JSON.stringify(stable(b))) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      const ka = a.map(keyOf);
      const kb = b.map(keyOf);
      const named = [...ka, ...kb].every((k) => !k.startsWith('#')) && new Set(ka).size === ka.length && new Set(kb).size === kb.length;
      if (!named) {
        if (a.length !== b.length || a.some((x) => typeof x !== 'object')) return void out.push(`${path}: ${show(a)} → ${show(b)}`);
        a.forEach((x, i) => walk(x, b[i], `${path}[${i}]`));
        return;
      }
      const added = kb.filter((k) => !ka.includes(k));
      const removed = ka.filter((k) => !kb.includes(k));
      if (added.length) out.push(`${path}: added ${added.join(', ')}`);
      if (removed.length) out.push(`${path}: removed ${removed.join(', ')}`);
      ka.forEach((k, i) => {
        const j = kb.indexOf(k);
        if (j >= 0) walk(a[i], b[j], `${path}[${k}]`);
      });
      return;
    }
    const plain = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (plain(a) && plain(b)) {
      const ra = a as Record<string, unknown>;
      const rb = b as Record<string, unknown>;
      for (const k of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) walk(ra[k], rb[k], path ? `${path}.${k}` : k);
      return;
    }
    out.push(`${path}: ${show(a)} → ${show(b)}`);
  };
  walk(before, after, '');
  return out.length > MAX_LINES ? [...out.slice(0, MAX_LINES), `and ${out.length - MAX_LINES} more`] : out;
}
