import { Gauge, type Registry } from 'prom-client';
import { BURN_WINDOWS } from '../core/slo-report.js';
import type { SloBoard } from '../status/slo-board.js';

/**
 * Each SLO (config slos) on /metrics, so Prometheus can page on a fast burn the way the SRE
 * workbook does (infra/prometheus/rules/bot.yml): the good share, the objective, the budget spent
 * and the burn rate over 1 h and 6 h. Read on scrape from the board's reports (at most once a
 * minute); with no SLO set the families are there with no series, so dashboards and rules stay valid.
 */
export function registerSloGauges(registry: Registry, o: Pick<SloBoard, 'slos' | 'reports'>): void {
  const reports = o.reports;
  const r = [registry];
  new Gauge({
    name: 'sco_slo_objective_ratio',
    help: 'Share of samples an SLO wants good (config slos)',
    labelNames: ['slo'],
    registers: r,
    collect() {
      for (const slo of o.slos) this.set({ slo: slo.name }, slo.objective / 100);
    },
  });
  new Gauge({
    name: 'sco_slo_good_ratio',
    help: 'Share of the samples kept of an SLO window that are good; absent with none',
    labelNames: ['slo'],
    registers: r,
    collect() {
      this.reset();
      for (const [slo, x] of reports()) if (x.good + x.bad > 0) this.set({ slo: slo.name }, x.good / (x.good + x.bad));
    },
  });
  new Gauge({
    name: 'sco_slo_error_budget_spent_ratio',
    help: 'Share of an SLO error budget spent over the samples kept of its window (1 = all of it)',
    labelNames: ['slo'],
    registers: r,
    collect() {
      this.reset();
      for (const [slo, x] of reports()) if (x.good + x.bad > 0) this.set({ slo: slo.name }, x.spent);
    },
  });
  new Gauge({
    name: 'sco_slo_burn_rate',
    help: 'Bad share over the window as a multiple of what the objective allows (1 spends the budget exactly over windowDays)',
    labelNames: ['slo', 'window'],
    registers: r,
    collect() {
      this.reset();
      for (const [slo, x] of reports())
        BURN_WINDOWS.forEach((w, k) => {
          if (x.burn[k] !== undefined) this.set({ slo: slo.name, window: `${w.hours}h` }, x.burn[k]!);
        });
    },
  });
}
