import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { tone, wavBytes } from '../../../tests/helpers/writeWav';
import { snapshotDir } from '../../../tests/helpers/snapshotDir';
import type { CatalogSource, RecordingSource } from '../../../shared/project/documentSchema';
import { testClip, testTrack } from '../../../tests/fixtures/sampleDocument';
import { uploadTake } from '../../../tests/fixtures/lineageFixtures';

let services: StemroomServices;
let dataDir: string;
let out: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-cover-'));
  out = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-cover-out-'));
  services = await StemroomServices.open(dataDir, { now: () => new Date('2026-11-24T12:00:00Z') });
  await callContract(services, 'settings.update', { creatorName: 'Ada Sings', territory: 'GB' });
}, 120_000);

afterAll(() => {
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
});

async function addTake(projectId: string, seconds: number): Promise<RecordingSource> {
  const source = await uploadTake(services, projectId, wavBytes(tone(220, seconds), 48000), 'Take 1', 'src-take-1');
  await callContract(services, 'projects.edit', {
    projectId,
    commands: [
      { type: 'addSource', source },
      {
        type: 'addClip',
        clip: testClip({ id: 'clip-take-1', trackId: 'trk-record-1', sourceId: source.id, length: (source.durationSec * source.bpm) / 60 }),
      },
    ],
  });
  return source;
}

describe('covers', () => {
  it('a cover of the recorded take credits the creator as performer and names the covered work and its publishing licence', async () => {
    // Night Ferry: its publishing licence allows covers; its master licence does not (and has expired), so no original stem is offered.
    const project = await callContract(services, 'projects.create', { recordingId: 'slt-r-night-ferry', kind: 'cover' });
    const { document } = await callContract(services, 'projects.open', { projectId: project.id });
    expect(document.tracks.map((t) => t.kind)).toEqual(['record']);
    const take = await addTake(project.id, 6);
    const file = path.join(out, 'night-ferry-cover.wav');
    const summary = await callContract(services, 'exports.start', { projectId: project.id, path: file, format: 'wav', bitDepth: 24 });
    const { record } = await callContract(services, 'exports.show', { exportId: summary.exportId });
    expect(record.creator).toEqual({ name: 'Ada Sings', role: 'performer' });
    expect(record.ownRecordings).toEqual([expect.objectContaining({ sha256: take.sha256, name: 'Take 1', performer: 'Ada Sings' })]);
    expect(record.sources).toEqual([]);
    expect(record.covered?.work).toMatchObject({ title: 'Night Ferry', iswc: expect.stringMatching(/^T\d{10}$/) });
    expect(record.covered!.work.writers.map((w) => w.name).length).toBeGreaterThan(0);
    expect(record.licences.map((l) => `${l.type} ${l.id}`)).toEqual(['publishing HLM-P-0815']);
    expect(record.splits.master).toEqual([expect.objectContaining({ name: 'Ada Sings', shareBp: 10000 })]);
    expect(record.splits.publishing.reduce((a, s) => a + s.shareBp, 0)).toBe(10000);
    expect(summary.credits[1]).toMatch(/^Cover of 'Night Ferry' written by .+ \(ISWC T-\d{3}\.\d{3}\.\d{3}-\d\), originally recorded by The Lantern Club/);
    // The writers reach the file's own tags, read back by an independent tool.
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format_tags', '-of', 'json', file], { encoding: 'utf8' })).format
      .tags as Record<string, string>;
    expect(probe.comment).toContain(`Cover by Ada Sings. Written by ${record.covered!.work.writers.map((w) => w.name).join(', ')}`);
  });

  it('the same cover with a master stem its licence does not allow is refused, and nothing is written', async () => {
    const project = await callContract(services, 'projects.create', { recordingId: 'slt-r-night-ferry', kind: 'cover', name: 'Night Ferry with strings' });
    await addTake(project.id, 4);
    const recording = await callContract(services, 'catalog.recording', { id: 'slt-r-night-ferry' });
    const strings = recording.stems.find((s) => s.kind === 'keys' || /strings/i.test(s.name))!;
    const source: CatalogSource = {
      id: 'src-strings',
      type: 'catalog',
      stemId: strings.id,
      recordingId: recording.id,
      packageId: recording.package.id,
      sha256: strings.sha256,
      name: strings.name,
      kind: strings.kind as CatalogSource['kind'],
      bpm: recording.bpm,
      key: recording.key,
      durationSec: strings.durationSec,
      sampleRate: strings.sampleRate,
    };
    await callContract(services, 'projects.edit', {
      projectId: project.id,
      commands: [
        { type: 'addSource', source },
        {
          type: 'addTrack',
          track: testTrack({ id: 'trk-strings', name: 'Strings', color: '#8f7dff', kind: 'audio' }),
        },
        {
          type: 'addClip',
          clip: testClip({ id: 'clip-strings', trackId: 'trk-strings', sourceId: 'src-strings', length: 8 }),
        },
      ],
    });
    const check = await callContract(services, 'exports.check', { projectId: project.id });
    expect(check.allowed).toBe(false);
    expect(check.reasons.map((r) => r.message).join(' ')).toMatch(/Licence SLT-M-0203 does not permit covers/);
    const before = snapshotDir(out);
    const ledgerBefore = (await callContract(services, 'ledger.verify', {})).entries;
    await expect(callContract(services, 'exports.start', { projectId: project.id, path: path.join(out, 'refused.wav'), format: 'wav' })).rejects.toThrow(
      /not allowed|expired/,
    );
    expect(snapshotDir(out)).toEqual(before);
    expect((await callContract(services, 'ledger.verify', {})).entries).toBe(ledgerBefore);
    // Muting the strings (the take alone is heard) makes it allowed again.
    await callContract(services, 'projects.edit', {
      projectId: project.id,
      commands: [{ type: 'updateTrack', trackId: 'trk-strings', changes: { mute: true } }],
    });
    expect((await callContract(services, 'exports.check', { projectId: project.id })).allowed).toBe(true);
  });

  it('refuses a take that is not audio, keeping nothing', async () => {
    const storeBefore = snapshotDir(path.join(dataDir, 'store'));
    const uploadId = await services.uploads.receive(Readable.from(Buffer.from('RIFF....WAVEnot really')));
    await expect(callContract(services, 'recordings.add', { uploadId, name: 'Broken' })).rejects.toThrow(/The recording/);
    expect(snapshotDir(path.join(dataDir, 'store'))).toEqual(storeBefore);
  });
});
