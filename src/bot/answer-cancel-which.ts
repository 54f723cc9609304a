import type { AnswerContext } from './answer-context.js';
import { silenceLabel } from './alert-silence.js';
import { describeProposal, stamp } from './format-reply.js';
import { listWatches } from './watches.js';

/** "Cancel that", "never mind", "forget it": said of nothing named. */
export const CANCEL_UNCLEAR =
  /^(?:ok(?:ay)?[,\s]+|please\s+)?(?:cancel|scratch|forget|drop|abort|never ?mind|nvm)(?:\s+(?:that|it|this|the last one|my last one|what i (?:just )?(?:asked|did|said)))?(?:\s+please)?\s*[.!?]*$/;

/**
 * "Cancel that": nothing is cancelled on a guess. The reply lists what of the asker's could be
 * meant (requests waiting for approval, silences and reminders they set that still run) with the
 * command that cancels each, and points to "undo" for an action that already ran. Pure over the store.
 */
export function answerCancelWhich(c: AnswerContext): string {
  const me = c.asker;
  if (!me) return 'Cancel what? Name it: "cancel rp_…" for a request, "unsnooze sl_…" for a silence, "cancel watch wt_…" for a reminder.';
  const requests = c.store.listProposals({ states: ['proposed'], limit: 100 }).filter((p) => p.requestedBy === me);
  const silences = [...c.store.chat.silences(c.now), ...c.store.chat.scheduledSilences(c.now)].filter((s) => s.createdBy === me);
  const watches = listWatches(c.store, c.now).filter((w) => w.user === me);
  const lines = [
    ...requests.map((p) => `• ${describeProposal(p)}, waiting for approval: "cancel ${p.id}"`),
    ...silences.map((s) => `• silence ${s.id} on ${silenceLabel(s)}, until ${stamp(s.untilTs)}: "unsnooze ${s.id}"`),
    ...watches.map(
      (w) => `• ${w.dueTs !== undefined ? `reminder ${w.id} at ${stamp(w.dueTs)}` : `watch ${w.id}: ${w.what}`}: "cancel watch ${w.id}"`,
    ),
  ];
  const undo = 'An action that already ran is not cancelled: "undo the restart on web-1" says how it is reversed.';
  if (!lines.length)
    return `Nothing of yours to cancel: no request of yours waits for approval, and no silence or reminder you set is still running. ${undo}`;
  return [`Cancel which? I cancel nothing on a guess. Yours now:`, ...lines, undo].join('\n');
}
