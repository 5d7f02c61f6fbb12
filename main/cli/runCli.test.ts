import { describe, expect, it } from 'vitest';
import type { Command } from './Command';
import { tempDir } from '../../tests/helpers/tempDir';
import { runCliCaptured } from '../../tests/helpers/runCliCaptured';

const run = (args: string[], env: NodeJS.ProcessEnv = {}, commands?: Command[]) => runCliCaptured(args, env, commands);

describe('stemroom CLI', () => {
  it('lists its commands and the global options with --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/serve\s+Open the studio/);
    expect(stdout).toContain('--data-dir DIR');
    expect(stdout).toContain('--json');
  });

  it('prints library facts as JSON with --json, from --data-dir', async () => {
    const dataDir = tempDir();
    const { code, stdout } = await run(['info', '--data-dir', dataDir, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ dataDir, host: 'cli', schemaVersion: expect.any(Number) });
  });

  it('accepts global options before the command', async () => {
    const dataDir = tempDir();
    const { code, stdout } = await run(['--data-dir', dataDir, '--json', 'info']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).dataDir).toBe(dataDir);
  });

  it('fails with one line on stderr and exit 2 for an unknown command or option', async () => {
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const badOption = await run(['info', '--colour', 'red', '--data-dir', tempDir()]);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/--colour/);
  });

  it('fails with exit 1 and a clear line when the library is unusable', async () => {
    const dataDir = tempDir();
    const fs = await import('node:fs');
    fs.writeFileSync(`${dataDir}/library.sqlite`, 'x'.repeat(4096));
    const { code, stderr } = await run(['info', '--data-dir', dataDir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^stemroom: .*not a Stemroom library/);
  });

  it('prints a failure as one line, never a stack trace; STEMROOM_DEBUG=1 adds the stack', async () => {
    const broken: Command = {
      name: 'broken',
      summary: 'fails',
      usage: '',
      run: () => {
        throw new Error('the ledger moved on (head is 1, expected 0)\nsecond line');
      },
    };
    const plain = await run(['broken'], {}, [broken]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe('stemroom: the ledger moved on (head is 1, expected 0)\n');
    const debug = await run(['broken'], { STEMROOM_DEBUG: '1' }, [broken]);
    expect(debug.stderr).toMatch(/^stemroom: the ledger moved on \(head is 1, expected 0\)\nError: the ledger moved on[^]*\n {4}at /);
  });
});
