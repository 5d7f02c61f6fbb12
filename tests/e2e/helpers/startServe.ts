import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface RunningServe {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

const bin = path.resolve('bin/stemroom.js');

/**
 * Starts the real `stemroom serve` (the built CLI) on a free port and waits for its URL.
 * A new library gets the small demo songs only, unless `largeDemo` asks for the real-size
 * one too (imported in the background after start: minutes of audio most tests do not need).
 */
export function startServe(dataDir: string, extraArgs: string[] = [], options: { largeDemo?: boolean } = {}): Promise<RunningServe> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--json', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, STEMROOM_DEMO_CATALOG: options.largeDemo ? 'all' : 'small' },
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stemroom serve did not start: ${stderr}`)), 30_000);
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      let info: { url: string; port: number };
      try {
        info = JSON.parse(stdout);
      } catch {
        return;
      }
      clearTimeout(timer);
      resolve({
        ...info,
        dataDir,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stemroom serve exited with ${code}: ${stderr}`));
    });
  });
}
