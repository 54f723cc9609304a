import { unitOf } from '../core/metrics.js';
import { formatValue } from './format-reply.js';

/** The unit a trend's rate is given in: per hour unless the question asks per day or per week ("how fast is disk growing per day?"). */
export type RatePer = 'hour' | 'day' | 'week';

const HOURS: Record<RatePer, number> = { hour: 1, day: 24, week: 168 };
const SHORT: Record<RatePer, string> = { hour: 'h', day: 'day', week: 'week' };

/** A percentage with more digits when small, so a slow leak or a tight scatter does not read 0. */
export function fine(metric: string, v: number): string {
  const a = Math.abs(v);
  const sign = v < 0 ? '-' : '';
  const unit = unitOf(metric);
  // Bytes per second already scale to kB/MB with a decimal; other units get more digits when small.
  if (unit === 'B/s') return `${sign}${formatValue(metric, a)}`;
  const digits = a >= 10 || a === 0 ? 0 : a >= 1 ? 1 : a >= 0.1 ? 2 : 3;
  const suffix = unit === 'ms' ? ' ms' : unit;
  return a > 0 && a < 0.0005 ? `${sign}<0.001${suffix}` : `${sign}${a.toFixed(digits)}${suffix}`;
}

/** "+1.02 %/h", "+0.36 %/day", "-120 kB/s per hour": the fitted rate (always held per hour) in the unit asked. */
export function formatRate(metric: string, perHour: number, per: RatePer = 'hour'): string {
  const v = perHour * HOURS[per];
  const sign = v > 0 ? '+' : '';
  const f = fine(metric, v);
  const unit = unitOf(metric);
  return unit === '%' ? `${sign}${f.slice(0, -1)} %/${SHORT[per]}` : unit === 'ms' ? `${sign}${f}/${SHORT[per]}` : `${sign}${f} per ${per}`;
}
