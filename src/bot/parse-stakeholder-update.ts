import type { Intent } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';

const AUDIENCE = String.raw`(?:stake-?holders?|customers?|clients?|users|management|managers?|my (?:boss|manager|lead|director|vp|cto|ceo)|the (?:boss|business|execs?|executives?|leadership|status page|board)|leadership|execs?|executives?|non[\s-]?tech(?:nical)? (?:people|folks|colleagues|stakeholders|audience)|the rest of the (?:company|org(?:ani[sz]ation)?)|(?:the )?support(?: team)?|product(?: team)?|sales)`;

// "Status update for stakeholders", "draft a status page update", "what do I tell my boss?", "exec summary":
// a draft for people outside the team. "Status update: …" with a colon is an incident's update (parse-incident.ts).
const UPDATE_FOR = new RegExp(
  [
    String.raw`\b(?:status|stakeholder|customer|exec(?:utive)?|management|leadership|business|status[\s-]page|public|external|comms?|communications?|plain[\s-](?:english|language))\s+(?:update|summary|message|note|email|post|brief(?:ing)?|blurb)\b`,
    String.raw`\b(?:update|summary|message|note|email|post|report|brief(?:ing)?|blurb|words?)\s+(?:for|to)\s+${AUDIENCE}\b`,
    String.raw`\bwhat (?:should|do|can|shall|could) (?:i|we) (?:tell|say to|send to|post for|update) ${AUDIENCE}\b`,
    String.raw`\b(?:draft|write|compose|prepare)\s+(?:me\s+|us\s+)?(?:an?\s+|the\s+)?(?:quick\s+|short\s+|brief\s+)?(?:status\s+|incident\s+)?(?:update|announcement|comms?)\b`,
    String.raw`\bexplain\b.*\bto ${AUDIENCE}\b`,
  ].join('|'),
);

/** "Status update for stakeholders": the draft (answer-stakeholder-update.ts), of the targets named if any. Pure. */
export function stakeholderUpdate(text: string, named: readonly string[], span: TimeSpan | undefined): Intent | undefined {
  // A time said ("status update for yesterday") asks for that time's digest, not for a draft about now.
  if (span || !UPDATE_FOR.test(text) || /:\s*\S/.test(text)) return undefined;
  return { kind: 'status', update: true, ...(named.length ? { group: [...named] } : {}) };
}
