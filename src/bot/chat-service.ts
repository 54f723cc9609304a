import { createSloTracker } from '../core/slo-tracker.js';
import { withSloName } from './answer-slo.js';
import type { ChatEvent, ChatReply, ChatUser, NeutralMessage, Platform } from '../core/chat.js';
import { createActionRequests } from './action-requests.js';
import { subscriptionReply } from './subscriptions.js';
import { createIncidents, openIncidents } from './incidents.js';
import { policyReply } from './answer-policy.js';
import { createQuestionHistory } from './question-history.js';
import { markAlert } from './alert-feedback.js';
import { recordChange } from './change-log.js';
import { addNote } from './alert-notes.js';
import { withOnCall } from './on-call.js';
import { ABOUT_ONE, createConversations, itCommand, itOf, namedIt, oneId } from './follow-up.js';
import { describeMatch, onCallRotationFor, routeMatches, type RouteMatch } from './alert-routes.js';
import { scopedStore } from './scoped-store.js';
import { CLI_REFUSED, createDecisions } from './decide-proposal.js';
import { createAlertAcks } from './alert-ack.js';
import { createAlertEscalation } from './alert-escalate.js';
import { sendTestAlert } from './test-alert.js';
import { createUserZones, localizeHome, localizeTimes } from './local-times.js';
import { onCallReply } from './on-call-commands.js';
import { answerWhoami } from './answer-whoami.js';
import { createOnCallSwaps } from './on-call-swaps.js';
import { alertOfThread, inAlertThread, threadNote } from './alert-thread.js';
import { answerIntent, answerSilences, type AnswerContext } from './answer-intent.js';
import { notUnderstood } from './help-text.js';
import { answerBoth, leaderNow, splitReads } from './compound-reads.js';
import { latestBy } from './latest-by-target.js';
import { freeFormFallback, NO_LLM_NOTE, wantsReasoning } from './free-form.js';
import { createSilenceCommands } from './silence-commands.js';
import { parseIntent, type Intent } from './parse-intent.js';
import { inAskersZone } from './typed-zone.js';
import { createLastAsked } from './last-asked.js';
import { renderProposal } from './render-message.js';
import { NOT_APPROVER } from './answer-action-request.js';
import type { ChatServiceOptions } from './chat-service-options.js';

export type { ChatServiceOptions };

/** Read-only intents that a reasoning question ("why…", "compare…") hands to the LLM. */
const LOOKUPS = new Set<Intent['kind']>([
  'metrics',
  'chart',
  'trend',
  'anomalies',
  'attention',
  'status',
  'explain',
  'timeline',
  'silences',
  'pending',
  'history',
  // "What should we do about web-1?" with a model: its advice, with the runbooks and rules as the fallback.
  'advice',
]);

export function actorOf(u: ChatUser): string {
  return `${u.platform}:${u.id}`;
}

/**
 * The one router for every platform: an incoming event becomes an intent; read-only intents are
 * answered from the store, decisions go through the approval rules. One try/catch per event.
 */
