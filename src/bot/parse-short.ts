import { helpTopic } from './help-text.js';
import { matchTarget, type TargetRef } from './match-target.js';
import { tokensOf } from './vocab.js';
import { UNUSUAL_NOW } from './answer-unusual-now.js';
import { ONE_LINE } from './answer-one-line.js';
import { CANCEL_UNCLEAR } from './answer-cancel-which.js';
import { CONFIRM, DECLINE } from './answer-confirm.js';
import type { Intent } from './intent.js';
import { CLOCK_ASK, PING, SMALL_TALK } from './intent-words.js';
import { timezoneCommand } from './parse-timezone.js';
import { ACK_HOW, messageWordQuestion } from './parse-glossary.js';

// "Are you a bot?", "who built you?": what answers, which the about answer says.
const ABOUT_ME =
  /^(?:so\s+)?(?:are you (?:an? )?(?:bot|human|person|real person)|who (?:made|built|wrote|created|runs|maintains) you|what are you|what(?:'s| is) new(?: in (?:this|the latest|your) (?:version|release))?|when were you (?:last )?(?:updated|upgraded|deployed|released|built))[\s?!.]*$/;
// "Are you an AI?", "what model are you using?", "which llm?": the LLM line alone (answer-integrations.ts).
const MODEL_ME =
  /^(?:so\s+)?(?:are you (?:an? )?(?:ai|llm|chatgpt|gpt)|what (?:llm|model|ai|language model)(?: model)? (?:are you|do you|is this|does this|powers)\b.*|which (?:llm|model|ai)\b.*)[\s?!.]*$/;
// "Ok", "got it", "cool": nothing to answer, and no help text in reply.
const OK =
  /^(?:ok|okay|k|kk|ok cool|cool|got it|gotcha|understood|roger(?: that)?|noted|makes sense|sounds good|alright|all right|fine|ack(?:nowledged)?\s+that|will do|on it|np|no problem|no worries|lol|haha|hah|heh|nice|great|perfect|:\)|🙂)[\s!.]*$/;

// "You're wrong", "that's not what I asked": the last answer missed.
const WRONG =
  /^(?:no,?\s+|nope,?\s+)?(?:you(?:'re| are) wrong|you misunderstood|that(?:'s| is| was) (?:wrong|not right|incorrect|not what i (?:asked|meant|wanted))|wrong answer|bad answer|not what i (?:asked|meant|wanted))\b/;
const HELP_ASK =
  /\bhow (?:do|can|should) i (?:get started|start|begin)(?:\s+(?:with|using) (?:you|this|the bot))?\s*[?.!]*$|\bi(?:'m| am) new (?:here|to this|to you)\b|\bgetting started\b|\bwhat (?:should|can|could) i ask\b|^(?:give me |show me )?(?:some )?examples\b|\bwhere (?:is|are|can i find) (?:the )?(?:docs|documentation|manual)\b|^(?:start over|start again|reset)[\s.!]*$|^(?:show |print )?usage[\s?.!]*$|\bwhat can i (?:do|ask|say) (?:here|with you|with this|in here)\b|\bwhat (?:can|do|else can) you (?:do|answer)\b|\bhow do i use (?:you|this|it)\b|^(?:the )?(?:docs|documentation|manual)\??$|\blink to (?:the )?docs\b|^how (?:do|can) (?:i|we) (?:silence|snooze|mute|approve|deny|ack|acknowledge|declare|watch|subscribe|follow|ask)\b(?:\s+(?:an?|the|something|someone|things?|alerts?|incidents?|proposals?|requests?|remediations?|fix(?:es)?))*\s*\??$|^how (?:do|can) (?:i|we) (?:unsubscribe|unfollow|unwatch|stop watching|unsnooze|unmute|unsilence|unack)\b(?:\s+(?:from\s+)?[\w.-]+){0,3}\s*\??$/;

const SILENCE_HOW =
  /^(?:how (?:do|can|should|would|could) (?:i|we|one|you)|(?:can|could) (?:we|i)(?=.*\?\s*$)) (?:(?:silence|mute|snooze|quiet(?:en)?|suppress|shut up)\b|(?:stop|turn off|switch off|disable|pause)\b(?=.*\b(?:alert|alarm|pag|notif|ping|remind|watch|subscri|it\b|this\b|that\b)))(?!.*\b(?:dms?|direct messages?)\b)(.*)/;

// "What time is it in Tokyo?", "time in Europe/Berlin": now on that clock ("in utc" is CLOCK_ASK's).
const CLOCK_IN =
  /^(?:what(?:'s| is) the (?:current |local )?time (?:now )?in|what time is it (?:now )?in)\s+(?!utc\b)([a-z][\w/ '-]{1,40}?)\s*\??$|^(?:current |local )?time in\s+(?!utc\b|(?:the |an? )?(?:alerts?|alarms?|states?|queues?|red|breach|maintenance|silences?|critical|warnings?|incidents?)\b)([a-z][a-z/ '_-]{1,40}?)\s*\??$/;

// "What did I ask you earlier?", "what was my last question?", "my recent questions": the asker's own messages.
const ASKED =
  /^(?:(?:so|and|hey|ok|okay|sorry)\s+)?(?:(?:what|which)(?: questions?)? (?:did|have) i (?:just |last |already )?(?:ask|asked|say|said|type|typed)(?: (?:to )?you)?(?: (?:earlier|before|today|previously|so far|last|just now|a (?:moment|minute|while) ago))?|what (?:was|were) (?:my|the) (?:last|previous|earlier|recent|latest)(?: few| \d+)? (?:questions?|messages?|quer(?:y|ies)|asks?)(?: i (?:asked|sent)(?: you)?)?|(?:(?:show|list|give)(?: me)? )?my (?:recent |last |previous |earlier )?(?:questions?|quer(?:y|ies))(?: history)?|(?:show |list )?(?:my )?question history)[\s?.!]*$/;
const LAST_ASKED = /\b(?:last|previous|latest) (?:question|message|query|ask)\b|\bjust (?:ask|say|type)/;

/**
 * What is read before any subject: thanks and greetings (a short reply, not the LLM or the whole help
 * text), "are you there?", the time, "cancel that", a display time zone, and asking for help. Pure.
 */
export function shortIntent(text: string): Intent | undefined {
  const chat = SMALL_TALK.exec(text.replace(/^(?:@?\w*bot|ops)\b[\s,]*/, ''));
  if (chat) return { kind: 'small_talk', thanks: /^(thanks|thank|thx|ty|cheers|good catch|nice|great|perfect|awesome)/.test(chat[1]!) };
  if (PING.test(text) || ABOUT_ME.test(text)) return { kind: 'about' };
  if (MODEL_ME.test(text)) return { kind: 'integrations', systems: ['llm'] };
  // "Yes", "go ahead", "no": a bare answer that must not act (answer-confirm.ts).
  if (CONFIRM.test(text) || DECLINE.test(text)) return { kind: 'small_talk', thanks: false, confirm: CONFIRM.test(text) };
  if (OK.test(text)) return { kind: 'small_talk', thanks: false, ok: true };
  if (WRONG.test(text)) return { kind: 'small_talk', thanks: false, wrong: true };
  if (
    /^(?:so\s+)?(?:who am i|whoami|what(?:'s| is| are) my (?:user ?(?:name|id)|id|identity|handle|roles?|permissions|rights)|who do you think i am|am i logged in)\b/.test(
      text,
    )
  )
    return { kind: 'whoami' };
  if (ASKED.test(text)) return { kind: 'asked', ...(LAST_ASKED.test(text) ? { last: true } : {}) };
  // "What did I ask for?": the remediations the asker requested, not their questions.
  if (/^(?:so\s+)?what (?:did|have) i ask(?:ed)? for[\s?.!]*$/.test(text)) return { kind: 'my_requests' };
  if (CLOCK_ASK.test(text)) return { kind: 'small_talk', thanks: false, clock: true };
  const place = CLOCK_IN.exec(text);
  if (place) return { kind: 'small_talk', thanks: false, clock: true, clockIn: (place[1] ?? place[2])!.trim() };
  if (CANCEL_UNCLEAR.test(text)) return { kind: 'cancel_which' };
  // "Ack or snooze?" names two commands: asked about, never run.
  if (ACK_HOW.test(text)) return { kind: 'glossary', term: 'ack' };
  const words = messageWordQuestion(text);
  if (words) return words;
  // "Only alert me for critical": the channel's alerts are everyone's; what pings one person is theirs to choose.
  if (/^(?:please\s+)?only (?:alert|ping|notify|page|message|tell) (?:me|us)\b/.test(text))
    return {
      kind: 'bad_input',
      reason:
        'alerts go to their channels for everyone, so they are not narrowed for one person. What pings you by name is yours to choose: "subscribe to critical alerts", "subscribe to db-1", "my subscriptions", "unsubscribe from …"',
    };
  // "Send me a summary every morning": the digest, which comes on its own schedule.
  if (/\b(?:send|give|post)\s+(?:me|us)\s+(?:a |the )?(?:summary|digest|report)\s+(?:every|each|daily)\b/.test(text))
    return { kind: 'about', digest: true };
  // "How do I stop this alert?", "how do I silence web-1?": the words for a silence, not the alerts or the silences set.
  // "Can we turn off the alert for web-1?" asks whether and how; it never acts (as "is web-1 muted?" does not).
  const how = SILENCE_HOW.exec(text);
  if (how)
    return { kind: 'help', topic: /\b(?:watch|remind)/.test(how[1]!) ? 'watch' : /\bsubscri/.test(how[1]!) ? 'subscribe' : 'silence' };
  if (UNUSUAL_NOW.test(text) && !/\b(?:today|yesterday|this week|last|since|ago|overnight)\b/.test(text)) return { kind: 'unusual_now' };
  if (ONE_LINE.test(text) && !/\b(?:an|rp|in)_[a-z0-9]{3,}/.test(text)) return { kind: 'one_line' };
  return timezoneCommand(text) ?? (HELP_ASK.test(text) ? { kind: 'help', ...helpTopic(text) } : undefined);
}

/** "Web-2 status in one line": the one target named, for a line of its own. Pure. */
export function oneLineTarget(text: string, targets: TargetRef[]): { target?: string } {
  const named = [...new Set(tokensOf(text).flatMap((t) => matchTarget(t, targets) ?? []))];
  return named.length === 1 ? { target: named[0]! } : {};
}
