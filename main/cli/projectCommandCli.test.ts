import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callContract } from './callContract';
import { StemroomServices } from '../services/StemroomServices';
import { dumpDatabase } from '../../tests/helpers/dumpDatabase';
import { runCliCaptured } from '../../tests/helpers/runCliCaptured';

const cli = (...args: string[]) => runCliCaptured(args);

let dataDir: string;
let project: string;
const database = () => dumpDatabase(path.join(dataDir, 'library.sqlite'));
const say = (text: string, ...more: string[]) => cli('project', 'command', project, text, '--data-dir', dataDir, ...more);

// One library for the whole file (the tests follow one project through its history).
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-command-cli-'));
  // Copper Sky's licence forbids its vocal stem in remixes: the project starts with it audible (flagged).
  const created = await cli('project', 'create', '--recording', 'kd-r-copper-sky', '--kind', 'remix', '--json', '--data-dir', dataDir);
  project = JSON.parse(created.stdout).id;
}, 120_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('stemroom project command', () => {
  it('prints the readings with their edit commands and licence checks, and changes nothing', async () => {
    const before = database();
    const result = await say('mute the drums in the drop', '--json');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed.candidates.length).toBeGreaterThanOrEqual(3);
    expect(printed.candidates[0]).toMatchObject({
      rank: 1,
      description: 'Mute Drums in the Drop (bars 9–16) (splits its clip at bars 9 and 17)',
      licence: { allowed: true, reasons: [] },
    });
    expect(printed.candidates[0].commands.map((c: { type: string }) => c.type)).toEqual(['splitClip', 'splitClip', 'updateClip']);
    expect(printed.applied).toBeUndefined();
    expect(database()).toBe(before);

    const human = await say('mute the drums in the drop');
    expect(human.stdout).toMatch(/^"mute the drums in the drop" — \d readings:\n {2}1\. Mute Drums in the Drop/);
    expect(human.stdout).toContain('splitClip clipId="clip-kd-cs-drums" beat=32');
  });

  it('--apply N applies that reading as one undo step labelled with the sentence', async () => {
    const applied = await say('mute the vocal hook', '--apply', '1');
    expect(applied).toMatchObject({ code: 0, stderr: '' });
    expect(applied.stdout).toBe('Applied 1: Mute Vocal hook\nHistory: "mute the vocal hook" (undo it in the studio, Ctrl+Z).\n');
    const services = await StemroomServices.open(dataDir);
    try {
      const opened = await callContract(services, 'projects.open', { projectId: project });
      expect(opened.document.tracks.find((t) => t.name === 'Vocal hook')!.mute).toBe(true);
      expect(opened.history.undoLabel).toBe('mute the vocal hook');
      const revisions = await callContract(services, 'projects.revisions', { projectId: project });
      expect(revisions[0]!.label).toBe('mute the vocal hook');
      const undone = await callContract(services, 'projects.undo', { projectId: project });
      expect(undone.document.tracks.find((t) => t.name === 'Vocal hook')!.mute).toBe(false);
      await callContract(services, 'projects.redo', { projectId: project });
    } finally {
      services.close();
    }
  });

  it('shows a reading the licence forbids with its reason, and refuses to apply it: one line, nothing written', async () => {
    const shown = JSON.parse((await say('unmute the vocals', '--json')).stdout);
    expect(shown.candidates[0]).toMatchObject({ description: 'Unmute Vocal hook', licence: { allowed: false } });
    expect(shown.candidates[0].licence.reasons[0]).toMatch(/Licence KD-M-0042 does not allow the stem "Vocal hook" to be used in remixes/);
    const before = database();
    const refused = await say('unmute the vocals', '--apply', '1');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^stemroom: Reading 1 would break a licence, so it was not applied: Licence KD-M-0042 does not allow the stem "Vocal hook" to be used in remixes\.[^\n]*\n$/,
    );
    expect(database()).toBe(before);
  });

  it.each([
    [['x'.repeat(5000)], 1, /^stemroom: A command is at most 300 characters \(this one has 5000\)\.\n$/],
    [['mute the\u0007 drums'], 1, /^stemroom: A command cannot contain control characters\.\n$/],
    [['set the tempo to 99999999999999999999999', '--apply', '1'], 1, /^stemroom: The tempo must be between 20 and 300 BPM \(that number is not\)\.\n$/],
    [['mute the bass', '--apply', '99'], 1, /^stemroom: There is no reading 99: "mute the bass" has readings 1–\d\.\n$/],
    [['mute the bass', '--apply', 'abc'], 2, /^stemroom: --apply takes the number of a reading, e\.g\. --apply 1\n$/],
    [['mute the bass', '--apply', '0'], 2, /^stemroom: --apply takes the number of a reading/],
    [['x'.repeat(20_000), '--apply', '1'], 1, /^stemroom: Invalid projects\.command request: text: /],
  ])('refuses hostile input in one line, nothing written (%#)', async (args, code, stderr) => {
    const before = database();
    const [text, ...rest] = args as string[];
    const result = await say(text!, ...rest);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(stderr);
    expect(result.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
    expect(database()).toBe(before);
  });

  it('the service re-reads and re-checks: a stale or forged preview is refused, nothing written', async () => {
    const before = database();
    const services = await StemroomServices.open(dataDir);
    try {
      const forged = [{ type: 'updateTrack' as const, trackId: 'trk-kd-cs-vocals', changes: { mute: false } }];
      await expect(callContract(services, 'projects.command', { projectId: project, text: 'mute the bass', apply: 1, expect: forged })).rejects.toThrow(
        'Reading 1 is no longer what was shown (the project changed); read the sentence again.',
      );
    } finally {
      services.close();
    }
    expect(database()).toBe(before);
  });
});
