import type { ChatReply } from '../core/chat.js';
import { stamp } from './format-reply.js';
import { formatDuration, quoteUntrusted } from './text-tools.js';

/** How many of a person's messages are kept per channel, for how long, and for how many people and channels. */
const KEPT = 10;
const KEPT_MS = 24 * 3_600_000;
const PEOPLE = 2_000;
/** A question is shown up to this long: enough to recognise it, not a transcript. */
const SHOWN = 160;

interface Asked {
  text: string;
  ts: number;
  /** What it was read as: an unknown question is said to be one. */
  understood: boolean;
}

/**
 * "What did I ask you earlier?", "what was my last question?": a person's last messages to the bot,
 * per channel (keyed by platform, channel and person), so a question asked in a direct message is
 * never shown in a shared channel. In memory: a restart forgets them, as the follow-ups do.
 */
export function createQuestionHistory() {
  const kept = new Map<string, Asked[]>();
  return {
    /** A message answered (the question about questions excepted, so it does not list itself). */
    record(key: string, text: string, intent: string, now: number): void {
      if (intent === 'asked' || typeof text !== 'string' || !text.trim()) return;
      const list = (kept.get(key) ?? []).filter((a) => now - a.ts <= KEPT_MS);
      list.push({ text: text.trim(), ts: now, understood: intent !== 'unknown' && intent !== 'bad_input' });
      kept.delete(key);
      kept.set(key, list.slice(-KEPT));
      if (kept.size > PEOPLE) kept.delete(kept.keys().next().value!);
    },
    /** `last`: only the latest ("what was my last question?"). */
    reply(key: string, now: number, last: boolean): ChatReply {
      const list = (kept.get(key) ?? []).filter((a) => now - a.ts <= KEPT_MS).reverse();
      return { text: describeAsked(last ? list.slice(0, 1) : list, now, last), intent: 'asked', private: true };
    },
  };
}

/** The questions, newest first, with when and whether they were understood. Pure. */
export function describeAsked(list: readonly Asked[], now: number, last: boolean): string {
  const kept = `I keep your last ${KEPT} messages in each channel for ${formatDuration(KEPT_MS)}, in memory, so a restart forgets them`;
  if (list.length === 0) return `You have not asked me anything here that I still hold (${kept}).`;
  const line = (a: Asked) =>
    `${quoteUntrusted(a.text.replace(/\s+/g, ' '), SHOWN)}, ${stamp(a.ts)} (${formatDuration(now - a.ts)} ago)${a.understood ? '' : ': not understood'}`;
  const again = '"Again" within 15 min asks the last read again on the data now.';
  if (last) return `Your last question here: ${line(list[0]!)}.\n${again}`;
  return [
    `Your last ${list.length === 1 ? 'question here' : `${list.length} questions here, newest first`} (${kept}):`,
    ...list.map((a) => `• ${line(a)}`),
    again,
  ].join('\n');
}
