import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type * as Resedit from 'resedit';
import { writeFakeElectronDist, type DistPlatform } from '../helpers/fakeElectronDist';
import { runtimePackages } from '../packaging/runtimePackages';

/**
 * The real electron-builder.yml packaged by electron-builder itself (`dir`
 * target, the step every installer starts from) for Linux x64, macOS arm64
 * and Windows x64, over stand-ins for Electron's release zips (its binary
 * cannot be downloaded here). Only the native rebuild for Electron's ABI is
 * skipped. Then: what each app carries, its fuses, its asar integrity
 * record, its unpacked files; and on this machine's platform the packaged
 * code is run with Node.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
// resedit and plist as electron-builder itself resolves them (they are its dependencies, not ours).
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const { NtExecutable, NtExecutableResource, Resource } = requireFromBuilder('resedit') as typeof Resedit;
const plist = requireFromBuilder('plist') as { parse(text: string): unknown };

interface InfoPlist {
  readonly ElectronAsarIntegrity: Record<string, { algorithm: string; hash: string }>;
  readonly NSMicrophoneUsageDescription: string;
  readonly CFBundleIdentifier: string;
  readonly CFBundleIconFile: string;
}
const readInfoPlist = (file: string) => plist.parse(fs.readFileSync(file, 'utf8')) as InfoPlist;

interface Target {
  readonly platform: DistPlatform;
  readonly arch: 'x64' | 'arm64';
  /** The app folder electron-builder writes, relative to its output. */
  readonly appDir: string;
  /** Where app.asar lives inside it. */
  readonly resources: string;
  /** The file holding the fuse wire. */
  readonly fuseFile: string;
  /** node-web-audio-api's binary for this target, as its loader names it. */
  readonly audioBinary: string;
}

const targets: Target[] = [
  {
    platform: 'linux',
    arch: 'x64',
    appDir: 'linux-unpacked',
    resources: 'resources',
    fuseFile: 'stemroom',
    audioBinary: 'node-web-audio-api.linux-x64-gnu.node',
  },
  {
    platform: 'darwin',
    arch: 'arm64',
    appDir: 'mac-arm64',
    resources: 'Stemroom.app/Contents/Resources',
    fuseFile: 'Stemroom.app',
    audioBinary: 'node-web-audio-api.darwin-arm64.node',
  },
  {
    platform: 'win32',
    arch: 'x64',
    appDir: 'win-unpacked',
    resources: 'resources',
    fuseFile: 'Stemroom.exe',
    audioBinary: 'node-web-audio-api.win32-x64-msvc.node',
  },
];

let work: string;
let out: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-packaging-'));
  out = path.join(work, 'release');
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).optionalDependencies.electron.replace(/^[\^~]/, '');
  const dist = writeFakeElectronDist(path.join(work, 'electron-dist'), electronVersion, targets);
  execFileSync(process.execPath, [path.join(root, 'scripts', 'generateIcons.mjs')], { cwd: root, stdio: 'pipe' });
  execFileSync(
    process.execPath,
    [path.join(root, 'tests', 'e2e', 'helpers', 'packageDirs.mjs'), out, dist, JSON.stringify(targets.map(({ platform, arch }) => ({ platform, arch })))],
    {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
    },
  );
}, 300_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Every file (not folder) the archive lists, with whether it is kept outside it. */
function archiveFiles(target: Target): { file: string; unpacked: boolean }[] {
  const archive = path.join(out, target.appDir, target.resources, 'app.asar');
  return asar
    .listPackage(archive, { isPack: false })
    .map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''))
    .filter((file) => 'size' in asar.statFile(archive, file))
    .map((file) => ({ file, unpacked: (asar.statFile(archive, file) as { unpacked?: boolean }).unpacked === true }));
}

function unpackedFiles(target: Target): string[] {
  const dir = path.join(out, target.appDir, target.resources, 'app.asar.unpacked');
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.replace(/\\/g, '/'))
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

function packageOf(file: string): string | null {
  const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  return match ? match[1]! : null;
}

const builtDist = () =>
  (fs.readdirSync(path.join(root, 'dist'), { recursive: true }) as string[])
    .map((f) => `dist/${f.replace(/\\/g, '/')}`)
    .filter((f) => fs.statSync(path.join(root, f)).isFile());

