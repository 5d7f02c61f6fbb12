import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Resedit from 'resedit';
import { zipBytes, type ZipEntrySpec } from './writeZip';

/**
 * Stand-ins for Electron's release zips (its binary cannot be downloaded
 * here), laid out as electron-builder expects them in an `electronDist`
 * folder: `electron-v<version>-<platform>-<arch>.zip`. Each holds the files
 * electron-builder reads or rewrites — the executable, on macOS the bundle's
 * Info.plists and helper apps, on Windows a real PE file with version
 * resources — and, where Electron keeps it, the fuse wire (sentinel, version 1,
 * length, one byte per fuse), so @electron/fuses flips fuses in it for real.
 */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The fuses @electron/fuses 1.8 knows (RunAsNode … GrantFileProtocolExtraPrivileges), all "inherit" as shipped. */
const FUSE_COUNT = 8;
const INHERIT = 0x90;

export type DistPlatform = 'linux' | 'darwin' | 'win32';

export function fuseWire(): Buffer {
  return Buffer.concat([Buffer.from(FUSE_SENTINEL, 'ascii'), Buffer.from([1, FUSE_COUNT]), Buffer.alloc(FUSE_COUNT, INHERIT)]);
}

/** Writes one zip per platform × arch into `dir`; returns `dir`. */
export function writeFakeElectronDist(dir: string, version: string, targets: readonly { platform: DistPlatform; arch: string }[]): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const { platform, arch } of targets) {
    fs.writeFileSync(path.join(dir, `electron-v${version}-${platform}-${arch}.zip`), zipBytes(distEntries(platform, version)));
  }
  return dir;
}

function distEntries(platform: DistPlatform, version: string): ZipEntrySpec[] {
  const common: ZipEntrySpec[] = [{ name: 'LICENSE', data: Buffer.from('fake Electron licence\n') }];
  if (platform === 'linux') {
    return [
      ...common,
      { name: 'electron', data: Buffer.concat([Buffer.from('\x7fELF fake Electron\n'), fuseWire()]), mode: 0o100755 },
      { name: 'locales/en-US.pak', data: Buffer.from('pak') },
    ];
  }
  if (platform === 'win32') {
    return [...common, { name: 'electron.exe', data: fakeWindowsExecutable(version) }, { name: 'locales/en-US.pak', data: Buffer.from('pak') }];
  }
  const app = 'Electron.app/Contents';
  const helper = (suffix: string): ZipEntrySpec[] => [
    {
      name: `${app}/Frameworks/Electron Helper${suffix}.app/Contents/Info.plist`,
      data: plist({
        CFBundleExecutable: `Electron Helper${suffix}`,
        CFBundleIdentifier: 'com.github.Electron.helper',
        CFBundleName: `Electron Helper${suffix}`,
      }),
    },
    { name: `${app}/Frameworks/Electron Helper${suffix}.app/Contents/MacOS/Electron Helper${suffix}`, data: Buffer.from('Mach-O helper'), mode: 0o100755 },
  ];
  return [
    ...common,
    {
      name: `${app}/Info.plist`,
      data: plist({
        CFBundleExecutable: 'Electron',
        CFBundleIdentifier: 'com.github.Electron',
        CFBundleName: 'Electron',
        CFBundleDisplayName: 'Electron',
        CFBundleIconFile: 'electron.icns',
        CFBundleVersion: version,
        CFBundleShortVersionString: version,
      }),
    },
    { name: `${app}/MacOS/Electron`, data: Buffer.from('Mach-O fake Electron'), mode: 0o100755 },
    { name: `${app}/Frameworks/Electron Framework.framework/Electron Framework`, data: Buffer.concat([Buffer.from('Mach-O framework '), fuseWire()]) },
    { name: `${app}/Resources/electron.icns`, data: Buffer.from('icns') },
    ...helper(''),
    ...helper(' (Renderer)'),
    ...helper(' (GPU)'),
    ...helper(' (Plugin)'),
  ];
}

function plist(values: Record<string, string>): Buffer {
  const body = Object.entries(values)
    .map(([key, value]) => `  <key>${key}</key>\n  <string>${value}</string>`)
    .join('\n');
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n${body}\n</dict>\n</plist>\n`,
  );
}

/**
 * A valid (empty) PE executable with one version-info language, as
 * electron-builder edits Electron's (asar integrity, icon, version strings),
 * carrying the fuse wire as trailing data. Written with resedit, the library
 * electron-builder edits executables with.
 */
function fakeWindowsExecutable(version: string): Buffer {
  const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
  const { NtExecutable, NtExecutableResource, Resource } = requireFromBuilder('resedit') as typeof Resedit;
  const executable = NtExecutable.createEmpty(false, false);
  const resources = NtExecutableResource.from(executable);
  const versionInfo = Resource.VersionInfo.createEmpty();
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  versionInfo.setFileVersion(major, minor, patch, 0, 1033);
  versionInfo.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron', FileDescription: 'Electron', OriginalFilename: 'electron.exe' });
  versionInfo.outputToResourceEntries(resources.entries);
  resources.outputResource(executable);
  executable.setExtraData(fuseWire());
  return Buffer.from(executable.generate());
}
