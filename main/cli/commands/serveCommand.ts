import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../Command';
import { numberOption } from '../numberOption';
import { startBrowserHost } from '../../host/BrowserHost';
import { onLastResort } from '../lastResort';

/** The built renderer, beside the bundled CLI (dist/main/cli.mjs → dist/renderer). */
export function defaultRendererDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
}

/**
 * `stemroom serve [--port N]`: the studio in a browser on this machine (127.0.0.1 only, a fresh token each start); runs until Ctrl+C.
 *
 * @example
 * $ stemroom serve --port 0
 * Stemroom is running. Open this URL in a browser on this machine:
 *
 *   http://127.0.0.1:32937/?token=1utpx86ycldlzAxbZSYmWMeFWMrqFTC2
 *
 * Library: /home/mara/.config/Stemroom
 * Press Ctrl+C to stop.
 */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Open the studio in a browser on this machine (127.0.0.1, access token per start)',
  usage: '[--port N]   (default 5317; 0 picks a free port)',
  options: { port: { type: 'string' } },
  async run({ values, services, out }) {
    const port = numberOption(values, 'port', { integer: true, min: 0, max: 65535, takes: 'a port from 0 to 65535' }) ?? 5317;
    const library = await services();
    const host = await startBrowserHost({ services: library, rendererDir: defaultRendererDir(), port }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' && values.port === undefined) return startBrowserHost({ services: library, rendererDir: defaultRendererDir(), port: 0 });
      throw error;
    });
    // STEMROOM_DEMO_CATALOG=small leaves the real-size demo songs out (end-to-end tests that do not need them).
    void library.startBackgroundWork({ largeDemo: process.env.STEMROOM_DEMO_CATALOG !== 'small' });
    out.result({ url: host.url, port: host.port, dataDir: library.library.paths.dataDir }, () => [
      `Stemroom is running. Open this URL in a browser on this machine:`,
      ``,
      `  ${host.url}`,
      ``,
      `Library: ${library.library.paths.dataDir}`,
      `Press Ctrl+C to stop.`,
    ]);
    // Pending edits are written however the process is asked to stop, and even when it dies of a bug.
    const forget = onLastResort(() => library.close());
    try {
      await stopSignal(['SIGINT', 'SIGTERM', 'SIGHUP']);
      await host.close();
    } finally {
      forget();
      library.close();
    }
  },
};

/** Resolves on the first of `signals`; repeats while stopping are ignored (the default would exit unsaved). */
function stopSignal(signals: readonly NodeJS.Signals[]): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const ignore = () => undefined;
    const stop = (signal: NodeJS.Signals) => {
      for (const s of signals) {
        process.off(s, stop);
        process.on(s, ignore);
      }
      resolve(signal);
    };
    for (const s of signals) process.on(s, stop);
  });
}
