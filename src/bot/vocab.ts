import { METRIC_WORDS, WORDS } from './intent-words.js';
import { closest } from './text-tools.js';

// Everyday words a letter away from a command word, so never read as a typo of it: "which alerts were held?" is not "help".
const PLAIN = ['held'];

/** Every word the parser knows: what a typo is matched against. */
export const VOCAB = [...new Set([...Object.keys(METRIC_WORDS), ...Object.values(WORDS).flat(), ...PLAIN])];

/** A question's words as the parser reads them: split at spaces and punctuation. */
export const tokensOf = (text: string): string[] => text.split(/[\s,;:!?()"'[\]{}]+/).filter(Boolean);

/** Each token as the word it is taken for: a typo of a known word is that word ("sumary"); names and numbers stay. */
export const wordsOf = (tokens: readonly string[]): string[] => tokens.map((t) => (/^[a-z]+$/.test(t) ? (closest(t, VOCAB) ?? t) : t));
