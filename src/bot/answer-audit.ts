import { tally } from './tally.js';
import { actorIs } from './actor-name.js';
import type { RecordEntry } from '../core/ports.js';
import type { Proposal, ProposalEvent } from '../core/remediation.js';
import type { AnswerContext } from './answer-intent.js';
import { spanBounds } from './answer-metric-span.js';
import { stamp } from './format-reply.js';
import type { Intent } from './intent.js';
import { silenceLabel } from './alert-silence.js';
import { quoteUntrusted } from './text-tools.js';

/** What people do that the records keep; the pipeline's own moves are "what did you do?" (history). */
const KINDS = [
  'remediation',
  'approval_refused',
  'silence_added',
  'silence_extended',
  'silence_lifted',
  'alert_acknowledged',
  'alert_unacknowledged',
  'alert_escalated',
  'alert_note',
  'alert_feedback',
  'change',
  'change_withdrawn',
  'oncall_cover',
  'oncall_cover_ended',
  'oncall_swap_offered',
  'oncall_swap',
  'oncall_swap_declined',
  'oncall_swap_cancelled',
  'subscription_added',
  'subscription_removed',
  'incident_declared',
  'incident_update',
  'incident_commander',
  'incident_scope',
  'test_alert',
  'incident_resolved',
  'incident_reopened',
];
const SHOWN = 30;
/** Records read at most; a longer span than this covers is said to be cut short. */
const SCAN = 20_000;

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
/** A person, not the pipeline, the approval policy, an executor or the clock. */
const isPerson = (actor: string) => /^[a-z]+:./.test(actor) && !/^(?:policy|executor):/.test(actor);

interface Line {
  ts: number;
  actor: string;
  text: string;
  targets: string[];
}

/** One record as a line of who did what, or undefined for one that is not a person's doing. */
function lineOf(r: RecordEntry): Line | undefined {
  const d = r.data;
  const actor = str(d.actor);
  const at = (text: string, targets: string[] = []): Line => ({ ts: r.ts, actor, text, targets });
  switch (r.kind) {
    case 'remediation': {
      const p = d.proposal as Proposal | undefined;
      const e = d.event as ProposalEvent | undefined;
      // A person's decision or request; "running" under their name is the run their approval started.
      if (!p || !e || !isPerson(e.actor) || !['proposed', 'approved', 'denied', 'withdrawn'].includes(e.to)) return undefined;
      const what = `${p.id} ${p.action} on ${p.target}`;
      const verb = e.from === null ? 'requested' : e.to === 'withdrawn' ? 'cancelled' : e.to;
      return { ts: r.ts, actor: e.actor, text: `${verb} ${what}`, targets: [p.target] };
    }
    case 'approval_refused':
      return at(`tried to ${str(d.decision)} ${str(d.proposalId)}: not an approver`);
    case 'silence_added': {
      const scope = { target: str(d.target) || '*', metric: str(d.metric) || '*' };
      const from = typeof d.startsTs === 'number' ? ` from ${stamp(d.startsTs)}` : '';
      return at(
        `silenced ${silenceLabel(scope)}${from} until ${stamp(Number(d.untilTs))} (${str(d.id)})${d.reason ? `: ${str(d.reason)}` : ''}`,
        [scope.target],
      );
    }
    case 'silence_extended':
      return at(`extended ${str(d.id)} until ${stamp(Number(d.untilTs))}`, [str(d.target)]);
    case 'silence_lifted':
      return at(`lifted ${d.id ? str(d.id) : d.target ? `the silences on ${str(d.target)}` : 'every silence'}`, [str(d.target)]);
    case 'alert_acknowledged':
      return at(`acknowledged ${(d.anomalies as string[] | undefined)?.join(', ') ?? str(d.key)}`, [targetOfKey(str(d.key))]);
    case 'alert_unacknowledged':
      return at(`handed back ${Array.isArray(d.keys) ? d.keys.length : 1} alert(s)`, ((d.keys as string[]) ?? []).map(targetOfKey));
    case 'alert_escalated':
      return at(
        `escalated ${(d.anomalies as string[] | undefined)?.join(', ') ?? str(d.key)}${typeof d.to === 'string' ? ` to ${d.to}` : ''}`,
        [targetOfKey(str(d.key))],
      );
    case 'alert_note':
      return at(`noted on ${str(d.anomaly)} (${str(d.target)}): ${quoteUntrusted(str(d.text))}`, [str(d.target)]);
    case 'alert_feedback':
      return at(
        d.verdict === 'none'
          ? `unmarked ${str(d.anomaly)} (${str(d.target)})`
          : `marked ${str(d.anomaly)} (${str(d.target)}) as ${str(d.verdict)}`,
        [str(d.target)],
      );
    case 'change': {
      const targets = Array.isArray(d.targets) ? (d.targets as string[]) : [];
      return at(
        `recorded change ${str(d.id)}${targets.length ? ` on ${targets.join(', ')}` : ''}: ${quoteUntrusted(str(d.text))}`,
        targets,
      );
    }
    case 'change_withdrawn':
      return at(`withdrew change ${str(d.id)}`);
    case 'oncall_cover':
      return at(`put ${str(d.member)} on call until ${stamp(Number(d.until))}${d.instead ? ` instead of ${str(d.instead)}` : ''}`);
    case 'incident_declared':
      return at(`declared incident ${str(d.id)}: ${quoteUntrusted(str(d.title))}`, Array.isArray(d.targets) ? (d.targets as string[]) : []);
    case 'incident_update':
      return at(`updated ${str(d.id)}: ${quoteUntrusted(str(d.text))}`);
    case 'incident_commander':
      return at(`made ${str(d.commander)} commander of ${str(d.id)}`);
    case 'incident_resolved':
      return at(`resolved incident ${str(d.id)}`);
    case 'incident_reopened':
      return at(`reopened incident ${str(d.id)}`);
    case 'test_alert':
      return at('sent a test alert to the alert channels');
    case 'incident_scope': {
      const [added, removed] = [d.added, d.removed].map((v) => (Array.isArray(v) ? (v as string[]) : []));
      const what = [added!.length ? `added ${added!.join(', ')} to` : '', removed!.length ? `took ${removed!.join(', ')} off` : '']
        .filter(Boolean)
        .join(' and ');
      return at(`${what} ${str(d.id)}`, [...added!, ...removed!]);
    }
    case 'subscription_added': {
      const targets = Array.isArray(d.targets) ? (d.targets as string[]) : [];
      const what = `${d.severity ? `${str(d.severity)} ` : ''}${d.metric ? `${str(d.metric)} ` : ''}alerts${targets.length ? ` on ${targets.join(', ')}` : ''}`;
      return at(`followed ${what} (${str(d.id)})`, targets);
    }
    case 'subscription_removed':
      return at(`unfollowed ${Array.isArray(d.ids) ? (d.ids as string[]).join(', ') : ''}`);
    case 'oncall_cover_ended':
      return at(`ended ${str(d.member)}'s on-call cover`);
    case 'oncall_swap_offered':
      return at(`offered ${str(d.b)} a swap of on-call shifts (${str(d.id)})`);
    case 'oncall_swap':
      return at(`agreed to swap on-call shifts with ${str(d.a)} (${str(d.id)})`);
    case 'oncall_swap_declined':
      return at(`declined ${str(d.a)}'s swap of on-call shifts (${str(d.id)})`);
    case 'oncall_swap_cancelled':
      return at(`cancelled the swap of on-call shifts ${str(d.id)}`);
    default:
      return undefined;
  }
}

