/**
 * Whether a recorded actor ("web:bob", "slack:U2BOB") is the person named ("bob"): people are
 * recorded as platform:id, so a name matches the whole actor or the id after the platform. Pure.
 */
export const actorIs = (actor: string | undefined, name: string): boolean =>
  actor !== undefined && (actor.toLowerCase() === name.toLowerCase() || actor.toLowerCase().endsWith(`:${name.toLowerCase()}`));