describe.each(targets)('the $platform-$arch app', (target) => {
  it('flips the fuses: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect; app code from a checked app.asar only; encrypted cookies', async () => {
    const wire = await getCurrentFuseWire(path.join(out, target.appDir, target.fuseFile));
    const ENABLE = 0x31;
    const DISABLE = 0x30;
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      cookies: wire[FuseV1Options.EnableCookieEncryption],
      fileProtocol: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({ runAsNode: DISABLE, nodeOptions: DISABLE, inspect: DISABLE, asarIntegrity: ENABLE, onlyAsar: ENABLE, cookies: ENABLE, fileProtocol: DISABLE });
  });

  it('packs the built app without source maps, and none of the project around it', () => {
    const files = archiveFiles(target).map((entry) => entry.file);
    const own = files.filter((file) => !file.startsWith('node_modules/'));
    const expected = [...builtDist().filter((file) => !file.endsWith('.map')), 'package.json'];
    expect(own.sort()).toEqual(expected.sort());
  });

  it('carries exactly the packages the app loads at run time (not what installing them needed)', () => {
    const packaged = new Set(
      archiveFiles(target)
        .map((entry) => packageOf(entry.file))
        .filter((name): name is string => name !== null),
    );
    expect([...packaged].sort()).toEqual(runtimePackages(root).sort());
  });

  it("keeps its own platform's native binaries only, outside the archive", () => {
    const natives = unpackedFiles(target).filter((file) => file.endsWith('.node'));
    expect(natives).toEqual([`node_modules/better-sqlite3/build/Release/better_sqlite3.node`, `node_modules/node-web-audio-api/${target.audioBinary}`].sort());
    // better-sqlite3: the module and its lib, not the SQLite sources, objects or node-gyp files.
    const sqlite = archiveFiles(target)
      .filter((entry) => entry.file.startsWith('node_modules/better-sqlite3/'))
      .map((entry) => entry.file);
    expect(
      sqlite.filter((file) => !/^node_modules\/better-sqlite3\/(lib\/.+\.js|package\.json|LICENSE|build\/Release\/better_sqlite3\.node)$/.test(file)),
    ).toEqual([]);
  });

  it('keeps every worker script, and every package a worker imports, outside the archive', () => {
    const unpacked = new Set(unpackedFiles(target));
    const workers = builtDist().filter((file) => /^dist\/main\/[^/]*Worker\.mjs$/.test(file));
    expect(workers.length).toBeGreaterThan(0);
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    for (const worker of workers) {
      expect(unpacked, `${worker} must be in asarUnpack`).toContain(worker);
      const source = fs.readFileSync(path.join(root, worker), 'utf8');
      const imported = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"'./][^"']*)["']/g)].map((m) => m[1]!);
      for (const specifier of imported.filter((name) => !builtins.has(name) && !builtins.has(name.split('/')[0]!))) {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        const inArchive = archiveFiles(target).filter((entry) => packageOf(entry.file) === name);
        expect(
          inArchive.filter((entry) => !entry.unpacked).map((entry) => entry.file),
          `${worker} imports ${name}: unpack node_modules/${name}/** too`,
        ).toEqual([]);
      }
    }
  });

  it('records the archive header hash the integrity fuse checks', () => {
    const archive = path.join(out, target.appDir, target.resources, 'app.asar');
    const header = asar.getRawHeader(archive).headerString;
    const expected = crypto.createHash('sha256').update(header).digest('hex');
    if (target.platform === 'darwin') {
      const info = readInfoPlist(path.join(out, target.appDir, 'Stemroom.app/Contents/Info.plist'));
      expect(info.ElectronAsarIntegrity['Resources/app.asar']).toEqual({ algorithm: 'SHA256', hash: expected });
    } else if (target.platform === 'win32') {
      const resources = NtExecutableResource.from(NtExecutable.from(fs.readFileSync(path.join(out, target.appDir, target.fuseFile))));
      const record = resources.entries.find((entry) => entry.type === 'INTEGRITY' && entry.id === 'ELECTRONASAR');
      expect(JSON.parse(Buffer.from(record!.bin).toString('utf8'))).toEqual([{ file: 'resources\\app.asar', alg: 'SHA256', value: expected }]);
    } else {
      // Linux has no embedded integrity record (Electron checks it on macOS and Windows only).
      expect(header.length).toBeGreaterThan(0);
    }
  });
});

