import type { AnswerContext } from './answer-context.js';
import { describeMatch, routeMatches, type RouteMatch } from './alert-routes.js';
import { inhibitName, type InhibitRule } from './inhibit-rules.js';
import type { TargetRef } from './match-target.js';
import type { DependentsIntent } from './parse-dependents.js';

/**
 * "Which hosts depend on db-1?", "what does api-1 depend on?": the only dependencies I know are
 * the ones chat.inhibit declares (a source whose open alert holds another's), so the answer is
 * read from them: for each rule, the hosts on the other side, narrowed by its `equal` fields that
 * are facts of a host (target, role, labels). No service map is read, and the reply says so. Pure.
 */
export function answerDependents(i: DependentsIntent, c: AnswerContext): string {
  const rules = c.routing?.inhibit ?? [];
  const asked = i.target ? [i.target] : (i.group ?? []);
  const hosts = c.targets;
  const facts = (name: string) => hosts.find((t) => t.name === name);
  const none =
    'I know no service map: the only dependencies I read are the inhibit rules in chat.inhibit (while a source has an alert open, alerts it causes are held; decision 0053).';
  if (!rules.length) return `${none} None is set, so I cannot say what depends on what.`;
  if (!asked.length) {
    return [
      `Dependencies declared in chat.inhibit (${rules.length}):`,
      ...rules.map((r, k) => `• ${inhibitName(r, k)}: ${names(hostsOn(r.source, hosts))} → ${names(hostsOn(r.target, hosts))}`),
      none,
    ].join('\n');
  }
  const lines: string[] = [];
  for (const name of asked) {
    const self = facts(name);
    for (const [k, r] of rules.entries()) {
      const [mine, other] = i.upstream ? [r.target, r.source] : [r.source, r.target];
      if (!onHost(mine, name, self)) continue;
      const others = hostsOn(other, hosts).filter((t) => t.name !== name && sameFacts(r, name, self, t));
      if (!others.length) continue;
      lines.push(
        i.upstream
          ? `• ${name} depends on ${names(others)} (${quote(inhibitName(r, k))}): while ${others.length === 1 ? others[0]!.name : 'one of them'} has ${alertOf(r.source, 'an alert')} open, ${name}'s ${alertOf(r.target, 'alerts')} are held.`
          : `• ${names(others)} ${others.length === 1 ? 'depends' : 'depend'} on ${name} (${quote(inhibitName(r, k))}): while ${name} has ${alertOf(r.source, 'an alert')} open, ${others.length === 1 ? `${others[0]!.name}'s` : 'their'} ${alertOf(r.target, 'alerts')} are held.`,
      );
    }
  }
  const who = asked.join(', ');
  if (!lines.length)
    return `${i.upstream ? `${who} depends on nothing` : `Nothing depends on ${who}`} as far as chat.inhibit says (${rules.length} rule${rules.length === 1 ? '' : 's'}; "what holds alerts?" lists them). ${none}`;
  return [`${i.upstream ? `What ${who} depends on` : `What depends on ${who}`}, as chat.inhibit declares it:`, ...lines, none].join('\n');
}

/** The hosts a match can be about: its host facts only (the metric and severity narrow alerts, not hosts). */
function hostsOn(m: RouteMatch, hosts: readonly TargetRef[]): TargetRef[] {
  return hosts.filter((t) => onHost(m, t.name, t));
}

function onHost(m: RouteMatch, name: string, t: TargetRef | undefined): boolean {
  const host: RouteMatch = {
    ...(m.targets ? { targets: m.targets } : {}),
    ...(m.roles ? { roles: m.roles } : {}),
    ...(m.labels ? { labels: m.labels } : {}),
  };
  return routeMatches(
    host,
    { target: name, metric: '', detector: 'threshold', severity: 'warning' },
    { role: t?.role ?? undefined, labels: t?.labels ?? {} },
  );
}

/** The rule's `equal` fields that are host facts must agree ("equal: [env]": only the same env's hosts). */
function sameFacts(r: InhibitRule, name: string, a: TargetRef | undefined, b: TargetRef): boolean {
  return r.equal.every((key) => {
    if (key === 'target') return name === b.name;
    if (key === 'role') return (a?.role ?? undefined) === (b.role ?? undefined);
    if (['metric', 'severity', 'detector'].includes(key)) return true;
    return a?.labels?.[key] === b.labels?.[key];
  });
}

/** "an alert of severity critical", "alerts of metric latency_ms": a side of a rule, without its hosts. */
function alertOf(m: RouteMatch, noun: 'an alert' | 'alerts'): string {
  const { targets: _t, roles: _r, labels: _l, ...rest } = m;
  const what = describeMatch(rest);
  return what === 'every alert' ? noun : `${noun} of ${what}`;
}

const names = (list: readonly TargetRef[]) => (list.length ? list.map((t) => t.name).join(', ') : 'no target here');
const quote = (s: string) => `"${s}"`;
