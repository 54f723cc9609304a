/** "Is it safe to deploy now?", "can I do maintenance on db-1?" (answer-deploy-check.ts). */
export interface DeployCheckIntent {
  kind: 'deploy_check';
  target?: string;
  group?: string[];
}

const WORK = String.raw`(?:deploy\w*|release|releasing|ship|shipping|roll(?:ing)? ?out|push(?:ing)? (?:to prod|a change|out)|(?:do|start|run) (?:the |some |a )?(?:maintenance|change|upgrade|migration)|upgrade|upgrading|migrat\w+|patch(?:ing)?|make (?:a )?changes?)`;
// "Is it safe to deploy now?", "can we deploy?", "good time to release?", "ok to ship?", "go/no-go", "is now a good time to
// upgrade db-1?", "can I do maintenance on db-1?", "deploy freeze?".
const DEPLOY_CHECK = new RegExp(
  [
    String.raw`\b(?:is it|is now|now|would it be|is this)\b.*\b(?:safe|ok|okay|a good time|good time|fine|wise|alright|a bad time|bad time|(?:quiet|calm|stable|safe) enough)\b.*\bto ${WORK}\b`,
    // "Is now a good time to reboot web-2?": the timing of a reboot by hand ("is it safe to restart db-1?" is what the restart would do).
    String.raw`\b(?:is it|is now|now|would it be|is this)\b.*\b(?:a good time|good time|a bad time|bad time|(?:quiet|calm|stable) enough)\b.*\bto (?:reboot|restart|bounce)\b`,
    String.raw`\b(?:can|could|should|may|shall) (?:we|i|you) (?:safely |still )?${WORK}\b(?:(?!\b(?:how|which|when|what|why)\b).)*\??$`,
    String.raw`\b(?:safe|ok|okay|good time|clear|all clear) (?:for (?:a |the )?|to )${WORK}\b`,
    // "Should we hold the deploy?", "should I wait before releasing?"
    String.raw`\b(?:should|shall|do) (?:we|i) (?:hold|delay|postpone|pause|wait (?:with|on|before))(?: off)? (?:on )?(?:the |our |a |this )?${WORK}\b`,
    String.raw`\bgo[/ -]?(?:or[/ -]?)?no[ -]?go\b|\b(?:deploy|change|release) (?:freeze|window|check|readiness)\b|\bready (?:for|to) (?:a |the )?${WORK}\b`,
  ].join('|'),
);

/** Pure; undefined when not asked. */
export function deployCheckQuestion(
  text: string,
  o: { target?: string | undefined; group?: string[] | undefined },
): DeployCheckIntent | undefined {
  // "Where can we deploy another app?" asks which host has room (parse-capacity.ts), not whether now is a good time.
  if (!DEPLOY_CHECK.test(text) || /^\s*where\b/.test(text)) return undefined;
  return { kind: 'deploy_check', ...(o.target ? { target: o.target } : o.group?.length ? { group: o.group } : {}) };
}
