import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/tempDir';
import { runCliCaptured } from '../../tests/helpers/runCliCaptured';

const cli = (...args: string[]) => runCliCaptured(args);

let dataDir: string;
let copperSky: string;
let glassOrchard: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-export-cli-')); // shared by the tests (tempDir is per test)
  await cli('settings', '--creator', 'DJ Script', '--territory', 'GB', '--data-dir', dataDir);
  copperSky = JSON.parse((await cli('project', 'create', '--recording', 'kd-r-copper-sky', '--kind', 'remix', '--json', '--data-dir', dataDir)).stdout).id;
  glassOrchard = JSON.parse(
    (await cli('project', 'create', '--recording', 'emb-r-glass-orchard', '--kind', 'remix', '--json', '--data-dir', dataDir)).stdout,
  ).id;
}, 60_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('stemroom export (CLI, as a distributor script calls it)', () => {
  it('takes a negative LUFS target as the next argument: --normalize -14', async () => {
    const file = path.join(tempDir(), 'loud.wav');
    const result = await cli('export', glassOrchard, '--out', file, '--normalize', '-14', '--json', '--data-dir', dataDir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).loudness.normalizedTo).toBe(-14);
  }, 60_000);

  it('a refusal is one JSON document with every reason, and one line on stderr', async () => {
    const out = tempDir();
    // Copper Sky in Germany: both licences exclude DE, and its vocal stem may not be used at all.
    const result = await cli('export', copperSky, '--out', path.join(out, 'x.wav'), '--territory', 'de', '--json', '--data-dir', dataDir);
    expect(result.code, result.stdout).toBe(1);
    const document = JSON.parse(result.stdout);
    expect(document, result.stdout).toMatchObject({ ok: false, refused: true, error: { message: expect.stringMatching(/^export refused: /) } });
    expect(document.reasons.map((r: { code: string }) => r.code).sort()).toEqual(['stem-not-usable', 'territory-excluded', 'territory-excluded']);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('a refusal in words lists each reason with its fix', async () => {
    const result = await cli('export', copperSky, '--out', path.join(tempDir(), 'x.wav'), '--territory', 'FR', '--data-dir', dataDir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/The export is not allowed:\n {2}• Remixes are not allowed in France \(FR\) under licence KD-M-0042\. Choose a territory/);
    expect(result.stdout).toMatch(/• The vocals stem .* may not be used in remixes \(licence KD-M-0042\)\. Mute or remove track/);
  });

  it.each([
    ['export ID --out x.wav', 'normalize', 'loud'],
    ['export ID --out x.wav', 'normalize', '-100'],
    ['export ID --out x.wav', 'normalize', '-3'],
    ['export ID --out x.wav', 'normalize', '0x10'],
    ['export ID --out x.wav', 'bit-depth', '20'],
    ['export ID --out x.wav', 'bit-depth', ''],
    ['catalog list', 'limit', '1e2'],
    ['catalog list', 'limit', '-5'],
    ['serve', 'port', '-1'],
    ['analytics simulate ID', 'plays', '-3'],
    ['analytics simulate ID', 'plays', '1.5'],
    ['analytics simulate ID --plays 5', 'days', '0'],
    ['analytics simulate ID --plays 5', 'artificial', '-0.5'],
  ])('%s --%s %j: refused as a usage mistake in one line naming the range; the usage in the JSON error', async (command, option, value) => {
    const result = await cli(...command.split(' '), `--${option}`, value, '--json', '--data-dir', tempDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^stemroom: --${option} takes .*, not "${value.replace('.', '\\.')}"\\n$`));
    const name = command.split(' ').filter((w) => /^[a-z]+$/.test(w));
    const document = JSON.parse(result.stdout);
    expect(document.ok).toBe(false);
    expect(document.error.message).toMatch(new RegExp(`\\nusage: stemroom ${name.join(' ')} .*\\]`));
  });

  it('negative numbers reach every numeric option (and are then judged by its range)', async () => {
    const seed = await cli('analytics', 'simulate', 'nope', '--plays', '5', '--seed', '-7', '--json', '--data-dir', dataDir);
    expect(seed.code).toBe(1); // parsed; the export id is what is wrong
    expect(JSON.parse(seed.stdout).error.message).not.toMatch(/ambiguous/);
  });

  it('a value that only looks like an option gets the whole hint, on one line', async () => {
    const result = await cli('export', copperSky, '--title', '-x', '--data-dir', dataDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "stemroom: Option '--title' argument is ambiguous. Did you forget to specify the option argument for '--title'? To specify an option argument starting with a dash use '--title=-XYZ'.\n",
    );
  });
});
