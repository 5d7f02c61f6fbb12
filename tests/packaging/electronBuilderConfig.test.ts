import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'app-builder-lib';

/**
 * electron-builder.yml as electron-builder itself loads and validates it
 * (its own loader and JSON-schema check: a misspelt fuse or key fails here).
 * What it packages is proven by tests/e2e/packaging.e2e.test.ts, which runs
 * electron-builder on it; this checks the statements of the file.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const { getConfig, validateConfiguration } = builderRequire('./out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const plist = builderRequire('plist') as { parse(text: string): unknown };

async function loadConfig(): Promise<Configuration> {
  const config = await getConfig(root, 'electron-builder.yml', null);
  await validateConfiguration(config, { isEnabled: false, add() {} });
  return config;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(loadConfig()).resolves.toMatchObject({ appId: 'org.stemroom.studio', productName: 'Stemroom' });
  });

  it('flips every hardening fuse, by the names electron-builder 26 reads', async () => {
    expect((await loadConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('macOS: hardened runtime, microphone text, and entitlements granting JIT and audio input only (main process and helpers)', async () => {
    const mac = (await loadConfig()).mac!;
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.extendInfo).toMatchObject({ NSMicrophoneUsageDescription: expect.stringMatching(/records/) });
    for (const file of [mac.entitlements!, mac.entitlementsInherit!]) {
      const granted = plist.parse(fs.readFileSync(path.join(root, file), 'utf8'));
      expect(granted, file).toEqual({ 'com.apple.security.cs.allow-jit': true, 'com.apple.security.device.audio-input': true });
    }
  });

  it('keeps every native module, every bundled worker and every package a worker loads by name outside the archive', async () => {
    // The build leaves these packages external; a worker thread resolves them from disk, not from the archive.
    const build = fs.readFileSync(path.join(root, 'scripts', 'build.mjs'), 'utf8');
    const external = JSON.parse(build.match(/const external = (\[[^\]]*\]);/)![1]!.replaceAll("'", '"')) as string[];
    const loadedByWorkers = external.filter((name) => name !== 'electron' && name !== 'better-sqlite3');
    expect(loadedByWorkers.length).toBeGreaterThan(0);
    expect((await loadConfig()).asarUnpack).toEqual(['**/*.node', 'dist/main/*Worker.mjs', ...loadedByWorkers.map((name) => `node_modules/${name}/**`)]);
  });

  it("adds to each platform only its own node-web-audio-api binary, for the arch being built, named as the package's loader asks for it", async () => {
    const config = await loadConfig();
    const loader = fs.readFileSync(path.join(root, 'node_modules', 'node-web-audio-api', 'load-native.js'), 'utf8');
    const cases = [
      ['linux', config.linux, ['x64', 'arm64']],
      ['mac', config.mac, ['x64', 'arm64']],
      ['win', config.win, ['x64', 'arm64']],
    ] as const;
    for (const [name, platform, arches] of cases) {
      const [set] = platform!.files as { from: string; to: string; filter: string[] }[];
      expect(set, name).toMatchObject({ from: 'node_modules/node-web-audio-api', to: 'node_modules/node-web-audio-api' });
      for (const arch of arches) {
        const file = set!.filter[0]!.replace('${arch}', arch);
        expect(loader, `${name} ${arch}: ${file}`).toContain(`require('./${file}')`);
        expect(fs.existsSync(path.join(root, 'node_modules', 'node-web-audio-api', file)), file).toBe(true);
      }
    }
    expect(config.files).toEqual(
      expect.arrayContaining([expect.objectContaining({ filter: expect.arrayContaining(['!node_modules/node-web-audio-api/*.node']) })]),
    );
  });

  it('targets x64 and arm64 installers on every platform, with the generated icons', async () => {
    const config = await loadConfig();
    const arches = (targets: unknown) => (targets as { arch: string[] }[]).flatMap((target) => target.arch);
    expect(arches(config.linux!.target)).toEqual(['x64', 'arm64', 'x64', 'arm64']);
    expect(arches(config.mac!.target)).toEqual(['x64', 'arm64']);
    expect(arches(config.win!.target)).toEqual(['x64', 'arm64']);
    expect([config.linux!.icon, config.mac!.icon, config.win!.icon]).toEqual(['build/icons/png', 'build/icons/icon.icns', 'build/icons/icon.ico']);
  });
});
