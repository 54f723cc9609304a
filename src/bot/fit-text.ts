/**
 * A reply cut to a platform's limit (Discord's 2,000 characters) at a line, with an open ``` fence
 * closed and a last line that says how much was left out: a table cut mid-row, or a fence left
 * open so that the rest of the message renders as code, reads as data that is not there. Pure.
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  const note = (left: number) =>
    `… ${left} more line${left === 1 ? '' : 's'} did not fit in one message; ask for fewer (e.g. "the last 5").`;
  let kept = lines.length;
  const build = (n: number) => {
    const body = lines.slice(0, n).join('\n');
    const fences = (body.match(/```/g) ?? []).length;
    return `${body}${fences % 2 ? '\n```' : ''}\n${note(lines.length - n)}`;
  };
  while (kept > 0 && build(kept).length > max) kept--;
  // A single line longer than the limit: cut inside it rather than send nothing.
  return kept > 0 ? build(kept) : `${text.slice(0, Math.max(0, max - 1))}…`;
}
