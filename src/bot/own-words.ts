import { NOTE_LEAD } from './alert-notes.js';
import { MAINTENANCE_SET, splitReason } from './parse-silence.js';

const SILENCING = /^(?:please\s+)?(?:snooze|silence|mute|quiet|shush|suppress)\b/;

/**
 * The part of a command the parser reads for targets, metrics and times: a silence's reason ("…:
 * db migration at 22:00") and a note's words ("note: restarted db-1") are the team's own, kept as
 * they are and never read as what the command is about. Pure; `text` is lower case.
 */
export function subjectPart(text: string): string {
  if (SILENCING.test(text) || MAINTENANCE_SET.test(text)) return splitReason(text).head;
  if (NOTE_LEAD.test(text)) {
    const colon = text.search(/:(?!\d)/);
    return colon >= 0 ? text.slice(0, colon) : text;
  }
  return text;
}
