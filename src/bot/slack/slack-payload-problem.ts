const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What makes a signed body one that Bolt cannot route, or undefined when it has Slack's documented
 * shape. Bolt classifies a body by its fields (event, command, name, actions, type, in that order)
 * and then reads `event.…`, `team.id`, `user.…`, `channel.id`, `actions[0].action_id` and `view.…`
 * unchecked; Slack never sends a body without them, and refusing one with 400 keeps Bolt's
 * TypeErrors out of the logs.
 */
export function slackPayloadProblem(body: Record<string, unknown>): string | undefined {
  if (body.event !== undefined) return isObject(body.event) ? undefined : 'event is not an object';
  if (body.command !== undefined) return undefined;
  const type = typeof body.type === 'string' ? body.type : '';
  const actions = body.actions !== undefined || type === 'dialog_submission';
  const interactive =
    actions || body.name !== undefined || ['block_suggestion', 'shortcut', 'message_action'].includes(type) || type.startsWith('view_');
  if (!interactive) return undefined;
  const what = type || 'interaction';
  if (!isObject(body.user)) return `${what} without a user object`;
  if (body.team !== null && !isObject(body.team)) return `${what} without a team object (or null)`;
  if (body.channel !== undefined && !isObject(body.channel)) return `${what} whose channel is not an object`;
  if (body.actions !== undefined && !(Array.isArray(body.actions) && body.actions.every(isObject)))
    return `${what} whose actions are not a list of objects`;
  // Bolt matches listeners on action_id; an action without one reaches no listener and is never acked.
  if (
    type === 'block_actions' &&
    !(Array.isArray(body.actions) && body.actions.every((a: Record<string, unknown>) => typeof a.action_id === 'string'))
  )
    return `${what} with an action that has no action_id`;
  if (type.startsWith('view_') && !isObject(body.view)) return `${what} without a view object`;
  return undefined;
}
