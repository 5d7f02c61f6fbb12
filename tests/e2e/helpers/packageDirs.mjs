// Runs electron-builder on this project's electron-builder.yml for the `dir`
// target of each platform/arch given, with an Electron distribution from
// `electronDist` (a folder of electron-v<version>-<platform>-<arch>.zip) and
// without rebuilding native modules for Electron's ABI (that needs Electron's
// headers from outside the npm registry). Everything else — file matching,
// asar, asarUnpack, afterPack, fuses, Info.plist, executable resources — is
// electron-builder's own. Usage: node packageDirs.mjs OUT_DIR ELECTRON_DIST '[{"platform":"linux","arch":"x64"}]'
import { Arch, Platform, build } from 'electron-builder';

const [outDir, electronDist, targetsJson] = process.argv.slice(2);
const platforms = { linux: Platform.LINUX, darwin: Platform.MAC, win32: Platform.WINDOWS };
const targets = new Map();
for (const { platform, arch } of JSON.parse(targetsJson)) {
  const key = platforms[platform];
  targets.set(key, new Map([...(targets.get(key) ?? []), [Arch[arch], ['dir']]]));
}
const electronVersion = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync('package.json', 'utf8'))).optionalDependencies.electron.replace(
  /^[\^~]/,
  '',
);
await build({
  targets,
  publish: 'never',
  config: { electronDist, electronVersion, npmRebuild: false, directories: { output: outDir } },
});
