import { joinSpacedNames, type TargetRef } from './match-target.js';
import { cleanInput } from './text-tools.js';

/**
 * A question as the parser reads it: comparison signs as words (before cleaning, which strips ">",
 * a quote marker in chat markdown), cleaned and lower-cased, "roll back" as one verb, "cpu%" as the
 * metric, and "api 2" as api-2 when a target is called that. Pure.
 */
export function questionText(raw: string, targets: TargetRef[]): string {
  const signs = raw.replace(/>\s*=\s*(?=\d)/g, ' at least ').replace(/<\s*=\s*(?=\d)/g, ' at most ');
  return joinSpacedNames(
    cleanInput(signs.replace(/>\s*(?=\d)/g, ' above ').replace(/<\s*(?=\d)/g, ' below '))
      .toLowerCase()
      .replace(/\broll(?:ing)?\s+back\b/g, 'rollback')
      .replace(/\b(cpu|mem|memory|ram|disk)%/g, '$1'),
    targets,
  );
}
