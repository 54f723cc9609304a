import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../../helpers/test-config.js';

const ROOT = path.resolve(__dirname, '../../..');

describe('config/slack-app-manifest.yml', () => {
  const manifest = parse(readFileSync(path.join(ROOT, 'config/slack-app-manifest.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('declares what the bot uses: /ops, mentions, DMs, interactivity, chat:write', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/ops']);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'app_mentions:read', 'im:history']));
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.im', 'app_home_opened']),
    );
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    for (const url of [
      manifest.settings.interactivity.request_url,
      manifest.settings.event_subscriptions.request_url,
      manifest.features.slash_commands[0].url,
    ]) {
      expect(url).toMatch(/\/slack\/events$/);
    }
  });

  it("type-checks against @slack/web-api's manifest type", () => {
    const dir = tempDir('sco-manifest-');
    writeFileSync(
      path.join(dir, 'm.ts'),
      `import type { AppsManifestCreateArguments } from '@slack/web-api';\nexport const m: AppsManifestCreateArguments['manifest'] = ${JSON.stringify(manifest)};\n`,
    );
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          types: ['node'],
          skipLibCheck: true,
          typeRoots: [path.join(ROOT, 'node_modules/@types')],
          paths: { '@slack/web-api': [path.join(ROOT, 'node_modules/@slack/web-api')] },
        },
        files: ['m.ts'],
      }),
    );
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const run = () => spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
    const ok = run();
    expect(ok.stdout + ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    // And it would catch a mistake.
    writeFileSync(
      path.join(dir, 'm.ts'),
      `import type { AppsManifestCreateArguments } from '@slack/web-api';\nexport const m: AppsManifestCreateArguments['manifest'] = ${JSON.stringify({ ...manifest, display_information: { ...manifest.display_information, name: 42 } })};\n`,
    );
    const bad = run();
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/error TS2322/);
  }, 60_000);
});
