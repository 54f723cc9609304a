/** How replies name a chat platform, the same in every answer: "the web console", "Slack", "Discord". */
const NAMES: Record<string, string> = { web: 'the web console', slack: 'Slack', discord: 'Discord' };

/** Inside a sentence: "posted to the web console". */
export const platformName = (p: string): string => NAMES[p] ?? p;

/** At the start of a line: "The web console: connected". */
export const platformTitle = (p: string): string => {
  const n = platformName(p);
  return n.charAt(0).toUpperCase() + n.slice(1);
};
