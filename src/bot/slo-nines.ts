const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const n = (x: number) => x.toLocaleString('en-US');
const word = (k: number) => WORDS[k] ?? String(k);
const share = (k: number) => `${(100 - 100 / 10 ** k).toFixed(Math.max(k - 2, 0))}%`;

/**
 * "How many nines?": the good share as whole nines (99.32% is two), and what the next nine would
 * have allowed of the same samples, so the gap reads as bad samples rather than a decimal. Pure.
 */
export function ninesLine(good: number, bad: number): string {
  const total = good + bad;
  // As many decimals as the nines need: 99.999% is not 100%.
  const at = (x: number) => `${Number(((1 - x / total) * 100).toFixed(Math.max(2, wholeNines(x, total) - 1)))}%`;
  if (total < 10) return `Only ${n(total)} sample${total === 1 ? '' : 's'}: too few to count nines.`;
  if (bad === 0) return `No bad samples among ${n(total)}: 100% good; one bad would still be ${nines(wholeNines(1, total))} (${at(1)}).`;
  const k = wholeNines(bad, total);
  const next = Math.floor(total / 10 ** (k + 1));
  const allows = next
    ? `would allow ${n(next)} bad of these ${n(total)} samples, not ${n(bad)}`
    : `needs ${n(10 ** (k + 1))} samples or more to allow even one bad`;
  return `${at(bad)} good is ${nines(k)}; ${nines(k + 1)} (${share(k + 1)}) ${allows}.`;
}

// Whole nines by counting, not by a logarithm that rounds 99.9% down to 2.9999. `bad` is at least 1.
function wholeNines(bad: number, total: number): number {
  let k = 0;
  while (bad * 10 ** (k + 1) <= total) k++;
  return k;
}
const nines = (k: number) => `${word(k)} nine${k === 1 ? '' : 's'}`;
