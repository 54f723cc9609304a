export interface Turn {
  question: string;
  answer: string;
  ts: number;
}

/**
 * Bounded memory per thread or channel: the last `turns` exchanges, each truncated, for at most
 * `conversations` threads (least recently used dropped), forgotten after `ttlMs`.
 */
export function createConversationMemory(o: { turns: number; conversations: number; ttlMs: number; maxChars: number }) {
  const threads = new Map<string, Turn[]>();
  return {
    recall(key: string, now: number): Turn[] {
      const t = threads.get(key);
      if (!t) return [];
      const live = t.filter((x) => now - x.ts <= o.ttlMs);
      threads.delete(key);
      if (live.length) threads.set(key, live);
      return live;
    },
    remember(key: string, turn: Turn): void {
      if (o.turns <= 0) return;
      const t = threads.get(key) ?? [];
      threads.delete(key);
      t.push({ question: turn.question.slice(0, o.maxChars), answer: turn.answer.slice(0, o.maxChars), ts: turn.ts });
      threads.set(key, t.slice(-o.turns));
      while (threads.size > o.conversations) threads.delete(threads.keys().next().value!);
    },
    size: () => threads.size,
  };
}

export type ConversationMemory = ReturnType<typeof createConversationMemory>;
