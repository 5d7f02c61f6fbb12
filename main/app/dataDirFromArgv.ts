import path from 'node:path';

/** `--data-dir DIR` / `--data-dir=DIR` on the Electron command line, else STEMROOM_DATA_DIR, else undefined. */
export function dataDirFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1]!);
    if (arg.startsWith('--data-dir=')) return path.resolve(arg.slice('--data-dir='.length));
  }
  return env.STEMROOM_DATA_DIR ? path.resolve(env.STEMROOM_DATA_DIR) : undefined;
}
