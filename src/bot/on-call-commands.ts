import type { ChatReply, ChatUser } from '../core/chat.js';
import type { Intent } from './intent.js';
import type { OnCall } from './on-call.js';
import type { createOnCallSwaps } from './on-call-swaps.js';
import { untilTs } from './parse-clock.js';

/** "I'm on call until 18:00", "end my on-call cover", "swap shifts with bob", "accept the swap": the rotation's commands. */
export function onCallReply(
  intent: Extract<Intent, { kind: 'on_call_cover' } | { kind: 'on_call_swap' }>,
  user: ChatUser,
  now: number,
  onCall: OnCall | undefined,
  swaps: ReturnType<typeof createOnCallSwaps> | undefined,
  zone?: string,
): ChatReply {
  if (!onCall)
    return {
      text: `No on-call rotation is set (chat.onCall in the config), so there is no shift to ${intent.kind === 'on_call_swap' ? 'swap' : 'cover'}.`,
      intent: intent.kind,
      private: true,
    };
  if (intent.kind === 'on_call_swap') return swaps!.handle(intent, user, now, zone);
  if (intent.end) return onCall.release(user, now);
  const end = intent.until ? untilTs(intent.until, now) : intent.durationMs ? now + intent.durationMs : undefined;
  if (end === undefined)
    return { text: 'Until when? "I\'m on call until 18:00", "take on-call for 4h".', intent: intent.kind, private: true };
  return onCall.take(user, end, now, intent.rotation);
}
