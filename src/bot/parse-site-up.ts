import type { Intent } from './intent.js';

// "Is the website up?", "can users reach the site?", "is the app down?": whether the hosts report, which is what I can say of it.
const SITE_UP =
  /^(?:so |and )?(?:is|are) (?:the |our )?(?:web ?site|site|app|application|service|platform|system|front[\s-]?end)s? (?:up|down|reachable|available|online|offline|working|ok|okay|alive)\s*[?.!]*$|\bcan (?:users|customers|people|anyone|we) (?:reach|get to|access|use|load) (?:the |our )?(?:web ?site|site|app|application|service|platform)\b/;

/** "Is the website up?": the hosts' reporting, the silent ones first (the status answer). Pure; undefined otherwise. */
export const siteUpQuestion = (text: string): Intent | undefined => (SITE_UP.test(text) ? { kind: 'status', silent: true } : undefined);
