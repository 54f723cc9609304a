/** Text helpers for the router: cleaning hostile input and forgiving matching. Pure. */

export const MAX_INPUT = 1000;

/** Control, bidi and zero-width characters: never passed on as text. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

/**
 * Strips what must never be interpreted: control characters, platform mention syntax
 * (<@U123>, <@!123>, <#C1>, <!channel>, @everyone, @here), markdown markers, zero-width characters.
 */
export function cleanInput(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(CONTROL_CHARS, ' ')
    .replace(/<[@#!][^>]{0,80}>/g, ' ')
    .replace(/@(everyone|here|channel)\b/gi, ' ')
    .replace(/[*~`|>]/g, ' ')
    .replace(/(^|\s)_+|_+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Quote untrusted text (a host name the user typed) safely inside a reply. */
export function quoteUntrusted(s: string, max = 40): string {
  const t = cleanInput(s)
    .replace(/[<>&@#[\]()]/g, '')
    .slice(0, max);
  return `"${t}${s.length > max ? '…' : ''}"`;
}

/** Edit distance counting a swap of two neighbours as one edit ("memroy", "wbe-1"); capped. */
export function levenshtein(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      best = Math.min(best, d);
    }
    if (best > cap) return cap + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest word within an edit distance that grows with length (1 for 4–6 letters, 2 above). */
export function closest(word: string, vocabulary: readonly string[]): string | undefined {
  if (vocabulary.includes(word)) return word;
  if (word.length < 4) return undefined;
  const cap = word.length >= 7 ? 2 : 1;
  let best: string | undefined;
  let bestD = cap + 1;
  for (const v of vocabulary) {
    if (v.length < 4) continue;
    const d = levenshtein(word, v, cap);
    if (d < bestD) {
      bestD = d;
      best = v;
    }
  }
  return best;
}

export const compact = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Parses "30m", "2 hours", "1h30m", "45 min", "1 day" into milliseconds. */
const UNIT_MS = (u: string) =>
  u.startsWith('w') ? 7 * 86_400_000 : u.startsWith('d') ? 86_400_000 : u.startsWith('h') ? 3_600_000 : u.startsWith('m') ? 60_000 : 1000;
/** Counts said in words, and what each is. */
export const SPOKEN: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  'a couple of': 2,
  'couple of': 2,
  'a few': 3,
  'half a': 0.5,
  'half an': 0.5,
  // "A quarter of an hour", "three quarters of an hour", "one and a half hours".
  'a quarter of an': 0.25,
  'a quarter of a': 0.25,
  'quarter of an': 0.25,
  'three quarters of an': 0.75,
  'three quarters of a': 0.75,
  'one and a half': 1.5,
  'two and a half': 2.5,
};
export const SPOKEN_COUNTS = Object.keys(SPOKEN)
  .sort((x, y) => y.length - x.length)
  .join('|');
// "For half an hour", "in two days", "by an hour": a count said in words, only after a word that makes it a length
// ("once a day" is a rate, not a length).
const SPOKEN_RE = new RegExp(
  String.raw`\b(?:for|in|by|within|after|another|over)\s+(?:the\s+next\s+)?(${SPOKEN_COUNTS})\s+(weeks?|days?|hours?|hrs?|minutes?|mins?)\b`,
  'g',
);

/** A length said in digits or words ("30m", "two hours", "half an hour"), as a regex source with no group of its own. */
export const LENGTH = String.raw`(?:\d+(?:\.\d+)?\s*|(?:${SPOKEN_COUNTS})\s+)(?:weeks?|wks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m)`;
/** How long a LENGTH match is. */
export const lengthMs = (said: string): number | undefined => parseDuration(`for ${said}`);
/** "Two", "an", "half": a count said in words, never a name. */
export const SPOKEN_COUNT = new RegExp(String.raw`^(?:${SPOKEN_COUNTS})$`);

export function parseDuration(text: string): number | undefined {
  // A number inside a name is not a time: "an_1k7d" (an id), "db-2m", "web-12h". "1h30m" still adds up.
  const re =
    /(?<![-_\d.])(\d+(?:\.\d+)?)\s*(weeks|week|wks|wk|w|days|day|d|hours|hour|hrs|hr|h|minutes|minute|mins|min|m|seconds|secs|sec|s)(?![a-z])/g;
  let total = 0;
  let found = false;
  // Ids are not times either: "i-0a1b2c3d…" holds "3d".
  const said = text.replace(/\b(?:an|rp|sl|wt)_[a-z0-9]+|\bi-[0-9a-f]{8,17}\b/gi, ' ');
  for (const m of said.matchAll(re)) {
    found = true;
    total += Number(m[1]) * UNIT_MS(m[2]!);
  }
  for (const m of said.toLowerCase().matchAll(SPOKEN_RE)) {
    found = true;
    total += SPOKEN[m[1]!]! * UNIT_MS(m[2]!);
  }
  // "An hour and a half", "2 days and a half": half the unit more.
  if (found)
    for (const m of said.toLowerCase().matchAll(/\b(weeks?|days?|hours?|hrs?|minutes?|mins?)\s+and\s+a\s+half\b/g))
      total += UNIT_MS(m[1]!) / 2;
  return found && total > 0 ? total : undefined;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 90) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 90) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h < 48) return rest ? `${h} h ${rest} min` : `${h} h`;
  // Under a week the hours still matter ("2 d 20 h" is nearly 3 d, not 2); beyond it, whole days.
  const hr = Math.round(m / 60);
  if (hr < 168) return hr % 24 ? `${Math.floor(hr / 24)} d ${hr % 24} h` : `${hr / 24} d`;
  return `${Math.round(hr / 24)} d`;
}

/** "1 anomaly", "3 anomalies". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

/** "How many alerts per day on average?": `n` over `ms` as a daily rate, to one decimal below ten. */
export function perDay(n: number, ms: number): string {
  const d = (n * 86_400_000) / ms;
  return d < 10 ? d.toFixed(1) : String(Math.round(d));
}
