import { RUN_VERBS, UNDO_VERBS } from './intent-words.js';

/**
 * A request to act ("restart nginx on api-1", "kick web-2", "rotate the logs on db-1"): answered with
 * how remediations happen (parse-action-request.ts), never run unless it names an allow-listed action.
 */
export const ACTION_VERBS: ReadonlySet<string> = new Set([
  'restart',
  'bounce',
  'reboot',
  'stop',
  'start',
  'kill',
  'terminate',
  'shutdown',
  'scale',
  'cleanup',
  'clean',
  'deploy',
  'redeploy',
  'rollback',
  'drain',
  'failover',
  'resize',
  'purge',
  'flush',
  'revert',
  'ssh',
  'cordon',
  'uncordon',
  'deregister',
  'promote',
  'isolate',
  'quarantine',
  'restore',
]);

// Words that name an action only beside a host ("kick web-2", "patch db-1") or a disk's files ("clear tmp"):
// alone they are everyday words ("kick off a digest", "patch status", "clear"). "Clear" and "wipe" lift
// a silence first (parse-silence.ts).
const BESIDE_A_HOST = new Set([
  'kick',
  'rotate',
  'recycle',
  'respawn',
  'reimage',
  'reinstall',
  'patch',
  'upgrade',
  'nuke',
  'evacuate',
  'wipe',
  'clear',
]);

/**
 * Whether `verb`, leading `text`, asks for an action: always for the words above and an undo; "run …"
 * on a host or naming an action (`acts`); the words beside a host, beside one or a disk's files.
 */
export function actionVerb(verb: string, text: string, hostNamed: boolean, acts: () => boolean): boolean {
  if (ACTION_VERBS.has(verb) || UNDO_VERBS.has(verb)) return true;
  if (RUN_VERBS.has(verb)) return hostNamed || acts();
  if (!BESIDE_A_HOST.has(verb) || /\bkick(?:ing|ed)? off\b/.test(text)) return false;
  return hostNamed || ((verb === 'clear' || verb === 'wipe') && /\b(?:tmp|temp|logs?|disk|space|files?)\b|\/\w/.test(text));
}
