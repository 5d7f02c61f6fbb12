/** `stemroom` entry (bundled to dist/main/cli.mjs). */
import { runCli } from './runCli';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`stemroom: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
