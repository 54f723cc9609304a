import type { Intent } from './intent.js';
import type { GlossaryTerm } from './answer-glossary.js';

const ASK = String.raw`\b(?:what(?:'s| is| are| does| do)|what (?:inputs?|features?|data|metrics) (?:does|do)|explain|define|meaning of|how does|how do|how (?:is|are)|tell me about)\b`;
const TERMS: readonly (readonly [RegExp, GlossaryTerm])[] = [
  [/\brobust deviations?\b|\bmad\b|\bmedian absolute deviation\b/, 'deviation'],
  [/\bisolation forests?\b|\biforest\b/, 'iforest'],
  [/\brobust (?:detector|statistics?)\b|\brobust\b(?= (?:mean|means|do)\b)|\bwhat is robust\b/, 'robust'],
  [
    /\blevel[\s-]shifts?\b|\b(?:what(?:'s| is) an?|define|meaning of) (?:spike|drift|variance change|change in variability)\b|\b(?:spike|drift|variance change) means?\b|\b(?:outside (?:its|the) recent range|unusual for the time of day)\b/,
    'shapes',
  ],
  [/\bscores?\b/, 'score'],
  [/\bexpected(?: range)?\b/, 'expected'],
  [/\bepisodes?\b/, 'episode'],
  [/\bp\d{1,2}\b|\bpercentiles?\b|\bmedian\b|\bnearest rank\b/, 'percentile'],
  [
    /\bforecast (?:rules?|detector|alerts?|anomal\w*)\b|\bforecasts? (?:computed|calculated|made|worked out|done|fitted|works?|do|does)\b/,
    'forecast',
  ],
  [/\bthreshold (?:rules?|detector|alerts?|anomal\w*)\b/, 'threshold'],
  [/\bsilent[\s-]hosts?\b|\bsilence detector\b/, 'silence'],
  [/\bseverit(?:y|ies)\b|\b(?:warning|critical)\b/, 'severity'],
];
// "How is severity decided?", "why is it critical?", "what makes an alert critical?": how severity is set.
const SEVERITY_HOW =
  /\bwho (?:decides|sets|chooses|picks|assigns|determines) (?:the )?severit(?:y|ies)\b|\bhow (?:is|are|do you|does it) (?:the )?severit(?:y|ies) (?:decided|set|chosen|picked|assigned|determined|worked out)\b|\bhow (?:do|does) (?:you|it|the bot) (?:decide|set|choose|pick|assign|determine|work out) (?:the )?severit(?:y|ies)\b|^why (?:critical|warning)\b|\bwhat makes (?:an? |the |it )?(?:\w+ )?(?:alert |anomaly )?(?:critical|a warning)\b|\bwhy (?:is|was) (?:it|this|that|the alert) (?:a )?(?:critical|warning)\b|\bdifference between (?:an? )?(?:warning|critical)s? and (?:an? )?(?:warning|critical)s?\b|\bcritical (?:vs|versus|or) warning\b(?!.*\b(?:today|yesterday|this|last|past|weeks?|months?|hours?|days?|ago|since)\b)/;
const ALERT_WORDS =
  /\bdifference between (?:an? |the )?(?:alerts?|anomal(?:y|ies)|incidents?) and (?:an? |the )?(?:alerts?|anomal(?:y|ies)|incidents?)\b|\b(?:alerts?|anomal(?:y|ies)) (?:vs\.?|versus) (?:alerts?|anomal(?:y|ies)|incidents?)\b|^(?:so\s+)?(?:what(?:'s| is) an? (?:alert|anomaly|incident)|is an? (?:anomaly|alert) (?:an? |the same as an? )(?:alert|anomaly))[\s?.!]*$/;
const DETECTION =
  /\bhow many (?:detectors|detection methods|algorithms|models) (?:do|does) (?:you|it|the bot) (?:use|run|have)\b|\b(?:what|which) (?:detectors?|detection methods?|algorithms?|models?) (?:do|does|are) (?:you|it|the bot) (?:use|run|have)\b|\bhow (?:does|do) (?:the )?(?:anomaly )?detection work\b|\bhow do you (?:detect|find|spot) anomal\w*/;

// "What does ack do?", "what's the difference between ack and silence?", "snooze or ack?".
export const ACK_HOW =
  /\bwhat (?:does|do|is) (?:an? |the )?(?:ack|acknowledg\w*)(?: button)? (?:do|mean|for)\b|\bdifference between (?:an? )?(?:ack\w*|silenc\w*|snooz\w*|mut\w*) and (?:an? )?(?:ack\w*|silenc\w*|snooz\w*|mut\w*)\b|\b(?:ack|acknowledge) (?:vs\.?|versus|or) (?:silence|snooze|mute)\b|\b(?:silence|snooze|mute) (?:vs\.?|versus|or) (?:ack|acknowledge)\b/;

// What an alert message shows and how it behaves, asked of the message itself (before "silence" or "alert" read as a command or a list).
const MESSAGE_WORDS: readonly (readonly [RegExp, GlossaryTerm])[] = [
  [
    /\b(?:what|how)\b.*\bbuttons?\b|\b(?:acknowledge|ack|silence|snooze|approve|deny)\s+button\b|\bhow (?:do|can) (?:i|we) (?:approve|deny|ack\w*|silence|snooze)\b.*\b(?:from|in|on|via) (?:slack|discord|the console|the web console|chat)\b/,
    'buttons',
  ],
  [
    /\bwhy (?:is|was) (?:the |this |that |my )?(?:alert|message|it) (?:red|yellow|green|orange|blue)\b|\bwhat (?:does|do) (?:the )?(?:red|yellow|green|orange|blue|colou?rs?)(?: \w+)? mean\b|\bwhat do the (?:colou?rs|emojis?|circles) mean\b/,
    'colours',
  ],
  [
    /\bwhat (?:does|do) (?:resolved|resolve|ended|cleared) mean\b|\bwhen (?:is|does) (?:an? |the )?(?:alert|anomaly) (?:resolved|resolve|end|clear)\b|\bwhy (?:was|did|is|has) (?:the |this |that |my )?(?:alert|message) (?:updated|edited|changed|change|disappear\w*|vanish\w*|go(?:ne)? away)\b/,
    'resolved',
  ],
  [
    // (Why one named alert did not ping: its timeline says, not this.)
    /\bhow (?:do|can) (?:i|we) get (?:mentioned|pinged|notified|paged|alerted|tagged)\b|^(?!.*\b[a-z]+-\d).*\bwhy (?:wasn'?t|was not|didn'?t|did not|am not|aren'?t|weren'?t) (?:i|we) (?:get )?(?:mentioned|tagged)\b/,
    'mentions',
  ],
  [
    /\bwhy (?:are there|were there|did (?:i|we) get|do (?:i|we) (?:get|see)) (?:two|2|three|3|several|multiple|the same) (?:alerts?|messages?|anomalies)\b|\bthe same alert (?:twice|again|two times)\b|\b(?:can|do|does|could) (?:you|it) (?:group|merge|combine|dedupe|de-?duplicate|batch)\b.*\b(?:alerts?|anomalies)\b/,
    'episode',
  ],
];

/** "What do the buttons do?", "why is the alert red?", "what does resolved mean?": the message's own words. Pure. */
export const messageWordQuestion = (text: string): Intent | undefined => {
  const term = MESSAGE_WORDS.find(([re]) => re.test(text))?.[1];
  return term ? { kind: 'glossary', term } : undefined;
};

/** A question about what a word on an alert means, or how detection works (answer-glossary.ts). Pure. */
export function glossaryQuestion(said: string): Intent | undefined {
  // 'What does "robust" mean?': a word quoted from an alert is that word.
  const text = said.replace(/["“”]/g, '');
  if (ACK_HOW.test(text)) return { kind: 'glossary', term: 'ack' };
  if (DETECTION.test(text)) return { kind: 'glossary', term: 'detection' };
  if (SEVERITY_HOW.test(text)) return { kind: 'glossary', term: 'severity' };
  // "What's the difference between an alert and an anomaly?", "is an anomaly an alert?", "what is an incident?".
  if (ALERT_WORDS.test(text)) return { kind: 'glossary', term: 'alert' };
  // "Why is the score 0.52?", "why is its score so low?": how a score is made.
  if (/\bwhy (?:is|was) (?:the |its |that |this )?(?:anomaly )?score\b/.test(text)) return { kind: 'glossary', term: 'score' };
  if (/\bwhy (?:is|was) (?:the |its |that |this )?expected(?: range)?\b/.test(text)) return { kind: 'glossary', term: 'expected' };
  // "How long does the robust detector need to learn?": its warm-up, which its own entry says (the forest's is forest_status).
  if (
    /\bhow long\b.*\b(?:learn|warm(?:s|ed)?[\s-]?up|train|before (?:it|they|the \w+(?: detector)?) (?:can |may |will )?(?:alert|alarm|fire))/.test(
      text,
    )
  ) {
    const term = TERMS.find(([re]) => re.test(text))?.[1];
    if (term === 'robust' || term === 'forecast' || term === 'threshold') return { kind: 'glossary', term };
  }
  if (!new RegExp(ASK).test(text)) return undefined;
  // "What does score 0.54 mean?", "what is a robust deviation?": the word, not a figure of a host.
  // "What does the isolation forest look at?", "how is the forecast computed?": how a detector works.
  // "What does the isolation forest do?", "what is the forecast detector?": a detector's own working.
  const how =
    /\bwhat (?:does|do) (?:the |an? )?(?:[\w-]+ ){1,3}(?:look at|measure|use|take into account|consider|compare|watch|learn from|do|work)\b|\bwhat(?: is|'s) the (?:isolation forest|iforest|robust detector|forecast detector|threshold detector|silent[\s-]host detector)\b|\bhow (?:is|are) (?:the |an? )?(?:[\w-]+ ){1,3}(?:computed|calculated|worked out|made|fitted|trained|scored)\b|\b(?:inputs?|features?)\b/;
  if (!/\b(?:mean|means|meaning|define|what is an?|what's an?|what are|explain the|tell me about|how does)\b/.test(text) && !how.test(text))
    return undefined;
  const term = TERMS.find(([re]) => re.test(text))?.[1];
  return term ? { kind: 'glossary', term } : undefined;
}
