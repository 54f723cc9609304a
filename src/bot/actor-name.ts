/**
 * Whether a recorded actor ("web:bob", "slack:U2BOB") is the person named ("bob"): people are
 * recorded as platform:id, so a name matches the whole actor or the id after the platform, or one of the
 * actors `known` by that name (an on-call member's Slack, Discord and console ids: OnCall.actorsNamed). Pure.
 */
export const actorIs = (actor: string | undefined, name: string, known: readonly string[] = []): boolean =>
  actor !== undefined &&
  (actor.toLowerCase() === name.toLowerCase() || actor.toLowerCase().endsWith(`:${name.toLowerCase()}`) || known.includes(actor));
