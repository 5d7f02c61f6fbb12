import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { tempDir } from '../../../tests/helpers/tempDir';
import { writePackage } from '../../../tests/fixtures/writePackage';

const now = () => new Date('2026-11-24T12:00:00Z');
let dataDir: string;
let services: StemroomServices;
const open = () => StemroomServices.open(dataDir, { demoCatalogDir: null, now });

beforeEach(async () => {
  dataDir = tempDir();
  services = await open();
  const pkg = tempDir();
  writePackage(pkg, (m) => (m.licences![0]!.stemRules = [{ stem: 's-vox', rule: 'not-usable', uses: ['cover'] }]));
  await callContract(services, 'catalog.import', { source: { path: pkg } });
});
afterEach(() => services.close());

describe('projects', () => {
  it('"Start remix" makes one track per stem at bar 1, at the recording tempo and key', async () => {
    const project = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
    expect(project).toMatchObject({ name: 'Test Song (Remix)', kind: 'remix', headRevision: 1 });
    const opened = await callContract(services, 'projects.open', { projectId: project.id });
    expect(opened.document.tracks.map((t) => t.name)).toEqual(['Drums', 'Bass', 'Lead vocal']);
    expect(opened.document.clips.every((c) => c.start === 0)).toBe(true);
    expect(opened.document).toMatchObject({ bpm: 120, key: 'A minor' });
    expect(opened.missing).toEqual([]);
    expect(opened.rights['src-s-vox']).toEqual({ usable: true, restrictions: [], licenceId: 'L-M1', stemName: 'Lead vocal', recordingTitle: 'Test Song' });
  });

  it('"Start cover" keeps only the stems the licence allows for covers, adds a record track, and flags nothing it kept', async () => {
    const project = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'cover', name: 'My cover' });
    const { document, rights } = await callContract(services, 'projects.open', { projectId: project.id });
    expect(document.tracks.map((t) => [t.name, t.kind])).toEqual([
      ['Drums', 'audio'],
      ['Bass', 'audio'],
      ['Recording', 'record'],
    ]);
    expect(Object.values(rights).every((r) => r.usable)).toBe(true);
  });

  it('refuses to start what the licences forbid, with their reasons', async () => {
    await callContract(services, 'settings.update', { territory: 'DE' });
    const pkg = tempDir();
    writePackage(
      pkg,
      (m) => {
        m.package.version = 2;
        m.licences![1]!.territories = { include: ['WORLD'], exclude: ['DE'] };
      },
      2,
    );
    await callContract(services, 'catalog.import', { source: { path: pkg } });
    await expect(callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' })).rejects.toThrow(
      /"Test Song" may not be remixed: Remixes are not allowed in Germany \(DE\) under licence L-P1\./,
    );
  });

  it('undoes and redoes edits, also after the library is closed and reopened', async () => {
    const { id } = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
    await callContract(services, 'projects.edit', { projectId: id, commands: [{ type: 'updateTrack', trackId: 'trk-s-bass', changes: { mute: true } }] });
    const afterSplit = await callContract(services, 'projects.edit', {
      projectId: id,
      commands: [{ type: 'splitClip', clipId: 'clip-s-drums', beat: 2, newClipId: 'c2' }],
    });
    expect(afterSplit).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Split clip', redoLabel: null });
    const undone = await callContract(services, 'projects.undo', { projectId: id });
    expect(undone.document.clips).toHaveLength(3);
    expect(undone.history.redoLabel).toBe('Split clip');

    services.close();
    services = await open();
    const reopened = await callContract(services, 'projects.open', { projectId: id });
    expect(reopened.document.tracks.find((t) => t.id === 'trk-s-bass')!.mute).toBe(true);
    expect(reopened.history).toEqual({ canUndo: true, canRedo: true, undoLabel: 'Mute track', redoLabel: 'Split clip' });
    const redone = await callContract(services, 'projects.redo', { projectId: id });
    expect(redone.document.clips.map((c) => c.id)).toContain('c2');
    await callContract(services, 'projects.undo', { projectId: id });
    const original = await callContract(services, 'projects.undo', { projectId: id });
    expect(original.document.tracks.every((t) => !t.mute)).toBe(true);
    await expect(callContract(services, 'projects.undo', { projectId: id })).rejects.toThrow(/nothing to undo/);
  });

  it('rejects an invalid edit with its reason and changes nothing', async () => {
    const { id } = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
    const before = (await callContract(services, 'projects.open', { projectId: id })).document;
    await expect(
      callContract(services, 'projects.edit', { projectId: id, commands: [{ type: 'updateClip', clipId: 'clip-s-bass', changes: { sourceOffset: 1.5 } }] }),
    ).rejects.toThrow(/reaches 3\.500 s into "Bass", which is only 2\.000 s long/);
    expect((await callContract(services, 'projects.open', { projectId: id })).document).toStrictEqual(before);
  });

  it('autosaves bursts of edits as revisions that can be browsed, restored and duplicated', async () => {
    const { id } = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
    for (const bpm of [121, 122, 123]) await callContract(services, 'projects.edit', { projectId: id, commands: [{ type: 'setTempo', bpm }] });
    const revisions = await callContract(services, 'projects.revisions', { projectId: id });
    expect(revisions.map((r) => r.label)).toEqual(['Change tempo (+2 more)', 'Created']);
    const restored = await callContract(services, 'projects.restoreRevision', { projectId: id, revision: 1 });
    expect(restored.document.bpm).toBe(120);
    expect(restored.history.undoLabel).toBe('Restore revision 1');
    const copy = await callContract(services, 'projects.duplicate', { projectId: id, revision: 2 });
    expect((await callContract(services, 'projects.open', { projectId: copy.id })).document.bpm).toBe(123);
    expect(copy.name).toBe('Test Song (Remix) (copy)');
  });

  it('moves projects to the trash and back', async () => {
    const { id } = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
    await callContract(services, 'projects.delete', { projectId: id });
    expect(await callContract(services, 'projects.list', {})).toEqual([]);
    expect((await callContract(services, 'projects.list', { trashed: true })).map((p) => p.id)).toEqual([id]);
    await callContract(services, 'projects.restore', { projectId: id });
    expect((await callContract(services, 'projects.list', {})).map((p) => p.id)).toEqual([id]);
  });

  it('writes the latest edits within a second, without waiting for a close', async () => {
    const { id } = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
    await callContract(services, 'projects.edit', { projectId: id, commands: [{ type: 'rename', name: 'Saved by autosave' }] });
    await new Promise((r) => setTimeout(r, 600));
    // A second process opening the same file sees the edit (nothing was closed or flushed by hand).
    const other = await StemroomServices.open(dataDir, { demoCatalogDir: null, now });
    expect((await callContract(other, 'projects.open', { projectId: id })).document.name).toBe('Saved by autosave');
    other.library.close();
  });
});
