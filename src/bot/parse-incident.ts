import { findCalendarSpan } from './parse-calendar.js';
import type { ClockSpan } from './parse-clock.js';
import type { Intent, MetricKey } from './intent.js';
import { parseStat } from './parse-time-span.js';
import { cleanInput, quoteUntrusted } from './text-tools.js';

const LEAD = String.raw`^(?:please\s+|pls\s+|can you\s+|could you\s+|let'?s\s+)?`;
const DECLARE = new RegExp(
  String.raw`${LEAD}(?:declare|open|start|raise|create|begin|kick off|spin up)\s+(?:an?\s+|new\s+|the\s+)?(?:(?:sev|p)[\s-]?\d\s+|major\s+|new\s+)?incident\b(?!\s+(?:review|retro\w*|post[\s-]?mortem|report|timeline|status|update|commander)\b)`,
);
// "We have an incident: payments failing", "sev1: api down": declared, in the words after the colon.
const SAID = /^(?:we(?:'ve| have)? (?:got |have )?an? (?:new |major |big )?incident|(?:new |major )?incident|sev[\s-]?\d|p[1-5])\s*:/;
const UPDATE =
  /^(?:incident\s+update|update\s+(?:the\s+)?incident|update\s+in_[a-z0-9]+|update|status update|(?:please\s+)?(?:post|add|give|send|share)\s+(?:an?\s+)?(?:incident\s+|status\s+)?update(?:\s+(?:to|on)\s+(?:the\s+)?(?:incident|in_[a-z0-9]+))?|(?:please\s+)?(?:add|post|put|write|leave)\s+(?:a\s+)?note\s+(?:to|on|in|for)\s+(?:the\s+)?(?:incident|in_[a-z0-9]+)|incident\s+note|note\s+(?:on|to|for)\s+(?:the\s+)?(?:incident|in_[a-z0-9]+))\s*:/;
// "Reopen the incident", "reopen in_…": a resolved incident is open again (it came back).
const REOPEN = /^(?:please\s+)?(?:re-?open|reactivate|un-?resolve)\s+(?:the\s+|that\s+|last\s+)?(?:incident|in_[a-z0-9]+)\b/;
const COMMAND =
  /\b(?:i'?ll take|i will take|i am taking|i'm taking|taking|take)\s+(?:over\s+)?(?:command|the incident|incident command|ic)\b|\bi'?m (?:the )?(?:incident )?commander\b|^make (\S+) (?:the )?(?:incident )?commander\b|\bhand (?:over )?(?:the incident|command|in_[a-z0-9]+) (?:over )?to (\S+)|\b(?:assign|give|pass|transfer|reassign) (?:the incident|incident command|command(?: of (?:the incident|in_[a-z0-9]+))?|in_[a-z0-9]+) to (\S+)/;
const RESOLVE =
  /^(?:please\s+)?(?:resolve|close|end|mitigate[ds]?)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:incident|in_[a-z0-9]+)\b|^(?:the\s+)?incident (?:is\s+)?(?:resolved|over|closed|mitigated)\b|^(?:please\s+)?mark (?:the\s+)?(?:incident|in_[a-z0-9]+) (?:as\s+)?(?:resolved|closed|over|mitigated)\b/;
// "Add web-1 and api-1 to the incident", "the incident also affects api-1", "remove db-1 from in_…".
const SCOPE_ADD =
  /^(?:please\s+)?(?:add|include|attach)\b.*\b(?:to|in)\s+(?:the\s+)?(?:incident|in_[a-z0-9]+)\b|\b(?:incident|in_[a-z0-9]+)\s+(?:also\s+)?(?:affects|covers|includes|involves|hits)\b/;
const SCOPE_REMOVE = /^(?:please\s+)?(?:remove|drop|detach|take)\b.*\b(?:from|off|out of)\s+(?:the\s+)?(?:incident|in_[a-z0-9]+)\b/;
/** "Incidents declared this month" (since the 1st), "… today", "… in the last 3 days": how far back a list reads. */
function listDays(text: string): { days?: number; span?: ClockSpan } {
  const calendar = findCalendarSpan(text);
  if (calendar) return { span: calendar.span };
  const n = /\b(?:last|past)\s+(\d{1,3})\s+days?\b/.exec(text)?.[1];
  if (n) return { days: Math.min(365, Math.max(1, Number(n))) };
  if (/\b(?:this|last|past) month\b|\b30 days\b/.test(text)) return { days: 30 };
  if (/\b(?:this|last|past) (?:quarter|90 days)\b/.test(text)) return { days: 90 };
  if (/\btoday\b|\b24 ?h(?:ours)?\b/.test(text)) return { days: 1 };
  return {};
}

const SHOW =
  /\bwho (?:was|were) (?:the )?(?:incident )?commander\b|\b(?:incident status|status of (?:the )?(?:[\w-]+ ){0,3}?incident|who(?:'s| is) (?:the )?(?:incident )?commander|how long (?:did|has|was|is) (?:the |that |this )?(?:last |latest )?(?:[\w-]+ ){0,3}?incident (?:last|take|run|been (?:open|going|going on|running|on)|open|going)|who(?:'s| is| are| was| were) (?:running|leading|commanding|working on|handling|on|dealing with|looking at|helping (?:with|on)|involved (?:in|with)|in|part of|responding to) the (?:[\w-]+ )?incident|(?:which|what) (?:alerts?|anomal(?:y|ies)) (?:are |were |is |was )?(?:part of|in|related to|linked to|tied to|behind|of|during) (?:the|this|that) incident|current incident|(?:impact|summary|scope|blast radius|state) of (?:the |that |this )incident)\b|^(?:(?:is|are) (?:there|we in)|do we have|have we got|any) (?:an? |any )?(?:open |active |ongoing |current |live )?incidents?(?: (?:going on|open|now|right now|ongoing|in progress|running))?[\s?.!]*$|\bwho (?:declared|opened|raised|started|called) (?:the |that |this )?(?:last |latest )?incident\b|^(?:is|was|has) (?:the |that |this |our )?incident (?:over|resolved|done|finished|closed|ended|still (?:open|going|on|ongoing))\b/;

// "Cpu during the incident", "what was memory like during the api latency incident?", "disk during in_…": a read over its window.
const DURING = /\bduring (?:the |that |this |our )?(?:last |latest |current )?(?:[\w-]+ ){0,3}?incident\b|\bduring (in_[a-z0-9]+)\b/;

/** The words after the first colon, or after "incident (for|on|about)" when there is none, as typed. */
function said(raw: string, lead: RegExp): string | undefined {
  const text = cleanInput(raw).replace(/\s+/g, ' ').trim();
  const colon = text.indexOf(':');
  const rest = colon >= 0 ? text.slice(colon + 1) : text.replace(lead, '').replace(/^\s*(?:for|on|about|re|regarding)\b/i, '');
  const t = rest.trim().slice(0, 200);
  return t || undefined;
}

/**
 * "Declare an incident: checkout is down", "incident update: rolled back v2.4", "I'll take command",
 * "make alice the commander", "resolve the incident", "incident status", "timeline in_…". Pure.
 */
export function incidentCommand(
  text: string,
  raw: string,
  o: {
    named: string[];
    id?: string | undefined;
    anomaly?: string | undefined;
    unknownTarget?: string | undefined;
    metric?: MetricKey | undefined;
  },
): Intent | undefined {
  const id = o.id ? { id: o.id } : {};
  // "What happened during the incident?": its status, which lists what happened on its targets then.
  if (!o.metric && DURING.test(text))
    return { kind: 'incident', action: 'show', ...id, ...(o.named.length && !o.id ? { targets: o.named } : {}) };
  if (o.metric && DURING.test(text)) {
    const stat = parseStat(text);
    const where = o.named.length > 1 ? { group: o.named } : o.named.length ? { target: o.named[0]! } : {};
    return { kind: 'metrics', metric: o.metric, ...where, incident: o.id ?? 'latest', ...(stat ? { stat } : {}) };
  }
  if (DECLARE.test(text) || SAID.test(text)) {
    const title = said(raw, new RegExp(DECLARE.source, 'i'));
    return { kind: 'incident', action: 'declare', ...(title ? { text: title } : {}), ...(o.named.length ? { targets: o.named } : {}) };
  }
  if (UPDATE.test(text)) {
    const t = said(raw, UPDATE);
    return { kind: 'incident', action: 'update', ...id, ...(t ? { text: t } : {}) };
  }
  const command = COMMAND.exec(text);
  if (command) {
    const who = command[1] ?? command[2] ?? command[3];
    return { kind: 'incident', action: 'command', ...id, ...(who && who !== 'me' ? { commander: who } : {}) };
  }
  if (REOPEN.test(text)) return { kind: 'incident', action: 'reopen', ...id };
  if (RESOLVE.test(text)) {
    const t = raw.includes(':') ? said(raw, RESOLVE) : undefined;
    // "Resolve the api latency incident": the one open on those targets.
    return {
      kind: 'incident',
      action: 'resolve',
      ...id,
      ...(t ? { text: t } : {}),
      ...(o.named.length && !o.id ? { targets: o.named } : {}),
    };
  }
  // An id the scan did not place ("from in_…") is no target.
  if (o.unknownTarget && !/^(?:an|rp|sl|wt|su|in)_/.test(o.unknownTarget) && (SCOPE_ADD.test(text) || SCOPE_REMOVE.test(text)))
    return {
      kind: 'bad_input',
      reason: `no target is called ${quoteUntrusted(o.unknownTarget)}, so the incident is unchanged ("what do you monitor?" lists them)`,
    };
  // "Add bob to the incident": a person, not a target. An incident has one commander; who helps is said in an update.
  const person =
    /^(?:please\s+)?(?:add|include|invite|bring in|loop in|pull in)\s+(?!(?:an|in)_)([a-z][\w.-]*)\s+(?:to|in|into|on)\s+(?:the\s+)?(?:incident|in_[a-z0-9]+)\b/.exec(
      text,
    );
  if (person && !o.named.length && !/\d/.test(person[1]!))
    return {
      kind: 'bad_input',
      reason: `an incident keeps one commander, not a list of members, so nothing changed. To say who helps, write an update ("incident update: ${person[1]} is on the database side"): it goes in its timeline and is posted where the incident is. "Make ${person[1]} the commander" hands command over; "page ${person[1]} about …" pings a member of an on-call rotation`,
    };
  if (o.named.length && (SCOPE_ADD.test(text) || SCOPE_REMOVE.test(text)))
    return { kind: 'incident', action: 'scope', ...id, ...(SCOPE_REMOVE.test(text) ? { remove: o.named } : { targets: o.named }) };
  // "Set the incident severity to sev2": an incident has no level of its own; an update says it.
  if (/\b(?:set|change|raise|lower|bump|escalate|downgrade|upgrade|make)\b.*\bincident\b.*\b(?:sev(?:erity)?|priority|p[1-5])\b/.test(text))
    return {
      kind: 'bad_input',
      reason:
        'an incident here has no severity of its own, so nothing changed. Say it in an update ("incident update: now sev2, checkout errors at 5%"): it goes in its timeline and is posted where the incident is',
    };
  // "Declared incidents" lists them; "incident status" is the one open (or the one named).
  if (/\bdeclared incidents\b|\bincidents? (?:were |was |have been |has been |got )?declared\b/.test(text))
    return { kind: 'incident', action: 'list', ...listDays(text) };
  // "Is there an incident for db-1?", "any incidents on web-1?": the open ones that cover it.
  if (o.named.length && /^(?:is there|are there|do we have|any)\b.*\bincidents?\b/.test(text) && !/\b(?:alerts?|anomal\w*)\b/.test(text))
    return { kind: 'incident', action: 'show', targets: o.named };
  // "Timeline in_…", "postmortem for the incident": what happened in order, a review's first draft.
  const story = /\b(?:timeline|post[\s-]?mortem|write[\s-]?up|retro(?:spective)?|incident report|rca)\b/.test(text);
  // A postmortem is of an incident unless an alert is named ("postmortem for an_…" is that alert's timeline).
  const review = /\b(?:post[\s-]?mortem|retro(?:spective)?|incident review|pir)\b/.test(text) && !o.anomaly && !o.named.length;
  // "Timeline of the web-1 disk incident" names a host, so an alert: that alert's timeline. "Timeline of the api latency
  // incident" names a role or none: the declared incident on those targets.
  // A postmortem asked for is a review's draft: the timeline with its summary, impact and response.
  const draft =
    /\b(?:post[\s-]?mortem|retro(?:spective)?|incident review|pir|write[\s-]?up|incident report|rca|root cause analysis)\b/.test(text);
  const host = o.named.some((n) => text.includes(n));
  if ((story && (o.id || (/\bincident\b/.test(text) && !host && !o.anomaly))) || review)
    return {
      kind: 'incident',
      action: draft ? 'review' : 'timeline',
      ...id,
      ...(o.named.length && !o.id && !host ? { targets: o.named } : {}),
    };
  // "Draft an RCA for the web-1 incident": the review of the incident declared there, if one was.
  if (draft && /\bincident\b/.test(text) && o.named.length && !o.anomaly) return { kind: 'incident', action: 'review', targets: o.named };
  if (SHOW.test(text) || o.id) return { kind: 'incident', action: 'show', ...id, ...(o.named.length && !o.id ? { targets: o.named } : {}) };
  return undefined;
}
