import { joinSpacedNames, type TargetRef } from './match-target.js';
import { cleanInput } from './text-tools.js';

/**
 * A question as the parser reads it: comparison signs as words (before cleaning, which strips ">",
 * a quote marker in chat markdown), cleaned and lower-cased, "roll back" as one verb, "cpu%" as the
 * metric, "on cal" and "sumary" as meant, and "api 2" as api-2 when a target is called that. Pure.
 */
export function questionText(raw: string, targets: TargetRef[]): string {
  const signs = raw.replace(/>\s*=\s*(?=\d)/g, ' at least ').replace(/<\s*=\s*(?=\d)/g, ' at most ');
  return joinSpacedNames(
    cleanInput(signs.replace(/>\s*(?=\d)/g, ' above ').replace(/<\s*(?=\d)/g, ' below '))
      .toLowerCase()
      .replace(/\broll(?:ing)?\s+back\b/g, 'rollback')
      .replace(/\b(cpu|mem|memory|ram|disk)%/g, '$1')
      // Typos the fuzzy matcher cannot reach: its words are single tokens, and short ones are never bent.
      .replace(/\bon[\s-]?cal\b/g, 'on call')
      .replace(/\bsum+ar(y|i[sz]e)\b/g, 'summar$1'),
    targets,
  );
}
