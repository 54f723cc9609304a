/** Fractions said as words, as a share of 100. */
const FRACTION_WORDS: Record<string, number> = {
  half: 50,
  'one half': 50,
  'a third': 33.3,
  'one third': 33.3,
  'two thirds': 66.7,
  'a quarter': 25,
  'one quarter': 25,
  'three quarters': 75,
};

const LINE_VERB = String.raw`above|over|below|under|more than|less than|greater than|higher than|lower than|at least|at most|reach(?:es)?|hits?|exceeds?`;
// "Over 3/4", "above two thirds", "under half": a share, not the number before the slash.
const FRACTION = new RegExp(
  String.raw`\b(${LINE_VERB})\s+(?:a\s+)?(?:(half|one half|a third|one third|two thirds|a quarter|one quarter|three quarters)|(\d{1,2})\s*/\s*(\d{1,3}))\b(?!\s*/)`,
  'g',
);

/**
 * A line said in words, as the bound parser reads it: "60 percent" is 60%, "over 3/4" is over 75%,
 * "above two thirds" above 66.7%, "under half" under 50%, "1e9" is 1000000000. A fraction only
 * counts after a word that draws a line, so a date ("12/06") or a ratio elsewhere stays as typed. Pure.
 */
export function lineWords(text: string): string {
  return (
    text
      .replace(/(\d+(?:\.\d+)?)\s*(?:percent|per cent|pct)\b/g, '$1%')
      // "1e9 ms": the number it writes, not the 1 before the "e".
      .replace(/\b(\d+(?:\.\d+)?)e([+-]?\d{1,2})\b/g, (m, n: string, e: string) => {
        const v = Number(n) * 10 ** Number(e);
        return Number.isFinite(v) ? String(v) : m;
      })
      .replace(FRACTION, (m, verb: string, word: string | undefined, num: string | undefined, den: string | undefined) => {
        const share = word
          ? FRACTION_WORDS[word]
          : Number(den) > 0 && Number(num) <= Number(den)
            ? (100 * Number(num)) / Number(den)
            : undefined;
        return share === undefined ? m : `${verb} ${Number(share.toFixed(1))}%`;
      })
  );
}