describe('platform specifics', () => {
  it('macOS: microphone prompt text, icon from the SVG, helpers renamed', () => {
    const contents = path.join(out, 'mac-arm64', 'Stemroom.app', 'Contents');
    const info = readInfoPlist(path.join(contents, 'Info.plist'));
    expect(info.NSMicrophoneUsageDescription).toMatch(/records your performance/);
    expect(info.CFBundleIdentifier).toBe('org.stemroom.studio');
    expect(fs.readFileSync(path.join(contents, 'Resources', info.CFBundleIconFile))).toEqual(fs.readFileSync(path.join(root, 'build', 'icons', 'icon.icns')));
    expect(fs.readdirSync(path.join(contents, 'Frameworks')).sort()).toEqual(
      [
        'Electron Framework.framework',
        'Stemroom Helper (GPU).app',
        'Stemroom Helper (Plugin).app',
        'Stemroom Helper (Renderer).app',
        'Stemroom Helper.app',
      ].sort(),
    );
  });

  it('Windows: the executable carries the generated icon (16–256 px) and the product name', () => {
    const resources = NtExecutableResource.from(NtExecutable.from(fs.readFileSync(path.join(out, 'win-unpacked', 'Stemroom.exe'))));
    const [group] = Resource.IconGroupEntry.fromEntries(resources.entries);
    expect(group!.icons.map((icon) => (icon.width === 0 ? 256 : icon.width))).toEqual([16, 24, 32, 48, 64, 128, 256]);
    const [versionInfo] = Resource.VersionInfo.fromEntries(resources.entries);
    expect(versionInfo!.getStringValues({ lang: 1033, codepage: 1200 })).toMatchObject({ ProductName: 'Stemroom', FileDescription: 'Stemroom' });
  });

  it('the packaged code runs: on this machine the Linux x64 app opens a library and renders audio with its own modules', () => {
    if (process.platform !== 'linux' || process.arch !== 'x64') return void console.log('packaging: the packaged code runs on Linux x64 only; skipped here');
    const extracted = path.join(work, 'extracted');
    asar.extractAll(path.join(out, 'linux-unpacked', 'resources', 'app.asar'), extracted);
    const dataDir = path.join(work, 'library');
    const info = JSON.parse(
      execFileSync(process.execPath, [path.join(extracted, 'dist', 'main', 'cli.mjs'), 'info', '--json', '--data-dir', dataDir], { encoding: 'utf8' }),
    );
    expect(info).toMatchObject({ dataDir });
    // node-web-audio-api and the LAME encoder from the packaged tree (not the project's node_modules): a 1 kHz tone, measured.
    const script = `
      if (!Promise.withResolvers) Promise.withResolvers = () => { let resolve, reject; const promise = new Promise((a, b) => { resolve = a; reject = b; }); return { promise, resolve, reject }; };
      const { OfflineAudioContext, OscillatorNode } = await import('node-web-audio-api');
      const context = new OfflineAudioContext(1, 48000, 48000);
      const source = new OscillatorNode(context, { frequency: 1000 }); source.connect(context.destination); source.start();
      const samples = (await context.startRendering()).getChannelData(0);
      let sum = 0; for (const s of samples) sum += s * s;
      const { createMp3Encoder } = await import('wasm-media-encoders');
      const encoder = await createMp3Encoder();
      encoder.configure({ sampleRate: 48000, channels: 1, bitrate: 128 });
      let mp3 = 0;
      for (let start = 0; start < samples.length; start += 4608) mp3 += encoder.encode([samples.subarray(start, start + 4608)]).length;
      mp3 += encoder.finalize().length;
      console.log(JSON.stringify({ rms: Math.sqrt(sum / samples.length), mp3, from: import.meta.resolve('node-web-audio-api') }));`;
    const result = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: extracted, encoding: 'utf8' }));
    expect(result.from).toContain(extracted);
    expect(result.rms).toBeCloseTo(Math.SQRT1_2, 2);
    expect(result.mp3).toBeGreaterThan(1000);
  });
});
