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

/**
 * A reply as up to `parts` messages of at most `max` characters each, cut at lines: a ``` fence open
 * at a cut is closed there and opened again at the start of the next part, so a table split over two
 * messages still reads as one. What does not fit in `parts` messages ends the last with fitText's
 * note. Pure.
 */
export function splitText(text: string, max: number, parts: number): string[] {
  if (text.length <= max || parts <= 1) return [fitText(text, max)];
  const out: string[] = [];
  let lines = text.split('\n');
  let reopen = false;
  while (lines.length && out.length < parts - 1) {
    let n = 0;
    let size = reopen ? 4 : 0;
    let fenced: boolean = reopen;
    // Room for a closing fence: 4 characters ("\n```").
    while (n < lines.length && size + lines[n]!.length + 1 + 4 <= max) {
      size += lines[n]!.length + 1;
      if (lines[n]!.trimStart().startsWith('```')) fenced = !fenced;
      n++;
    }
    if (n === 0) break;
    if (n === lines.length) {
      out.push(`${reopen ? '```\n' : ''}${lines.join('\n')}`);
      return out;
    }
    out.push(`${reopen ? '```\n' : ''}${lines.slice(0, n).join('\n')}${fenced ? '\n```' : ''}`);
    reopen = fenced;
    lines = lines.slice(n);
  }
  if (lines.length) out.push(fitText(`${reopen ? '```\n' : ''}${lines.join('\n')}`, max));
  return out;
}
