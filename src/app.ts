import path from 'node:path';
import type { AppDeps } from './app-deps.js';
import { BACKFILL_UNTIL, systemClock } from './core/ports.js';
import type { Target } from './core/target.js';
import { configTargets, createSources } from './create-sources.js';
import { registerCoreRoutes } from './http/core-routes.js';
import { createSidePort } from './http/side-port.js';
import { createMetrics } from './observability/metrics.js';
import { registerSloGauges } from './observability/slo-gauges.js';
import { footprintOf } from './observability/footprint.js';
import { createSloBoard } from './status/slo-board.js';
import { AnomalyTracker } from './pipeline/detect/anomaly-tracker.js';
import { backfillHistory } from './pipeline/backfill-history.js';
import { DetectionEngine } from './pipeline/detect/detection-engine.js';
import { createPipeline } from './pipeline/pipeline.js';
import { createTickRunner } from './pipeline/tick-runner.js';
import { createHousekeeping } from './pipeline/housekeeping.js';
import { DailyFileWriter } from './pipeline/record/daily-file-writer.js';
import { createRecorder } from './pipeline/record/recorder.js';
import { recordStart } from './observability/record-start.js';
import { s3ShipperOf } from './pipeline/record/s3-shipper-of.js';
import { createExecutors } from './pipeline/remediate/create-executors.js';
import { createRemediationService } from './pipeline/remediate/remediation-service.js';
import { createScheduler, intervalMsOf } from './pipeline/scheduler.js';
import { createSqliteStore } from './store/sqlite-store.js';
import { createChatService } from './bot/chat-service.js';
import { chatRulesOf } from './bot/chat-rules-of.js';
import { alertPolicyOf } from './bot/alert-policy.js';
import { idlePlatforms } from './bot/alert-routes.js';
import { aboutFactsOf } from './bot/answer-about.js';
import { pipelineHeadline } from './bot/answer-pipeline.js';
import { createNotifier } from './bot/notifier.js';
import { silencesBegun } from './bot/silence-starts.js';
import { createOnCall } from './bot/on-call.js';
import { dailyDigestOf } from './bot/daily-digest.js';
import { createWatches } from './bot/watches.js';
import { targetRefOf } from './bot/match-target.js';
import { createSubscriptions } from './bot/subscriptions.js';
import { loadChatAdapters } from './bot/load-chat-adapters.js';
import { platformExtrasOf } from './bot/suggest-options.js';
import { alertmanagerSilencesOf } from './bot/alertmanager-silences.js';
import { createIncidentReminders } from './bot/incident-reminders.js';
import { createOutboxWorker } from './bot/outbox-worker.js';
import { createWebAdapter } from './bot/web/web-adapter.js';
import type { ChatAdapter, Platform } from './core/chat.js';
import { consoleSnapshot } from './bot/web/console-snapshot.js';
import { registerAlertmanagerRoute } from './http/alertmanager-route.js';
import { createLlm } from './llm/create-llm.js';

export type { AppDeps } from './app-deps.js';

