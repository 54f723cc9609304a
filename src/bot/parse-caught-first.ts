import type { Intent, MetricKey } from './intent.js';
import { detectorNamed } from './intent-words.js';

// "Which detector caught the db-1 memory issue first?", "who spotted it first?", "what fired first?".
const FIRST =
  /\bwhich detectors?\b.*\b(?:first|earliest|soonest)\b|\bwhich detector (?:fired|alerted|opened|caught it|spotted it|flagged it) first\b|\bwhat (?:fired|alerted|opened|caught it|spotted it|flagged it) first\b(?!.*\b(?:today|yesterday|tonight|overnight|last night|this (?:morning|afternoon|evening|week|month)|since|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)|\b(?:caught|spotted|flagged|detected) (?:it|this|that|the [\w\s-]{1,40}?) first\b/;
// "How early did we catch it?", "how soon did the detectors spot the disk fill?".
const HOW_EARLY =
  /\bhow (?:early|soon|quickly|fast|long before)\b.*\b(?:did|do|were|was)\b.*\b(?:catch|caught|detect|detected|spot|spotted|notice|noticed|flag|flagged|see|saw|alert|alerted|warn|warned)\b/;
// "Did the forecast detector predict the disk alert?", "did robust catch it before the threshold?".
const DID_DETECTOR =
  /\bdid (?:the |our )?(?:forecast|robust|threshold|iforest|isolation forest|forest)(?: detector)? (?:predict|anticipate|catch|see|spot|flag|warn(?: about| of)?|foresee|call)\b/;

/**
 * "Which detector caught it first?", "how early did we catch it?", "did the forecast predict the disk
 * alert?": an episode's detectors in the order they opened, against the threshold rule and the peak.
 * Of the anomaly named, the one "it" means in the conversation, or the latest on what is named. Pure.
 */
export function caughtFirstQuestion(
  text: string,
  o: { target?: string | undefined; metric?: MetricKey | undefined; an?: string | undefined },
): Intent | undefined {
  const asked = DID_DETECTOR.test(text);
  if (!FIRST.test(text) && !HOW_EARLY.test(text) && !asked) return undefined;
  return {
    kind: 'explain',
    first: true,
    ...(o.an ? { id: o.an } : {}),
    ...(o.target ? { target: o.target } : {}),
    ...(o.metric ? { metric: o.metric } : {}),
    ...(asked ? detectorNamed(text) : {}),
    ...(!o.an && !o.target && !o.metric ? { it: true } : {}),
  };
}
