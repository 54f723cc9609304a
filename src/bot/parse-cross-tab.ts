import type { CrossBy } from './anomaly-cross-tab.js';

const DIM = String.raw`(?:the\s+)?(hosts?|targets?|servers?|machines?|nodes?|instances?|boxes|box|days?|dates?|hours?(?: of (?:the )?day)?|metrics?|severit(?:y|ies)|detectors?)\b`;
// "per host", "by day", "for each metric", "and hour", "x day": a key the counts are split by.
const SPLIT = new RegExp(String.raw`\b(?:per|by|each|for (?:each|every)|every|and|x|×|across)\s+${DIM}`, 'g');
// "host by day", "host x hour": two keys with nothing before the first.
const PAIR = new RegExp(String.raw`\b${DIM}\s+(?:by|x|×|per|vs)\s+${DIM}`);
// "Which host has the most alerts each day?": the leader of each, which the table shows.
const WHICH_MOST = new RegExp(String.raw`\b(?:which|what)\s+${DIM}.*\b(?:most|fewest|least)\b`);
// "By severity, target, metric and detector": a list of keys is the counts as they are, not a table.
const LISTED = new RegExp(String.raw`\b${DIM}\s*,\s*(?:and\s+)?${DIM}`);
const COUNTED = /\b(?:alerts?|anomal(?:y|ies)|incidents?|pages|episodes|heat\s?map)\b/;

function dimOf(word: string): CrossBy {
  if (/^(?:day|date)/.test(word)) return 'day';
  if (/^hour/.test(word)) return 'hour';
  if (/^metric/.test(word)) return 'metric';
  if (/^severit/.test(word)) return 'severity';
  if (/^detector/.test(word)) return 'detector';
  return 'target';
}

/**
 * "Alerts per host per day", "heatmap of alerts by host and hour", "incidents by day and severity":
 * two keys to count by at once, as [rows, columns]. The hour of the day goes down the side (24 rows
 * fit where 24 columns do not); otherwise targets do, and the other key across. Pure; undefined
 * unless two different keys are named beside alert words.
 */
export function crossOf(text: string): [CrossBy, CrossBy] | undefined {
  if (!COUNTED.test(text) || LISTED.test(text)) return undefined;
  const pair = PAIR.exec(text);
  const which = WHICH_MOST.exec(text)?.[1];
  const said = pair ? [pair[1]!, pair[2]!] : [...(which ? [which] : []), ...[...text.matchAll(SPLIT)].map((m) => m[1]!)];
  const dims = [...new Set(said.map(dimOf))];
  if (dims.length !== 2) return undefined;
  const [a, b] = dims as [CrossBy, CrossBy];
  const first = dims.includes('hour') ? 'hour' : dims.includes('target') ? 'target' : a;
  return first === a ? [a, b] : [b, a];
}
