import type { ChatReply, ChatUser } from '../core/chat.js';
import { METRIC_LABEL } from '../core/metrics.js';
import type { Anomaly } from '../core/anomaly.js';
import type { Store } from '../core/ports.js';
import { stamp } from '../core/stamp.js';
import type { Intent } from './intent.js';
import { alertMembers } from './alert-keys.js';
import { cleanInput, quoteUntrusted } from './text-tools.js';
import { renderFollowUp } from './render-message.js';

/** A note is a line or two in a timeline, not a document. */
export const NOTE_MAX = 500;
const clip = (t: string) => (t.length > 80 ? `${t.slice(0, 79)}…` : t);

// "note an_…: restarted nginx", "add a note to an_…: …", "annotate web-1: …", "comment: …".
export const NOTE_LEAD =
  /^\s*(?:please\s+)?(?:(?:add|leave|post|put|write)\s+(?:a\s+)?(?:note|comment)|note|annotate|comment)\b(?:\s+(?:to|on|for|under)\b)?/i;

const LATEST = /\b(?:the\s+)?(?:last|latest|most recent|newest|current)\s+(?:[\w-]+\s+){0,2}?(?:alert|anomaly|page|incident)\b/i;

/**
 * A note said about an alert, with its words as typed (markup and mention syntax removed), or
 * undefined when the text is not one. Questions ("notes on an_…?") are not notes. Pure.
 */
export function noteCommand(raw: string, o: { an?: string; target?: string }): Extract<Intent, { kind: 'note' }> | undefined {
  const lead = NOTE_LEAD.exec(raw);
  if (!lead || /\?\s*$/.test(raw)) return undefined;
  let rest = cleanInput(raw.slice(lead[0].length));
  // What the note is about comes before a colon ("an_… :", "the web-1 alert:"); without one, the id leads.
  // A colon inside a time ("08:00") is part of the note.
  const colon = rest.search(/:(?!\d)/);
  // "Add a note to the last alert: …": the newest anomaly (on the target named, if one is).
  const about = colon >= 0 ? rest.slice(0, colon) : rest.slice(0, 60);
  const latest = !o.an && LATEST.test(about) ? { latest: true as const } : {};
  // "… to the web-2 alert saying it was a deploy": the words after "saying" are the note, as after a colon.
  const saying = /^(?:[^:]{0,60}?)\s(?:saying|that says|which says|reading|with the text)\s+/i.exec(rest);
  if (saying && (colon < 0 || saying[0].length < colon)) rest = rest.slice(saying[0].length);
  else if (colon >= 0 && colon <= 60) rest = rest.slice(colon + 1);
  else if (o.an) rest = rest.replace(new RegExp(`^(?:(?:the|alert|anomaly)\\s+)*${o.an}\\b[\\s,-]*`, 'i'), '');
  return {
    kind: 'note',
    ...(o.an ? { id: o.an } : {}),
    ...(o.target ? { target: o.target } : {}),
    ...latest,
    text: rest.trim().slice(0, NOTE_MAX),
  };
}

/** Records a note on an anomaly (alert_note): its id, or the target's open one (the newest), or the alert of the thread. */
export function addNote(
  i: Extract<Intent, { kind: 'note' }>,
  user: ChatUser,
  now: number,
  o: {
    store: Store;
    record?: ((kind: string, ts: number, data: Record<string, unknown>) => void) | undefined;
    /** The alert thread the note was written in, which already shows it. */
    from?: { platform: string; channel: string };
  },
): ChatReply {
  const intent = 'note';
  if (!i.text) return { text: 'Note what? Say it after a colon: "note an_…: restarted nginx by hand".', intent, private: true };
  const a = i.id
    ? o.store.getAnomaly(i.id)
    : i.latest
      ? o.store.recentAnomalies(200).find((x) => !i.target || x.target === i.target)
      : i.target
        ? o.store
            .openAnomalies()
            .filter((x) => x.target === i.target)
            .sort((x, z) => z.startTs - x.startTs)[0]
        : undefined;
  // An id names one anomaly: the store also finds anomalies by their key, which a note must not reach by.
  if (!a || (i.id && a.id !== i.id))
    return {
      text: i.id
        ? `No anomaly ${quoteUntrusted(i.id)}; nothing was noted.`
        : i.target
          ? `Nothing is open on ${i.target}; name the alert: "note an_…: …". Something done on the host is a change: "change on ${i.target}: ${clip(i.text)}" records it where alerts and "recent changes" show it.`
          : 'On which alert? Say it in the alert\'s thread, or name it: "note an_…: restarted nginx by hand". Something done on a host is a change: "change on api-2: restarted nginx by hand".',
      intent,
      private: true,
    };
  const actor = `${user.platform}:${user.id}`;
  o.record?.('alert_note', now, { anomaly: a.id, target: a.target, metric: a.metric, text: i.text, actor });
  const posted = postNote(o.store, a.id, `Note by ${actor}`, i.text, now, o.from);
  return {
    text: `Noted on ${a.id} (${a.target} ${METRIC_LABEL[a.metric] ?? a.metric}) by ${actor}: "${i.text}". "timeline ${a.id}" shows it with the rest${posted.length ? `; posted in its thread on ${posted.join(', ')}` : ''}.`,
    intent,
  };
}

/**
 * Posts a note in the thread of the anomaly's alert wherever the alert went, except where it was
 * written (the thread there already shows it), so a team on Slack sees what was noted in the
 * console. Through the outbox, as every alert message. Returns where it goes.
 */
function postNote(
  store: Store,
  anomalyId: string,
  title: string,
  text: string,
  now: number,
  from?: { platform: string; channel: string },
): string[] {
  const key = store.chat.alertKeyFor(anomalyId);
  if (!key) return [];
  const where = (store.chat.destinationsOf(key) ?? []).filter((d) => !(d.platform === from?.platform && d.channel === from?.channel));
  for (const d of where)
    store.chat.enqueue(
      {
        platform: d.platform,
        channel: d.channel,
        op: 'post',
        msgKey: `note:${key}:${now}`,
        threadKey: key,
        payload: renderFollowUp(title, text, 'ok'),
      },
      now,
    );
  return where.map((d) => `${d.platform} ${d.channel}`);
}

/** The notes on an anomaly's alert (every anomaly in its message), oldest first: "• 10:02 UTC slack:U2: …". */
export function notesOf(store: Store, a: Anomaly, now: number): string[] {
  const key = store.chat.alertKeyFor(a.id);
  const ids = new Set((key ? alertMembers(store, key) : [a]).map((m) => m.id));
  return store
    .recordsBetween(a.startTs - 60_000, now + 1, ['alert_note'], 200)
    .filter((r) => ids.has(String(r.data.anomaly)) && typeof r.data.text === 'string')
    .map((r) => `• ${stamp(r.ts)} ${String(r.data.actor)}: ${String(r.data.text)}`);
}
