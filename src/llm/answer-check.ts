/**
 * Every figure in a model's reply must appear in what the model was shown (the context, tool
 * results, the question), allowing for rounding and unit changes. Pure.
 */

export interface Figure {
  raw: string;
  value: number;
  decimals: number;
  unit: string;
}

export interface CheckResult {
  ok: boolean;
  unbacked: string[];
  /** Source tags ("[web-1 CPU @05:40Z]") of the evidence lines that backed the reply's figures. */
  sources: string[];
}

// Times and dates are compared as text: "05:40", "05:40:12", "2026-11-22".
const TIME = /(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])|\b\d{4}-\d{2}-\d{2}\b/g;
// A number not glued to a name (web-1, an_3f, v2, i-0abc): what precedes it is a space, bracket or start.
const NUMBER =
  /(?<![\w.\-/:@#])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s?(%|ms|s\b|sec|min|h\b|hours?|minutes?|seconds?|[kKMGT]i?B(?:\/s)?|B\/s|x\b)?(?![\w-])/g;

export function extractFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.replace(TIME, ' ').matchAll(NUMBER)) {
    const whole = m[1]!.replace(/,/g, '');
    const frac = m[2] ?? '';
    out.push({ raw: m[0].trim(), value: Number(`${whole}${frac ? `.${frac}` : ''}`), decimals: frac.length, unit: m[3] ?? '' });
  }
  return out;
}

export const timesIn = (text: string) => text.match(TIME) ?? [];

type UnitClass = 'percent' | 'time' | 'bytes' | 'none';
function unitClass(u: string): UnitClass {
  if (u === '%') return 'percent';
  if (/^(ms|s|sec|min|h|hours?|minutes?|seconds?)$/.test(u)) return 'time';
  if (/B/.test(u)) return 'bytes';
  return 'none';
}

// The same quantity said another way, within its kind: fraction → percent, s ↔ min ↔ ms, B ↔ kB ↔ MiB.
const FACTORS: Record<UnitClass, number[]> = {
  percent: [1, 100],
  time: [1, 60, 1 / 60, 3600, 1 / 3600, 1e3, 1e-3, 6e4, 1 / 6e4],
  bytes: [1, 1e3, 1e-3, 1e6, 1e-6, 1e9, 1e-9, 1024, 1 / 1024, 1024 ** 2, 1 / 1024 ** 2, 1024 ** 3, 1 / 1024 ** 3],
  none: [1],
};

/**
 * Within half a unit of the reply's last shown digit, after some unit change ("1.2 GB" for
 * 1,234,567,890 B), and never across kinds: "12%" is not backed by "12 min".
 */
function backs(v: Figure, c: Figure): boolean {
  const a = unitClass(v.unit);
  const b = unitClass(c.unit);
  if (a !== 'none' && b !== 'none' && a !== b) return false;
  const halfStep = 0.5 * 10 ** -v.decimals + 1e-9;
  return FACTORS[a].some((k) => Math.abs(v.value - c.value * k) <= halfStep);
}

const CLAIM = /\b(approved|denied|executed|restarted|rebooted|scaled|succeeded|failed)\b/i;

/** Small counts ("3 anomalies", "2 hosts", list numbers) need no backing unless they carry a unit. */
const exempt = (f: Figure) => f.unit === '' && f.decimals === 0 && f.value <= 10;

/**
 * `names` are the targets the model may talk about: a figure in a sentence that names some of them
 * must be backed by an evidence line that mentions one of those, so a real figure
 * pinned on the wrong host is caught too.
 */
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each figure of an evidence line, with the target named nearest to it in that line (if any). */
function attribute(line: string, nameRe: RegExp | undefined): { fig: Figure; name: string | undefined }[] {
  const names = nameRe
    ? [...line.matchAll(nameRe)].map((m) => ({ name: m[0].toLowerCase(), at: m.index!, end: m.index! + m[0].length }))
    : [];
  const clean = line.replace(TIME, (t) => ' '.repeat(t.length));
  return [...clean.matchAll(NUMBER)].map((m) => {
    const at = m.index!;
    let best: { name: string; d: number } | undefined;
    for (const n of names) {
      const d = n.end <= at ? at - n.end : n.at >= at + m[0].length ? n.at - (at + m[0].length) : 0;
      if (!best || d < best.d) best = { name: n.name, d };
    }
    return { fig: extractFigures(m[0])[0] ?? { raw: m[0], value: NaN, decimals: 0, unit: '' }, name: best?.name };
  });
}

/**
 * `names` are the targets the model may talk about. A figure in a sentence that names some of them
 * must be backed by an evidence figure attributed to one of those (the target named nearest to it
 * in its line), so a real figure pinned on the wrong host is caught too.
 */
export function checkAnswer(reply: string, evidence: string[], names: string[] = []): CheckResult {
  const lines = evidence.flatMap((e) => e.split('\n'));
  const lower = lines.map((l) => l.toLowerCase());
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length);
  const nameRe = sorted.length ? new RegExp(`(?<![\\w-])(?:${sorted.map(escapeRe).join('|')})(?![\\w-])`, 'gi') : undefined;
  const figures = lines.map((l) => attribute(l, nameRe));
  const times = new Set(evidence.flatMap(timesIn).map((t) => t.replace(/^0/, '')));
  const unbacked: string[] = [];
  const sources = new Set<string>();
  const cite = (i: number) => {
    const tag = /^\[[^\]]{1,80}\]/.exec(lines[i]!)?.[0];
    if (tag && !tag.startsWith('[now') && !tag.startsWith('[note')) sources.add(tag);
  };
  for (const sentence of reply.split(/(?<=[.!?;])\s+|\n+/)) {
    const named = nameRe ? [...new Set([...sentence.matchAll(nameRe)].map((m) => m[0].toLowerCase()))] : [];
    // "Approved rp_x" is a claim about state: the evidence line for rp_x must say the same.
    const claim = CLAIM.exec(sentence)?.[1]?.toLowerCase();
    if (claim)
      for (const id of sentence.match(/\brp_\w+/g) ?? [])
        if (!lower.some((l) => l.includes(id.toLowerCase()) && l.includes(claim))) unbacked.push(`${claim} ${id}`);
    for (const f of extractFigures(sentence)) {
      if (exempt(f)) continue;
      const i = figures.findIndex((row) => row.some((e) => (!named.length || !e.name || named.includes(e.name)) && backs(f, e.fig)));
      if (i < 0) unbacked.push(f.raw);
      else cite(i);
    }
  }
  for (const t of timesIn(reply)) {
    const short = t.replace(/^0/, '');
    const ok = [...times].some((x) => x === short || x.startsWith(`${short}:`) || short.startsWith(`${x}:`));
    if (!ok) unbacked.push(t);
  }
  return { ok: unbacked.length === 0, unbacked: [...new Set(unbacked)], sources: [...sources].slice(0, 6) };
}
