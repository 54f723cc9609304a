/**
 * Optional masking of host names and addresses before anything leaves the process: each distinct
 * name or IP becomes host-N / ip-N, consistently within one answer, and the reply is unmasked.
 */
export function createMasker(names: string[]) {
  const forward = new Map<string, string>();
  const backward = new Map<string, string>();
  const sorted = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const nameRe = sorted.length ? new RegExp(`(?<![\\w.-])(${sorted.map(escape).join('|')})(?![\\w-])`, 'g') : undefined;
  const ipRe = /(?<![\d.])(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?![\d.])/g;
  const fqdnRe = /\b((?:[a-z0-9-]+\.)+(?:internal|local|com|net|org|io|cloud|compute|amazonaws\.com))\b/gi;

  const counts = { host: 0, ip: 0 };
  const token = (kind: 'host' | 'ip', s: string) => {
    let t = forward.get(s);
    if (!t) {
      t = `${kind}-${++counts[kind]}`;
      forward.set(s, t);
      backward.set(t, s);
    }
    return t;
  };

  return {
    mask(text: string): string {
      let out = text.replace(ipRe, (m) => token('ip', m)).replace(fqdnRe, (m) => token('host', m));
      if (nameRe) out = out.replace(nameRe, (m) => token('host', m));
      return out;
    },
    unmask(text: string): string {
      return text.replace(/\b(host|ip)-\d+\b/g, (m) => backward.get(m) ?? m);
    },
    /** Tool arguments come back masked; map each string back to the real name. */
    unmaskArgs(args: Record<string, unknown>): Record<string, unknown> {
      return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'string' ? (backward.get(v) ?? v) : v]));
    },
    maskedNames: () => sorted.map((n) => forward.get(n) ?? n),
  };
}

export type Masker = ReturnType<typeof createMasker>;

export const identityMasker = (names: string[]): Masker => ({
  mask: (t) => t,
  unmask: (t) => t,
  unmaskArgs: (a) => a,
  maskedNames: () => names,
});