/** The one place that builds adapters and wires them together. Nothing starts until start(). */
export function createApp(deps: AppDeps) {
  const { config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const cwd = deps.cwd ?? process.cwd();
  const bootTs = clock.now();
  const store = deps.store ?? createSqliteStore(path.join(config.dataDir, 'smartcloudops.db'));
  const metrics = createMetrics();
  const writer = new DailyFileWriter(path.join(config.dataDir, 'logs'), 'records', config.retention.recordsDays, () => clock.now());
  const recorder = createRecorder(store, writer, logger.child({ component: 'recorder' }));
  // The demo's boot incident happens once per data dir, not on every restart.
  const firstBoot = Number(store.getKv('synthetic:first_boot') ?? bootTs);
  store.setKv('synthetic:first_boot', String(firstBoot));
  const sources =
    deps.sources ?? createSources({ config, logger, bootTs: firstBoot, fetch: deps.fetch, cloudwatch: deps.clients?.cloudwatch });
  const fileTargets = configTargets(config);
  const allTargets = (): Target[] => {
    const m = new Map<string, Target>();
    for (const s of sources) for (const t of s.targets()) m.set(t.name, t);
    return [...m.values()];
  };
  const targetMap = () => new Map(allTargets().map((t) => [t.name, t]));
  const slos = createSloBoard({ store, slos: config.slos, targets: allTargets, now: () => clock.now() });
  registerSloGauges(metrics.registry, slos);

  const executors = createExecutors(config, cwd, deps.clients);

  const remediation = createRemediationService({
    store,
    config: config.remediation,
    executors,
    targets: targetMap,
    logger: logger.child({ component: 'remediation' }),
    clock,
    onTransition(p, e) {
      recorder.record('remediation', e.ts, { proposal: p, event: e });
      notifier.onProposalTransition(p, e);
      if (['succeeded', 'failed', 'denied', 'expired', 'withdrawn'].includes(e.to))
        metrics.remediations.inc({ action: p.action, outcome: e.to });
    },
  });

  const engine = new DetectionEngine(config.detectors, config.thresholds, store, config.forecasts);
  const tracker = new AnomalyTracker(store.openAnomalies(), config.detectors.resolveAfterSamples);
  const pipeline = createPipeline({
    sources,
    store,
    engine,
    tracker,
    remediation,
    recorder,
    metrics,
    logger: logger.child({ component: 'pipeline' }),
    clock,
    silenceAfterMs: config.detectors.silence.enabled ? config.detectors.silence.afterSeconds * 1000 : null,
    bootTs,
  });

  const shipper = s3ShipperOf(config, store, logger, deps.clients?.s3);

  const tickIntervalMs = intervalMsOf(config.schedule);
  const housekeeping = createHousekeeping({
    store,
    engine,
    detectors: config.detectors,
    retention: config.retention,
    tickIntervalMs,
  });
  let started = false;
  const timers: NodeJS.Timeout[] = [];
  const ticks = createTickRunner({
    pipeline,
    metrics,
    clock,
    logger,
    after: housekeeping,
    pendingProposals: () => store.listProposals({ states: ['proposed'], limit: 10_000 }).length,
  });
  const runTick = ticks.run;

  const scheduler = createScheduler({
    expression: config.schedule,
    timezone: config.timezone,
    logger: logger.child({ component: 'scheduler' }),
    run: async () => void (await runTick()),
    onSkip: () => (metrics.ticksSkipped.inc(), ticks.skipped()),
  });

  const sidePort = createSidePort({ host: config.http.host, port: config.http.port, logger: logger.child({ component: 'http' }) });
  const componentHealth: Record<string, () => { ok: boolean; [k: string]: unknown }> = {};
  const components = () => Object.fromEntries(Object.entries(componentHealth).map(([k, f]) => [k, f()]));
  if (shipper) componentHealth.s3 = shipper.health;
  registerCoreRoutes(sidePort, {
    store,
    metrics,
    clock,
    targets: allTargets,
    configTargets: () => fileTargets,
    slos: slos.status,
    startedTs: bootTs,
    token: { token: config.http.webToken, users: config.http.webUsers, header: config.http.webHeader },
    health: {
      lastTickTs: ticks.lastTickTs,
      tickIntervalMs,
      ready: () => started,
      components,
    },
  });

  // Chat: one router for every platform, a notifier feeding a persistent outbox, and the web
  // console as the platform that needs no token.
  const staleAfterMs = 3 * tickIntervalMs;
  const adapters = new Map<Platform, ChatAdapter>();
  const targetRefs = () => allTargets().map(targetRefOf);
  const llm = createLlm({
    config,
    store,
    targets: targetRefs,
    clock,
    logger: logger.child({ component: 'llm' }),
    metrics,
    staleAfterMs,
    provider: deps.clients?.llm,
    detectors: engine,
  });
  const watches = createWatches({ store, targets: () => allTargets().map((t) => t.name), record: (k, ts, d) => recorder.record(k, ts, d) });
  const onCall = config.chat.onCall
    ? createOnCall(config.chat.onCall, { store, clock, record: (kind, ts, data) => recorder.record(kind, ts, data) })
    : undefined;
  const subscriptions = createSubscriptions({ store, record: (kind, ts, data) => recorder.record(kind, ts, data) });
  const chat = createChatService({
    ...(config.chat.timezone ? { teamZone: config.chat.timezone } : {}),
    onCall,
    watches,
    store,
    remediation,
    approvers: config.approvers,
    targets: targetRefs,
    clock,
    logger: logger.child({ component: 'chat' }),
    fallback: llm && ((question, meta) => llm.answer({ question, ...meta })),
    staleAfterMs,
    ...chatRulesOf(config),
    sloTracker: slos.tracker,
    detectors: engine,
    about: () =>
      aboutFactsOf(config, {
        intervalMs: tickIntervalMs,
        targets: allTargets(),
        llm: llm?.provider,
        platforms: [...adapters.keys()],
        self: {
          startedTs: bootTs,
          ...ticks.facts(),
          nextTickTs: scheduler.nextRunTs(),
          schedule: config.schedule,
          footprint: footprintOf(store),
          components: components(),
        },
        digest: digest?.next(clock.now()),
        alertmanagerWebhook: !!config.http.alertmanagerToken,
      }),
    record: (kind, ts, data) => recorder.record(kind, ts, data),
    onSilencesChanged: (changed, now) => notifier.onSilencesChanged(changed, now),
    onAcknowledged: (keys, now) => notifier.onAcknowledged(keys, now),
    onAckDelay: (ms) => metrics.ackDelay.observe(ms / 1000),
    routeRequest: (id, from) => notifier.routeRequest(id, from),
    announce: (op, key, msg, thread) => notifier.announce(op, key, msg, thread),
    subscriptions,
    alertmanagerSilences: () => amSilences?.others(),
  });
  const outbox = createOutboxWorker({
    store,
    adapters: () => adapters,
    clock,
    logger: logger.child({ component: 'outbox' }),
    minIntervalMs: { web: 0, slack: 1100, discord: 1000 },
    ...(config.chat.timezone ? { zone: config.chat.timezone } : {}),
    onDelivered: (item, ok) => metrics.chatDeliveries.inc({ platform: item.platform, outcome: ok ? 'sent' : 'retry' }),
  });
  const notifier = createNotifier({
    store,
    clock,
    subscribers: subscriptions.mentionsFor,
    logger: logger.child({ component: 'notifier' }),
    ...alertPolicyOf(config.chat, targetMap, () => adapters.keys(), onCall, store),
    onAlert: (outcome) => metrics.alerts.inc({ outcome }),
  });
  const digest = dailyDigestOf(config.chat, {
    store,
    logger,
    platforms: () => adapters.keys(),
    compose: (now, days) => chat.digest(now, days),
    composeRoute: (now, days, route) => chat.digest(now, days, route),
  });
  const incidentReminders = createIncidentReminders({
    store,
    announce: (...a) => notifier.announce(...a),
    everyMs: config.chat.incidentUpdateMinutes * 60_000,
    people: onCall,
  });
  const amSilences = alertmanagerSilencesOf(config, store, logger);
  if (amSilences) componentHealth.alertmanager_silences = amSilences.health;
  pipeline.addListener({
    onAnomalies: (changes) => {
      void amSilences?.sync(clock.now());
      const begun = silencesBegun(store, clock.now());
      if (begun.length) notifier.onSilencesChanged(begun, clock.now());
      notifier.onAnomalies(changes);
      digest?.onTick(clock.now());
      watches.onTick(clock.now());
      incidentReminders.onTick(clock.now());
      for (const a of adapters.values()) void a.refresh?.();
    },
  });
  const web = createWebAdapter({
    store,
    clock,
    access: { token: config.http.webToken, users: config.http.webUsers, header: config.http.webHeader },
    // With a rotation, the header says who is on call.
    snapshot: () => ({
      ...consoleSnapshot(store, allTargets(), clock.now(), staleAfterMs),
      onCall: onCall?.lines(clock.now(), 0).join(' · '),
      pipeline: pipelineHeadline(ticks.facts().ticks, clock.now(), tickIntervalMs),
    }),
  });
  web.register(sidePort);
  function addAdapter(a: ChatAdapter): void {
    a.onEvent(async (e) => {
      const reply = await chat.handle(e);
      metrics.chatEvents.inc({ platform: e.platform, intent: reply.intent });
      return reply;
    });
    adapters.set(a.platform, a);
    if (a.health) componentHealth[`chat_${a.platform}`] = a.health;
  }
  addAdapter(web);
  const chatExtras = platformExtrasOf(store, () => allTargets().map((t) => t.name), chat, clock);

  componentHealth.outbox = () => {
    const backlog = outbox.backlog();
    metrics.outboxBacklog.set(backlog);
    return { ok: true, backlog };
  };

  registerAlertmanagerRoute(sidePort, {
    token: config.http.alertmanagerToken,
    store,
    clock,
    onChanges: async (changes, now) => {
      for (const a of changes.opened) {
        metrics.anomalies.inc({ severity: a.severity, detector: 'alertmanager' });
        recorder.record('anomaly_opened', now, { anomaly: a, via: 'alertmanager' });
      }
      for (const a of changes.resolved) recorder.record('anomaly_resolved', now, { anomaly: a, via: 'alertmanager' });
      notifier.onAnomalies(changes);
      await remediation.propose(changes.opened, now);
    },
  });

  async function backfill(): Promise<void> {
    const until = bootTs - (bootTs % tickIntervalMs);
    const ran = await backfillHistory({
      sources,
      store,
      logger,
      hours: config.sources.backfillHours,
      until,
      stepMs: tickIntervalMs,
      feed: (src, from, to, step, now) => pipeline.backfill(src, from, to, step, now),
    });
    if (ran) store.setKv(BACKFILL_UNTIL, String(until));
    engine.persist(clock.now());
    // The invented past proposes nothing, but an anomaly still open when it ends is live: it gets the
    // proposal it would have had (posted with its alert at the first tick), not none at all.
    if (ran) await remediation.propose(pipeline.openAnomalies(), clock.now());
  }

  return {
    config,
    store,
    metrics,
    pipeline,
    remediation,
    sidePort,
    shipper,
    targets: allTargets,
    chat,
    outbox,
    notifier,
    addAdapter,
    addHealth(name: string, f: () => { ok: boolean; [k: string]: unknown }) {
      componentHealth[name] = f;
    },
    tick: runTick,

    /** Recovers state, backfills, opens the side port, runs a first tick and starts the schedule. */
    /** `oneOff`: a single pass (the `tick` command), not recorded as a start; `reload`: recorded as a reload (SIGHUP). */
    async start(opts: { schedule?: boolean; oneOff?: boolean; reload?: boolean } = {}) {
      if (!opts.oneOff) {
        const boot = recordStart({ store, recorder, config, now: clock.now(), logger, reload: opts.reload });
        metrics.buildInfo.set({ version: boot.version, config: boot.config }, 1);
      }
      remediation.recover(clock.now());
      await loadChatAdapters(config, { logger, sidePort, has: (p) => adapters.has(p), add: addAdapter, ...chatExtras });
      const idle = idlePlatforms(config.chat.routes, (p) => adapters.has(p));
      if (idle.length > 0)
        logger.warn({ platforms: idle }, 'alert routes name platforms that are not configured; those channels get nothing');
      await backfill();
      const address = await sidePort.start();
      logger.info({ address: `http://${address.address}:${address.port}` }, 'side port listening');
      for (const a of adapters.values()) await a.start();
      await scheduler.trigger();
      if (opts.schedule !== false) scheduler.start();
      outbox.start();
      slos.start();
      if (shipper) {
        const sh = shipper;
        timers.push(setInterval(() => void sh.flush(clock.now()).catch(() => undefined), config.records.s3.flushEverySeconds * 1000));
      }
      started = true;
      return address;
    },

    /** Waits for a running tick and any running action, saves model state, flushes, closes. */
    async stop() {
      started = false;
      timers.forEach(clearInterval);
      await scheduler.stop();
      await remediation.idle();
      await amSilences?.idle();
      await outbox.stop();
      await slos.stop();
      for (const a of adapters.values())
        await a.stop().catch((err: unknown) => logger.warn({ err, platform: a.platform }, 'adapter stop failed'));
      engine.persist(clock.now());
      if (shipper) await Promise.race([shipper.flush(clock.now()), new Promise((r) => setTimeout(r, 3000))]);
      await sidePort.stop();
      for (const s of sources) await s.stop?.();
      store.close();
    },
  };
}

export type App = ReturnType<typeof createApp>;
