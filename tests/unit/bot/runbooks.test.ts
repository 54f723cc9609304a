import { describe, expect, it } from 'vitest';
import { runbookLinks, type Runbook } from '../../../src/bot/runbooks.js';
import type { RoutedAnomaly } from '../../../src/bot/alert-routes.js';

const targets = new Map<string, { role: string; labels: Record<string, string> }>([
  ['web-1', { role: 'web', labels: {} }],
  ['db 1', { role: 'db', labels: { team: 'storage' } }],
]);
const a = (over: Partial<RoutedAnomaly> = {}): RoutedAnomaly => ({
  target: 'web-1',
  metric: 'cpu',
  detector: 'robust',
  severity: 'warning',
  ...over,
});

describe('runbook links', () => {
  const books: Runbook[] = [
    {
      match: { labels: { team: 'storage' } },
      url: 'https://wiki.example.com/storage/{metric}?host={target}&sev={severity}',
      label: 'Storage runbook',
    },
    { match: { metrics: ['cpu', 'memory'] }, url: 'https://wiki.example.com/{metric}', label: 'Runbook' },
    { match: {}, url: 'https://wiki.example.com/general', label: 'Runbook' },
  ];

  it('takes the first match per anomaly and fills in URL-encoded placeholders', () => {
    expect(runbookLinks(books, [a({ target: 'db 1', metric: 'disk', severity: 'critical' })], targets)).toEqual([
      { label: 'Storage runbook', url: 'https://wiki.example.com/storage/disk?host=db%201&sev=critical' },
    ]);
    expect(runbookLinks(books, [a()], targets)).toEqual([{ label: 'Runbook', url: 'https://wiki.example.com/cpu' }]);
    // A host anomaly is filed under the metric it blamed.
    expect(runbookLinks(books, [a({ metric: 'host', detector: 'iforest', feature: 'memory' })], targets)[0]!.url).toBe(
      'https://wiki.example.com/memory',
    );
    expect(runbookLinks([], [a()], targets)).toEqual([]);
  });

  it('drops repeats, names the metric when labels repeat, and keeps at most three', () => {
    expect(runbookLinks(books, [a(), a({ detector: 'threshold' })], targets)).toHaveLength(1);
    expect(runbookLinks(books, [a(), a({ metric: 'memory' })], targets)).toEqual([
      { label: 'Runbook (cpu)', url: 'https://wiki.example.com/cpu' },
      { label: 'Runbook (memory)', url: 'https://wiki.example.com/memory' },
    ]);
    const many: Runbook[] = ['a', 'b', 'c', 'd'].map((m) => ({ match: { metrics: [m] }, url: `https://x.example/${m}`, label: m }));
    expect(
      runbookLinks(
        many,
        ['a', 'b', 'c', 'd'].map((m) => a({ metric: m })),
        targets,
      ).map((l) => l.label),
    ).toEqual(['a', 'b', 'c']);
  });

  it('prefers the runbook an alert brought with it (Alertmanager runbook_url)', () => {
    const own = { ...a({ metric: 'diskfull', detector: 'alertmanager' }), runbookUrl: 'https://runbooks.example.com/DiskFull' };
    expect(runbookLinks(books, [own], targets)).toEqual([{ label: 'Runbook', url: 'https://runbooks.example.com/DiskFull' }]);
    expect(runbookLinks([], [own, a()], targets)).toEqual([{ label: 'Runbook', url: 'https://runbooks.example.com/DiskFull' }]);
  });
});
