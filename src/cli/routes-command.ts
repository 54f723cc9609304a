import { SEVERITIES, type DetectorName, type Severity } from '../core/anomaly.js';
import { InputError } from '../core/errors.js';
import type { RouteQuery } from '../bot/describe-routes.js';

const DETECTORS: readonly DetectorName[] = ['threshold', 'forecast', 'robust', 'iforest', 'silence', 'alertmanager'];

/** Reads `--target T [--metric M] [--detector D] [--severity S] [--at ISO-time]`; undefined without --target. */
export function routeQueryOf(flag: (name: string) => string | undefined, now: number): RouteQuery | undefined {
  const target = flag('--target');
  if (target === undefined) return undefined;
  const detector = (flag('--detector') ?? 'threshold') as DetectorName;
  const severity = (flag('--severity') ?? 'warning') as Severity;
  if (!DETECTORS.includes(detector)) throw new InputError(`--detector must be one of ${DETECTORS.join(', ')}`);
  if (!SEVERITIES.includes(severity)) throw new InputError(`--severity must be one of ${SEVERITIES.join(', ')}`);
  const atText = flag('--at');
  const at = atText === undefined ? now : Date.parse(atText);
  if (Number.isNaN(at)) throw new InputError('--at must be a time such as 2026-11-30T22:00:00Z');
  return { target, metric: flag('--metric') ?? 'cpu', detector, severity, at };
}