export function createChatService(o: ChatServiceOptions) {
  const escalation = createAlertEscalation({
    store: o.store,
    actor: actorOf,
    mentions: withOnCall(o.routing?.escalate.mentions ?? {}, o.onCall),
    record: o.record,
    people: o.onCall,
    rotationOf: (a, now) => {
      const t = o.targets().find((x) => x.name === a.target);
      return onCallRotationFor(o.routing?.routes ?? [], a, t && { role: t.role ?? undefined, labels: t.labels ?? {} }, now);
    },
  });
  const sloTracker = o.sloTracker ?? createSloTracker({ store: o.store, targets: o.targets });
  const acks = createAlertAcks({
    store: o.store,
    actor: actorOf,
    record: o.record,
    onAcknowledged: o.onAcknowledged,
    onAckDelay: o.onAckDelay,
  });
  const { isApprover, decide } = createDecisions({ ...o, actor: actorOf });
  const submit = o.remediation?.submit;
  const requests =
    submit && o.remediationPolicy
      ? createActionRequests({
          ...o,
          remediation: { submit },
          policy: o.remediationPolicy,
          actor: actorOf,
          isApprover,
          route: o.routeRequest,
        })
      : undefined;
  const incidents = createIncidents({ store: o.store, record: o.record, announce: o.announce });
  const { silence, silenceAlert, unsilence } = createSilenceCommands({
    store: o.store,
    record: o.record,
    onSilencesChanged: o.onSilencesChanged,
    actor: actorOf,
    listing: (now) => answerSilences(ctx(now)),
  });

  function ctx(now: number, user?: ChatUser, clientZone?: string): AnswerContext {
    return {
      ...(user ? { asker: actorOf(user), zone: zones.zoneOf(user, clientZone), askedBefore: lastAsked.before(actorOf(user)) } : {}),
      store: o.store,
      targets: o.targets(),
      now,
      staleAfterMs: o.staleAfterMs,
      thresholds: o.thresholds,
      resolveAfterSamples: o.resolveAfterSamples,
      forecasts: o.forecasts,
      fleetGrouping: o.fleetGrouping,
      muteTimes: o.muteTimes,
      remediationRules: o.remediationRules,
      detectors: o.detectors,
      about: o.about,
      runbooks: o.runbooks,
      slos: o.slos,
      sloTracker,
      dashboard: o.dashboard,
      routing: o.routing,
      onCall: o.onCall,
      alertmanagerSilences: o.alertmanagerSilences,
    };
  }

  // "And on web-2?" after "cpu on web-1": the last read of each conversation (follow-up.ts).
  const conversations = createConversations();
  const zones = createUserZones(o.store, o.teamZone);
  const lastAsked = createLastAsked(o.store);
  const history = createQuestionHistory();
  const swaps = o.onCall && createOnCallSwaps({ onCall: o.onCall, store: o.store, record: o.record, actor: actorOf });

  /** What a route's team sees: the anomalies its match covers, and the proposals for them. */
  function routeContext(c: AnswerContext, match: RouteMatch): AnswerContext {
    const facts = new Map(o.targets().map((t) => [t.name, { ...(t.role ? { role: t.role } : {}), labels: t.labels ?? {} }]));
    return { ...c, store: scopedStore(c.store, (a) => routeMatches(match, a, facts.get(a.target))) };
  }

  async function freeForm(e: Extract<ChatEvent, { kind: 'text' }>, deterministic: () => string): Promise<ChatReply> {
    const r = await o.fallback!(e.text, { conversation: `${e.platform}:${e.channel}:${e.thread ?? ''}`, deterministic });
    if (!r) return { text: deterministic(), intent: 'unknown' };
    return { text: r.text, intent: r.path === 'fallback' ? 'llm_fallback' : 'llm' };
  }

  async function handleText(e: Extract<ChatEvent, { kind: 'text' }>, now: number): Promise<ChatReply> {
    // Written under an alert ("ack", "explain", "snooze for 2h" in its thread): that alert is the subject.
    const alert = alertOfThread(o.store, e.platform, e.thread);
    lastAsked.take(actorOf(e.user), now);
    const said = parseIntent(e.text, o.targets());
    const key = `${e.platform}:${e.channel}:${e.thread ?? ''}:${e.user.id}`;
    const parsed = inAskersZone(
      itOf(conversations.resolve(key, said, e.text, now), conversations.anomalyOf(key, now)),
      zones.zoneOf(e.user, e.clientZone),
    );
    const remembered = alert ? undefined : conversations.anomalyOf(key, now, true);
    const mk = conversations.idOf('mk', key, now);
    const named = alert ? { mk } : { rp: conversations.idOf('rp', key, now), sl: conversations.idOf('sl', key, now), mk };
    conversations.turn(key);
    const intent = withSloName(
      namedIt(
        alert ? inAlertThread(parsed, alert) : itCommand(parsed, e.text, remembered ? o.store.getAnomaly(remembered) : undefined),
        e.text,
        named,
      ),
      e.text,
      o.slos,
    );
    const asked = alert ? { ...e, text: `${e.text}\n${threadNote(alert)}` } : e;
    const verdict = intent.kind === 'explain' && intent.verdict;
    if (o.fallback && LOOKUPS.has(intent.kind) && wantsReasoning(e.text) && !verdict)
      return freeForm(asked, () => answerIntent(intent, ctx(now, e.user, e.clientZone)));
    const cliRefusal = e.platform === 'cli' ? CLI_REFUSED[intent.kind] : undefined;
    if (cliRefusal)
      return {
        text: cliRefusal.endsWith('.') ? cliRefusal : `${cliRefusal} from chat or the web console.`,
        intent: intent.kind,
        private: true,
      };
    switch (intent.kind) {
      case 'approve':
      case 'deny':
        return decide(intent.kind, intent.id, e.user, now, intent);
      case 'action_request':
        return (
          (await requests?.request(intent, e, now)) ?? { text: answerIntent(intent, ctx(now, e.user, e.clientZone)), intent: intent.kind }
        );
      case 'silence':
        return silence(intent, e.user, now);
      case 'unsilence':
        return unsilence(intent, e.user, now);
      case 'escalate':
        return escalation.escalate(intent, e.user, now);
      case 'ack':
      case 'unack':
        return intent.kind === 'ack' ? acks.ack(intent, e.user, now) : acks.unack(intent, e.user, now);
      case 'remind':
        return o.watches ? o.watches.remind(intent, e, now) : { text: 'Reminders are not kept here.', intent: 'remind', private: true };
      case 'watch':
        return o.watches ? o.watches.add(intent, e, now) : { text: 'Watches are not kept here.', intent: 'watch', private: true };
      case 'feedback':
        return markAlert(intent, e.user, now, o);
      case 'test_alert':
        return sendTestAlert(o, actorOf(e.user), now);
      case 'timezone':
        return zones.handle(intent, e.user, now);
      case 'change':
        return recordChange(intent, e.user, now, o.record, o.store);
      case 'note':
        // Written in the alert's thread, the note is already there; anywhere else it is posted there.
        return addNote(intent, e.user, now, { ...o, ...(e.thread ? { from: { platform: e.platform, channel: e.channel } } : {}) });
      case 'on_call_cover':
      case 'on_call_swap':
        return onCallReply(intent, e.user, now, o.onCall, swaps, zones.zoneOf(e.user, e.clientZone));
      case 'incident': {
        // Said in an incident's thread without naming one: that incident.
        const own = e.thread ? o.store.chat.keyOfMessage(e.platform, e.thread)?.match(/^incident:(in_[a-z0-9]+)/)?.[1] : undefined;
        return incidents.handle(intent.id || !own ? intent : { ...intent, id: own }, e.user, now);
      }
      case 'subscribe':
      case 'unsubscribe':
      case 'subscriptions':
        return subscriptionReply(o.subscriptions, intent, e.user, now);
      case 'watches':
        return { text: o.watches?.list(now) ?? 'Watches are not kept here.', intent: 'watches' };
      case 'unwatch':
        return o.watches ? o.watches.remove(intent, e.user, now) : { text: 'Watches are not kept here.', intent: 'unwatch', private: true };
      case 'unknown':
        if (!o.fallback) return { text: notUnderstood(e.text, NO_LLM_NOTE), intent: 'unknown' };
        return freeForm(asked, () => freeFormFallback(e.text, ctx(now, e.user, e.clientZone)));
      case 'whoami':
        return {
          text: answerWhoami(e.user, { approver: isApprover(e.user), onCall: o.onCall, zone: zones.zoneOf(e.user, e.clientZone), now }),
          intent: 'whoami',
          private: true,
        };
      case 'policy':
        return policyReply(o, { ...e.user, approver: isApprover(e.user) }, intent);
      case 'asked':
        return history.reply(`${e.platform}:${e.channel}:${e.user.id}`, now, intent.last === true);
      case 'pending': {
        const pending = o.store.listProposals({ states: ['proposed'], limit: 5 });
        const text = `${answerIntent(intent, ctx(now, e.user, e.clientZone))}${pending.length && !isApprover(e.user) ? NOT_APPROVER : ''}`;
        return { text, intent: 'pending', messages: pending.map(renderProposal) };
      }
      default:
        return { text: answerIntent(intent, ctx(now, e.user, e.clientZone)), intent: intent.kind, private: intent.kind === 'bad_input' };
    }
  }

  /**
   * What a Home tab lists, not how long each has lasted: it is published again when this changes.
   * The shared part (open alerts, proposals, who is on call) is read once; each viewer adds their watches.
   */
  function homeKeys(now: number): (user?: ChatUser) => string {
    const pending = o.store.listProposals({ states: ['proposed'], limit: 10 });
    const open = o.store.openAnomalies().map((a) => `${a.id}:${a.severity}:${o.store.chat.ackOfAnomaly(a.id) ? 'a' : ''}`);
    const onCall = o.onCall ? o.onCall.names.map((name) => o.onCall!.at(now, name).member.name) : [];
    const incidents = openIncidents(o.store, now).map((i) => `${i.id}:${i.commander}:${i.updates.length}`);
    const shared = [...open.sort(), ...pending.map((p) => p.id).sort(), ...onCall, ...incidents].join(',');
    return (user) => {
      const ids = [
        ...(user && o.watches ? o.watches.mine(actorOf(user), now).ids : []),
        ...(user && o.subscriptions ? o.subscriptions.mine(user, now).ids : []),
      ];
      return ids.length ? `${shared};${ids.join(',')}` : shared;
    };
  }

  return {
    isApprover,
    /** Slack's Home tab: what needs attention now, and the proposals waiting with their buttons. */
    home(now: number, user?: ChatUser): { text: string; messages: NeutralMessage[]; key: string } {
      const pending = o.store.listProposals({ states: ['proposed'], limit: 10 });
      const onCall = o.onCall?.lines(now, 0).join('\n');
      const text = answerIntent({ kind: 'attention' }, ctx(now));
      const mine = user && o.watches ? o.watches.mine(actorOf(user), now).lines : [];
      const subs = user && o.subscriptions ? o.subscriptions.mine(user, now).lines : [];
      const yours = `${mine.length ? `\nYour watches and reminders:\n${mine.join('\n')}` : ''}${subs.length ? `\nYour subscriptions:\n${subs.join('\n')}` : ''}`;
      const v = { text: `${text}${onCall ? `\n${onCall}` : ''}${yours}`, messages: pending.map(renderProposal), key: homeKeys(now)(user) };
      return localizeHome(v, user && zones.zoneOf(user), now);
    },
    homeKeys,
    /** The digest of the last `days` (1 or 7) that `chat.digest` posts and `smartcloudops digest` prints. */
    digest(now: number, days = 1, route?: { name: string; match: RouteMatch }): string {
      const c = route ? routeContext(ctx(now), route.match) : ctx(now);
      // A route's digest is about its anomalies: the fleet's state line would speak for other teams' hosts.
      const state = route ? `For ${route.name} (${describeMatch(route.match)}):` : answerIntent({ kind: 'status' }, c).split('\n')[0]!;
      const span = { kind: 'last', ms: days * 86_400_000 } as const;
      const body = answerIntent({ kind: 'anomalies', limit: 50, today: false, span, count: true, digest: true }, c);
      const more = days === 1 ? '"summarise today" or "alerts in the last 24 hours"' : '"weekly report" or "alerts this week"';
      const onCall = o.onCall?.lines(now, 0).join('\n');
      return [
        state,
        ...(onCall ? [onCall] : []),
        ...body.split('\n').filter((l) => !l.startsWith('Ask without')),
        `Ask me ${more} for more.`,
      ].join('\n');
    },
    async handle(e: ChatEvent): Promise<ChatReply> {
      const now = o.clock.now();
      try {
        if (e.kind === 'action') {
          if ('proposalId' in e) return await decide(e.action, e.proposalId, e.user, now);
          return e.action === 'silence' ? silenceAlert(e.anomalyId, e.user, now) : acks.ackAnomaly(e.anomalyId, e.user, now, 'button');
        }
        const two = splitReads(e.text, o.targets(), (metric, stat, group) =>
          leaderNow(latestBy(o.store), { metric, stat, group, now, staleAfterMs: o.staleAfterMs }),
        );
        const said = two ? await answerBoth(two, (text) => handleText({ ...e, text }, now)) : await handleText(e, now);
        const zone = zones.zoneOf(e.user, e.kind === 'text' ? e.clientZone : undefined);
        const reply = zone && said.intent !== 'timezone' ? { ...said, text: localizeTimes(said.text, zone, now) } : said;
        // The anomaly a read was about is what "it" means next in this conversation.
        const an = ABOUT_ONE.has(reply.intent) ? /\ban_[a-z0-9]+/.exec(reply.text)?.[0] : undefined;
        const key = `${e.platform}:${e.channel}:${e.thread ?? ''}:${e.user.id}`;
        if (an) conversations.rememberAnomaly(key, an, now);
        for (const prefix of ['rp', 'sl'] as const) {
          const id = oneId(prefix, reply.text);
          if (id) conversations.rememberId(prefix, key, id, now);
        }
        // The anomaly just marked, for "undo that" next.
        const marked = reply.intent === 'feedback' ? /\ban_[a-z0-9]+/.exec(reply.text)?.[0] : undefined;
        if (marked) conversations.rememberId('mk', key, marked, now);
        if (e.kind === 'text') history.record(`${e.platform}:${e.channel}:${e.user.id}`, e.text, reply.intent, now);
        return reply;
      } catch (err) {
        o.logger.error({ err, platform: e.platform, kind: e.kind }, 'chat event failed');
        return { text: 'Something went wrong handling that; it has been logged.', intent: 'error', private: true };
      }
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
export type { Platform };
