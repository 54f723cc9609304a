import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The side port's own registry: nothing here leaks into prom-client's global one. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sco_' });
  const r = [registry];
  return {
    registry,
    tickDuration: new Histogram({
      name: 'sco_tick_duration_seconds',
      help: 'Wall time of one pipeline tick',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: r,
    }),
    ticks: new Counter({ name: 'sco_ticks_total', help: 'Pipeline ticks by outcome', labelNames: ['outcome'], registers: r }),
    ticksSkipped: new Counter({
      name: 'sco_ticks_skipped_total',
      help: 'Ticks skipped because the previous one was still running',
      registers: r,
    }),
    lastTick: new Gauge({ name: 'sco_last_tick_timestamp_seconds', help: 'End of the last successful tick', registers: r }),
    // Grafana annotates deploys from it: changes(sco_last_change_timestamp_seconds[1m]) > 0.
    lastChange: new Gauge({
      name: 'sco_last_change_timestamp_seconds',
      help: 'When the latest change people recorded was ("deployed v2.3 to api-1"); 0 before any',
      registers: r,
    }),
    // 1, labelled: a config hash that differs across replicas, or changes without a deploy, is visible in Prometheus.
    buildInfo: new Gauge({
      name: 'sco_build_info',
      help: "Version and config hash (the start record's) of this process; always 1",
      labelNames: ['version', 'config'],
      registers: r,
    }),
    samples: new Counter({ name: 'sco_samples_ingested_total', help: 'Samples ingested by source', labelNames: ['source'], registers: r }),
    rejected: new Counter({
      name: 'sco_samples_rejected_total',
      help: 'Samples dropped as invalid, by reason',
      labelNames: ['reason'],
      registers: r,
    }),
    gaps: new Counter({ name: 'sco_source_gaps_total', help: 'Gaps reported by sources', labelNames: ['source'], registers: r }),
    sourceRead: new Histogram({
      name: 'sco_source_read_seconds',
      help: 'Wall time of one read of a source in a tick (the sources are read together)',
      labelNames: ['source'],
      buckets: [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: r,
    }),
    anomalies: new Counter({
      name: 'sco_anomalies_total',
      help: 'Anomalies opened, by severity and detector',
      labelNames: ['severity', 'detector'],
      registers: r,
    }),
    openAnomalies: new Gauge({ name: 'sco_open_anomalies', help: 'Anomalies currently open', registers: r }),
    remediations: new Counter({
      name: 'sco_remediations_total',
      help: 'Remediation proposals reaching a state, by action and outcome',
      labelNames: ['action', 'outcome'],
      registers: r,
    }),
    pendingProposals: new Gauge({ name: 'sco_pending_proposals', help: 'Proposals awaiting a decision', registers: r }),
    uploadBacklog: new Gauge({ name: 'sco_s3_upload_backlog', help: 'Record batches waiting for S3', registers: r }),
    chatEvents: new Counter({
      name: 'sco_chat_events_total',
      help: 'Incoming chat events by platform and intent',
      labelNames: ['platform', 'intent'],
      registers: r,
    }),
    chatDeliveries: new Counter({
      name: 'sco_chat_deliveries_total',
      help: 'Outbox deliveries by platform and outcome',
      labelNames: ['platform', 'outcome'],
      registers: r,
    }),
    alerts: new Counter({
      name: 'sco_alerts_total',
      help: 'Alert decisions: posted, joined, fleet, late (after a hold), held_silenced, held_maintenance, held_inhibited, held_pending, routed_nowhere, reminder, escalated',
      labelNames: ['outcome'],
      registers: r,
    }),
    ackDelay: new Histogram({
      name: 'sco_alert_ack_delay_seconds',
      help: 'Time from an alert opening to someone acknowledging it (time to acknowledge)',
      buckets: [60, 300, 900, 1800, 3600, 7200, 14400, 43200, 86400],
      registers: r,
    }),
    outboxBacklog: new Gauge({ name: 'sco_outbox_backlog', help: 'Chat messages waiting in the outbox', registers: r }),
    storeBytes: new Gauge({ name: 'sco_store_size_bytes', help: 'Size of the store file', registers: r }),
    llmRequests: new Counter({
      name: 'sco_llm_requests_total',
      help: 'LLM calls by provider and outcome (ok, error, timeout, rate_limited, circuit_open, rejected)',
      labelNames: ['provider', 'outcome'],
      registers: r,
    }),
    llmLatency: new Histogram({
      name: 'sco_llm_request_duration_seconds',
      help: 'Wall time of one LLM call',
      labelNames: ['provider'],
      buckets: [0.25, 0.5, 1, 2, 4, 8, 15, 30],
      registers: r,
    }),
    llmTokens: new Counter({
      name: 'sco_llm_tokens_total',
      help: 'Tokens sent (in) and received (out), as reported by the provider',
      labelNames: ['provider', 'direction'],
      registers: r,
    }),
    llmCost: new Counter({
      name: 'sco_llm_cost_usd_total',
      help: 'Estimated LLM spend in US dollars from the configured per-token prices',
      labelNames: ['provider'],
      registers: r,
    }),
    answers: new Counter({
      name: 'sco_chat_answers_total',
      help: 'Free-form answers by path: llm, llm_repaired, fallback (deterministic answer instead); lookups show in sco_chat_events_total',
      labelNames: ['path'],
      registers: r,
    }),
    unhandledRejections: new Counter({
      name: 'sco_unhandled_rejections_total',
      help: 'Promise rejections nothing handled (a library failing on input it could not read); logged, and the process carries on',
      registers: r,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