/** "alert:web-1:1793…" → "web-1"; a fleet message names no one target. */
const targetOfKey = (key: string) => /^alert:(.+):\d+$/.exec(key)?.[1] ?? '';

/**
 * "Audit log", "who did what today?", "what did operator do?", "who touched db-1?": what people did
 * (decisions and requests, silences, acknowledgements, escalations, notes, marks, changes, on-call
 * covers), newest first, from the records; the last day unless a time is asked. A name matches the
 * id after the platform ("operator" is web:operator). The bot's own actions are "what did you do?".
 */
export function answerAudit(i: Extract<Intent, { kind: 'audit' }>, c: AnswerContext): string {
  const b = spanBounds(i.span ?? { kind: 'last', ms: 86_400_000 }, c);
  if (b.ahead) return b.ahead;
  const who = i.me ? c.asker : i.actor;
  if (i.me && !who) return 'I cannot tell who you are here, so I cannot say what you did; ask in chat or the web console.';
  const known = who && !i.me ? (c.onCall?.actorsNamed(who) ?? []) : [];
  const mine = (actor: string) => !who || actorIs(actor, who, known);
  const read = c.store.recordsBetween(b.from, Math.min(b.until, c.now + 1), KINDS, SCAN);
  const cut =
    read.length === SCAN
      ? ` Only the first ${SCAN.toLocaleString('en-US')} records from ${stamp(b.from)} were read; ask for a shorter time.`
      : '';
  // Newest first; records of the same moment in the order they were made, the latest first.
  const lines = [...read]
    .sort((x, y) => y.id - x.id)
    .flatMap((r) => lineOf(r) ?? [])
    .filter((l) => isPerson(l.actor) && mine(l.actor) && (!i.target || l.targets.includes(i.target)))
    .filter((l) => !i.verbs || i.verbs.some((v) => l.text.startsWith(`${v} `)))
    .sort((x, y) => y.ts - x.ts);
  const scope = `${who ? ` by ${i.me ? 'you' : quoteUntrusted(who)}` : ''}${i.target ? ` on ${i.target}` : ''}`;
  // Escalations the bot made on its own (chat.escalate) are no one's doing: each alert's timeline has them.
  const auto = i.verbs?.includes('escalated') ? " Escalations made on their own (chat.escalate) are on each alert's timeline." : '';
  if (lines.length === 0 && i.verbs) return `Nothing ${i.verbs.join(' or ')}${scope} ${b.label}, as far as the records go.${auto}${cut}`;
  if (lines.length === 0)
    return `Nothing done${scope} ${b.label}, as far as the records go (decisions, requests, silences, acknowledgements, escalations, notes, marks, changes and on-call covers).${cut}`;
  const people = new Set(lines.map((l) => l.actor));
  return [
    `${lines.length} thing${lines.length === 1 ? '' : 's'} ${i.verbs ? i.verbs.join(' or ') : 'done'}${scope} ${b.label}${who ? '' : ` by ${people.size} ${people.size === 1 ? 'person' : 'people'}`}, newest first${lines.length > SHOWN ? ` (the last ${SHOWN})` : ''}:`,
    // "Who wrote the most notes?", "who acked the most?": each person's count, most first, where someone did more than one.
    ...(people.size > 1 && lines.length > people.size ? [`By person: ${tally(lines, (l) => l.actor)}.`] : []),
    ...lines.slice(0, SHOWN).map((l) => `• ${stamp(l.ts)} ${l.actor} ${l.text}`),
    `What I did myself (proposals, runs, withdrawals) is "remediation history".${auto}${cut}`,
  ].join('\n');
}
