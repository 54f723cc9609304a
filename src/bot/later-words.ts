/**
 * Words that put something later than now, with no time read from them: "later", "soon", "tomorrow",
 * "next week", "next friday". A command said with one is never done now (an action request, a
 * silence's start, an approval); each reader adds the words that are later only for it. "As soon as possible" is now.
 */
export const LATER_SAID = String.raw`later(?: on| today)?|(?<!\bas )soon(?! as (?:possible|you can|we can))|tomorrow|next (?:week|shift|monday|tuesday|wednesday|thursday|friday|saturday|sunday)`;
