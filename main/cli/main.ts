/** `stemroom` entry (bundled to dist/main/cli.mjs). */
import { installLastResort } from './lastResort';
import { runCli } from './runCli';

installLastResort();
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`stemroom: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exitCode = 1;
  },
);
