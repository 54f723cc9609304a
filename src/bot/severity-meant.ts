/**
 * The severity a question means: "non-critical", "below critical", "less than critical" are the
 * warnings, "above warning" the critical ones, whatever severity word they contain. Pure.
 */
export function severityMeant(text: string, said: 'critical' | 'warning' | undefined): 'critical' | 'warning' | undefined {
  if (/\bnon[\s-]?crit\w*/.test(text)) return 'warning';
  const flipped = /\b(?:not |below |under |less than |lower than )crit\w*|\b(?:above |over |more than |higher than )warn\w*/.test(text);
  return flipped && said ? (said === 'critical' ? 'warning' : 'critical') : said;
}
