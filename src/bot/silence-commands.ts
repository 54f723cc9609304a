import type { ChatReply, ChatUser } from '../core/chat.js';
import type { Silence } from '../core/chat-store.js';
import type { Store } from '../core/ports.js';
import { hashString } from '../core/random.js';
import { SILENCE_BUTTON_MS, silenceLabel, silenceScopeOf, silenceSpans, type SilenceScope } from './alert-silence.js';
import { extendSilences, MAX_SILENCE_MS } from './extend-silences.js';
import { FLEET_ALERT_PREFIX } from './fleet-events.js';
import { alertMembers } from './alert-keys.js';
import { METRICS_OF } from './answer-metric-span.js';
import { stamp } from './format-reply.js';
import type { Intent } from './parse-intent.js';
import { silenceWindow } from './silence-window.js';
import { formatDuration, quoteUntrusted } from './text-tools.js';

/** A silence command names at most this many targets; more is a metric or everything. */
const MAX_TARGETS = 20;

/**
 * Setting, scheduling and lifting silences from chat and from an alert's Silence button. Every
 * silence set or lifted is recorded, and the alerts it covers are re-rendered to show it.
 */
export function createSilenceCommands(d: {
  store: Store;
  record?: (kind: string, ts: number, data: Record<string, unknown>) => void;
  onSilencesChanged?: (changed: Silence[], now: number) => void;
  actor: (u: ChatUser) => string;
  /** What is silenced now, for a reply that asks which one. */
  listing: (now: number) => string;
}) {
  function silence(asked: Extract<Intent, { kind: 'silence' }>, user: ChatUser, now: number): ChatReply {
    // "until 15:00" is the next 15:00 (UTC, like every time in chat); "from 22:00 to 23:00" the next such window.
    const win = silenceWindow(asked, now);
    if ('error' in win) return { text: `Nothing silenced: ${win.error}`, intent: 'silence', private: true };
    const end = asked.until ? win.endTs : undefined;
    const i = { ...asked, durationMs: win.endTs - win.startTs };
    const duration = Math.min(i.durationMs, MAX_SILENCE_MS);
    const ahead = {
      ...(win.startTs > now ? { startsTs: win.startTs } : {}),
      ...(asked.reason ? { reason: asked.reason } : {}),
      ...(asked.severity ? { severity: asked.severity } : {}),
    };
    if (ahead.startsTs && (i.anomalyId || i.extend))
      return {
        text: 'Nothing silenced: a silence scheduled ahead names its target ("mute db-1 from 22:00 to 23:00").',
        intent: 'silence',
        private: true,
      };
    // A command that names a host we do not know is not applied to the rest of what it names.
    if (i.unknownTarget)
      return {
        text: `Nothing silenced: I don't know a target called ${quoteUntrusted(i.unknownTarget)}.`,
        intent: 'silence',
        private: true,
      };
    if (i.several && (i.anomalyId || i.extend || i.several.length > MAX_TARGETS))
      return {
        text: `Nothing silenced: ${i.several.length > MAX_TARGETS ? `that is ${i.several.length} targets, more than ${MAX_TARGETS} at once` : 'name one target'} (${i.several.slice(0, MAX_TARGETS).join(', ')}${i.several.length > MAX_TARGETS ? ', …' : ''}); a metric for all of them is one silence, e.g. "mute disk alerts for 2h".`,
        intent: 'silence',
        private: true,
      };
    if (i.anomalyId && !i.extend) return silenceAlert(i.anomalyId, user, now, duration, 'thread', i.reason);
    if (i.extend)
      return extendSilences(
        { store: d.store, record: d.record, onSilencesChanged: d.onSilencesChanged, actor: d.actor, listing: d.listing },
        i,
        { id: i.extend.id, untilTs: end, user, now },
      );
    // Said in so many words ("mute everything for 1h"): every alert, and the reply says so to the channel.
    // "For 90d" is held to the longest a silence lasts, and the reply says so.
    // "Until dec 20" past the longest too: the end asked, not the one held to it.
    const askedMs = asked.until ? win.askedEndTs - win.startTs : Math.max(asked.durationMs, i.durationMs);
    const capped = (r: ChatReply): ChatReply =>
      askedMs > MAX_SILENCE_MS && !r.private
        ? {
            ...r,
            text: `${r.text} (A silence lasts ${formatDuration(MAX_SILENCE_MS)} at most, not the ${formatDuration(askedMs)} asked; "extend sl_… by 1d" pushes it further then.)`,
          }
        : r;
    if ((i.all || i.severity) && !i.target && !i.metric && !i.several)
      return capped(addSilence({ target: '*', metric: '*' }, duration, user, now, 'silence', ahead));
    if (!i.target && !i.metric && !i.several)
      return {
        // Muting every alert is said in so many words; the example keeps the length they asked for.
        text: `Silence what? Nothing was silenced. Say e.g. "snooze web-1 for ${formatDuration(i.durationMs)}", "mute disk alerts for ${formatDuration(i.durationMs)}" or, for every alert, "mute everything for ${formatDuration(i.durationMs)}".`,
        intent: 'silence',
        private: true,
      };
    // "Mute network alerts" is both directions, and "snooze the web hosts" each of them: one silence
    // per target and metric, as a silence names one of each.
    const targets = i.several ?? [i.target ?? '*'];
    const replies = targets.flatMap((target) =>
      (i.metric ? METRICS_OF[i.metric] : ['*']).map((metric) => addSilence({ target, metric }, duration, user, now, 'silence', ahead)),
    );
    const each = i.several ? ['One silence per target, so a host added to them later is not covered.'] : [];
    return capped({ ...replies[0]!, text: [...replies.map((r) => r.text), ...each].join('\n') });
  }

  function addSilence(
    scope: SilenceScope,
    duration: number,
    user: ChatUser,
    now: number,
    intent: string,
    extra: Record<string, unknown> = {},
  ): ChatReply {
    const { target, metric } = scope;
    // A silence scheduled ahead (extra.startsTs) is kept, and recorded, with its start.
    const startsTs = typeof extra.startsTs === 'number' && extra.startsTs > now ? extra.startsTs : undefined;
    const untilTs = (startsTs ?? now) + duration;
    // Two silences of one scope set in the same millisecond for different spans stay two.
    const id = `sl_${hashString(`${target}/${metric}/${now}/${untilTs}`, 5).toString(36)}`;
    const reason = typeof extra.reason === 'string' && extra.reason ? extra.reason : undefined;
    const severity = extra.severity === 'warning' || extra.severity === 'critical' ? extra.severity : undefined;
    const s: Silence = {
      id,
      target,
      metric,
      untilTs,
      createdBy: d.actor(user),
      createdTs: now,
      ...(startsTs ? { startsTs } : {}),
      ...(reason ? { reason } : {}),
      ...(severity ? { severity } : {}),
    };
    const why = reason ? `; reason: ${reason}` : '';
    d.store.chat.addSilence(s);
    d.record?.('silence_added', now, { id, target, metric, untilTs, actor: d.actor(user), ...extra });
    const what =
      target === '*' && metric === '*' && !severity
        ? 'every alert on every target (critical ones too; what is still open when it ends is announced then)'
        : silenceLabel({ ...scope, ...(severity ? { severity } : {}) });
    if (startsTs)
      return {
        text: `Scheduled a silence of ${what} from ${stamp(startsTs)} to ${stamp(untilTs)} (${formatDuration(duration)}), beginning in ${formatDuration(startsTs - now)} (${id}${why}). Say "unsnooze ${id}" to cancel it.`,
        intent,
      };
    d.onSilencesChanged?.([s], now);
    return {
      text: `Silenced ${what} for ${formatDuration(duration)}, until ${stamp(untilTs)} (${id}${why}). Say "unsnooze ${id}" to lift it.`,
      intent,
    };
  }

  /**
   * The Silence button of an alert (or "snooze" in its thread): its scope comes from the alert as
   * stored, never from the payload.
   */
  function silenceAlert(
    anomalyId: string,
    user: ChatUser,
    now: number,
    duration = SILENCE_BUTTON_MS,
    via = 'button',
    reason?: string,
  ): ChatReply {
    const intent = 'silence';
    const a = d.store.getAnomaly(anomalyId);
    if (!a) return { text: `No alert ${anomalyId} (it may be older than the retention): nothing silenced.`, intent, private: true };
    const key = d.store.chat.alertKeyFor(anomalyId);
    const members = key ? alertMembers(d.store, key) : [a];
    // What is still open decides: a message whose other metric has recovered silences the one left.
    const open = members.filter((m) => m.status === 'open');
    if (open.length === 0) return { text: `That alert is resolved (${a.target} ${a.metric}); nothing silenced.`, intent, private: true };
    const scope = silenceScopeOf(open, key?.startsWith(FLEET_ALERT_PREFIX) ?? false);
    const already = d.store.chat
      .silences(now)
      .filter((x) => silenceSpans(x, scope))
      .sort((x, y) => y.untilTs - x.untilTs)[0];
    if (already)
      return {
        text: `Already silenced until ${stamp(already.untilTs)} by ${already.createdBy} (${already.id}); nothing changed.`,
        intent,
        private: true,
      };
    return addSilence(scope, duration, user, now, intent, { anomaly: anomalyId, via, ...(reason ? { reason } : {}) });
  }

  function unsilence(i: Extract<Intent, { kind: 'unsilence' }>, user: ChatUser, now: number): ChatReply {
    // "Cancel the maintenance": the one silence scheduled ahead (on the target named), by its id.
    if (i.maintenance && !i.id) {
      // "End the maintenance on db-1": the silence holding it now, when there is exactly one.
      const inForce = i.maintenance === 'now' ? d.store.chat.silences(now).filter((s) => !i.target || s.target === i.target) : [];
      if (inForce.length === 1) return unsilence({ kind: 'unsilence', id: inForce[0]!.id }, user, now);
      if (inForce.length > 1)
        return {
          text: `${inForce.length} silences hold${i.target ? ` ${i.target}` : ''} now: ${inForce.map((s) => `${s.id} (${silenceLabel(s)} until ${stamp(s.untilTs)})`).join(', ')}. Say which: "unsnooze ${inForce[0]!.id}".`,
          intent: 'unsilence',
          private: true,
        };
      const ahead = d.store.chat.scheduledSilences(now).filter((s) => !i.target || s.target === i.target);
      if (ahead.length === 1) return unsilence({ kind: 'unsilence', id: ahead[0]!.id }, user, now);
      return {
        text: ahead.length
          ? `${ahead.length} silences are scheduled ahead${i.target ? ` on ${i.target}` : ''}: ${ahead.map((s) => `${s.id} (${silenceLabel(s)} from ${stamp(s.startsTs!)})`).join(', ')}. Say which: "unsnooze ${ahead[0]!.id}".`
          : `No maintenance is scheduled from chat${i.target ? ` on ${i.target}` : ''}; windows in chat.muteTimes are changed in the config.`,
        intent: 'unsilence',
        private: true,
      };
    }
    // "Unsnooze the web hosts": each in turn, said per target.
    if (i.several && !i.id && !i.all)
      return {
        text: i.several.map((target) => `${target}: ${unsilence({ kind: 'unsilence', target }, user, now).text}`).join('\n'),
        intent: 'unsilence',
      };
    // "Cancel that silence", "undo my last snooze": the asker's latest, in force or scheduled.
    if (i.mine && !i.id && !i.target) {
      const actor = d.actor(user);
      const latest = [...d.store.chat.silences(now), ...d.store.chat.scheduledSilences(now)]
        .filter((s) => s.createdBy === actor)
        .sort((x, y) => y.createdTs - x.createdTs)[0];
      if (latest) return unsilence({ kind: 'unsilence', id: latest.id }, user, now);
      return { text: `You have no silence in force or scheduled. ${d.listing(now)}`, intent: 'unsilence', private: true };
    }
    if (!i.id && !i.target && !i.all) return { text: `Lift which silence? ${d.listing(now)}`, intent: 'unsilence', private: true };
    const lifted = d.store.chat.silences(now).filter((s) => i.all || (i.id ? s.id === i.id : s.target === i.target));
    const ahead = d.store.chat.scheduledSilences(now);
    const planned = i.id ? ahead.find((s) => s.id === i.id) : undefined;
    // One scheduled ahead is cancelled by its id; "unsnooze db-1" and "unsnooze all" lift what holds now.
    if (planned && d.store.chat.removeSilence(planned.id)) {
      d.record?.('silence_lifted', now, { id: planned.id, target: planned.target, scheduled: true, actor: d.actor(user) });
      return {
        text: `Cancelled ${planned.id}, the silence of ${silenceLabel(planned)} scheduled from ${stamp(planned.startsTs!)} to ${stamp(planned.untilTs)}.`,
        intent: 'unsilence',
      };
    }
    const left = ahead.filter((s) => i.all || s.target === i.target);
    const stays = left.length
      ? ` ${left.length === 1 ? `${left[0]!.id}, scheduled from ${stamp(left[0]!.startsTs!)}, stays` : `${left.length} scheduled ahead stay (${left.map((s) => s.id).join(', ')})`}: "unsnooze sl_…" cancels one.`
      : '';
    const n = i.id
      ? Number(d.store.chat.removeSilence(i.id))
      : i.all
        ? lifted.filter((s) => d.store.chat.removeSilence(s.id)).length
        : d.store.chat.removeSilencesFor(i.target!, now);
    if (n > 0) {
      d.record?.('silence_lifted', now, {
        id: i.id ?? null,
        target: i.target ?? null,
        ...(i.all ? { all: true } : {}),
        actor: d.actor(user),
      });
      d.onSilencesChanged?.(lifted, now);
    }
    // One by its id is named, so "cancel that silence" says which it took.
    const named = i.id && n > 0 ? lifted.find((s) => s.id === i.id) : undefined;
    const said = named
      ? `Lifted ${named.id}, the silence of ${silenceLabel(named)} until ${stamp(named.untilTs)} (by ${named.createdBy}).`
      : n > 0
        ? `Lifted ${n} silence${n > 1 ? 's' : ''}.`
        : 'Nothing matching was silenced.';
    // "Unsnooze db-1" lifts db-1's own; one over every target still holds it, and is named so it is not missed.
    const over = i.target ? d.store.chat.silences(now).filter((s) => s.target === '*') : [];
    const still = over.length
      ? ` ${i.target} is still held by ${over.map((s) => `${s.id} (${silenceLabel(s)} until ${stamp(s.untilTs)})`).join(', ')}: "unsnooze sl_…" lifts one.`
      : '';
    return { text: `${said}${stays}${still}`, intent: 'unsilence' };
  }

  return { silence, silenceAlert, unsilence };
}
