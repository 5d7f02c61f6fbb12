import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { generateEd25519KeyPair } from '../../trust/ed25519';
import { creatorLibrary, writeOriginal } from '../../../tests/fixtures/lineageFixtures';
import { decodeFile } from '../../../tests/helpers/audioCompare';
import { residualDb } from '../../../shared/dsp/residualDb';
import type { TaskHandle } from '../TaskRegistry';
import { renderStemsOffThread } from './renderStemsOffThread';

/**
 * Published stems sum to the published mix — the export file itself —
 * even when the mix is driven into the master limiter, has a reverb tail
 * and was loudness-normalised: the sum is taken by sox (an independent
 * mixer) and nulled against the export decoded by sox too.
 */
const out = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-stems-'));
let services: StemroomServices;
let exportPath: string;
let packageDir: string;
let exportId: string;
let originalDir: string;
const peak = (samples: Float32Array) => samples.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
let summary: Awaited<ReturnType<typeof callContract<'lineage.publish'>>>;

beforeAll(async () => {
  services = await creatorLibrary('Stem Maker', out);
  originalDir = writeOriginal(generateEd25519KeyPair().privateKeyPem, out);
  await callContract(services, 'catalog.import', { source: { path: originalDir } });
  const project = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix', name: 'Hot flip' });
  const { document } = await callContract(services, 'projects.open', { projectId: project.id });
  await callContract(services, 'projects.edit', {
    projectId: project.id,
    commands: [
      ...document.tracks.map((t) => ({ type: 'updateTrack' as const, trackId: t.id, changes: { gainDb: 12 } })),
      {
        type: 'addEffect',
        trackId: document.tracks[2]!.id,
        effect: { id: 'fx-verb', enabled: true, params: { type: 'reverb', decaySec: 1.5, preDelayMs: 10, mix: 0.4 } },
      },
      {
        type: 'addEffect',
        trackId: document.tracks[1]!.id,
        effect: { id: 'fx-eq', enabled: true, params: { type: 'eq3', lowDb: 6, midDb: -3, highDb: 2, lowHz: 200, highHz: 4000 } },
      },
    ],
  });
  exportPath = path.join(out, 'hot-flip.wav');
  await callContract(services, 'exports.start', {
    projectId: project.id,
    path: exportPath,
    format: 'wav',
    bitDepth: 24,
    normalizeLufs: -14,
    isrc: 'GB-HOT-26-00001',
  });
  exportId = (await callContract(services, 'exports.list', {}))[0]!.id;
  packageDir = path.join(out, 'hot-flip-package');
  summary = await callContract(services, 'lineage.publish', { exportId, terms: { revenue: { master: 5000, publishing: 5000 } }, stems: true, out: packageDir });
}, 240_000);

afterAll(() => {
  services?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

describe('published stems', () => {
  it('are the tracks, and their sum nulls against the limited, normalised export (sox sums them; < −110 dBFS peak)', async () => {
    expect(summary.stems).toEqual(['Mix', 'Drums', 'Bass', 'Lead vocal']);
    expect(summary.nullTestDb).toBeLessThan(-120);
    const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'manifest.json'), 'utf8'));
    const files = manifest.recordings[0].stems.filter((s: { mix?: boolean }) => !s.mix).map((s: { file: string }) => path.join(packageDir, s.file));
    const summed = path.join(out, 'sum.wav');
    execFileSync('sox', ['-m', ...files.flatMap((f: string) => ['-v', '1', f]), '-b', '32', '-e', 'floating-point', summed]);
    const exportAsFloat = path.join(out, 'export-float.wav');
    execFileSync('sox', [exportPath, '-b', '32', '-e', 'floating-point', exportAsFloat]);
    const [sum, mix] = await Promise.all([decodeFile(summed), decodeFile(exportAsFloat)]);
    expect(sum[0]!.length).toBe(mix[0]!.length);
    // The mix is loud (its tracks +12 dB into the limiter, then −14 LUFS): the null is real, not two silences.
    expect(peak(mix[0]!)).toBeGreaterThan(0.25);
    expect(residualDb(sum, mix, { over: 'shorter' })).toBeLessThan(-110);
    // The reverb's tail is in the vocal's stem, not lost: the stem lasts as long as the mix and still sounds after the dry vocal ends.
    const vocal = await decodeFile(files[2]!);
    const tail = vocal[0]!.subarray(Math.round(2.2 * 48000));
    expect(peak(tail)).toBeGreaterThan(1e-3);
  });

  it('are rendered on a worker thread — the same bytes as published — and cancelling stops it', async () => {
    const { record } = await callContract(services, 'exports.show', { exportId });
    const job = {
      document: services.projects.documentAt(record.project.id, record.project.revision),
      record,
      exportFile: fs.readFileSync(exportPath),
      storeRoot: services.store.root,
      tmpDir: services.store.tmpDir,
    };
    const labels: string[] = [];
    const task = (signal: AbortSignal): TaskHandle => ({
      signal,
      progress: (label, done, total) => void labels.push(`${label} ${done}/${total}`),
      throwIfCancelled: () => undefined,
    });
    const again = await renderStemsOffThread(job, task(new AbortController().signal));
    expect(again.thread).toBe('worker');
    expect(labels).toContain('Rendering stems 3/3');
    const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'manifest.json'), 'utf8'));
    const published = manifest.recordings[0].stems
      .filter((s: { mix?: boolean }) => !s.mix)
      .map((s: { file: string }) => fs.readFileSync(path.join(packageDir, s.file)));
    expect(again.stems.map((s) => Buffer.compare(s.bytes, published[again.stems.indexOf(s)]))).toEqual([0, 0, 0]);

    // Cancelled mid-job: a cancellation, not a fallback render on this thread.
    const controller = new AbortController();
    const cancelled = renderStemsOffThread(job, task(controller.signal)).catch((e: Error) => e);
    setTimeout(() => controller.abort(), 50);
    expect(await cancelled).toMatchObject({ code: 'cancelled' });
  });

  it("import into a library that holds the original: the stems carry the original's sound, as they declare (not laundering)", async () => {
    const other = await creatorLibrary('Holder', out);
    try {
      await callContract(other, 'catalog.import', { source: { path: originalDir } });
      expect(await callContract(other, 'catalog.import', { source: { path: packageDir } })).toMatchObject({ status: 'imported' });
    } finally {
      other.close();
    }
  });

  it('an MP3 export publishes its mix but no stems, with the reason', async () => {
    const project = (await callContract(services, 'projects.list', {}))[0]!;
    const mp3 = await callContract(services, 'exports.start', {
      projectId: project.id,
      path: path.join(out, 'hot.mp3'),
      format: 'mp3',
      isrc: 'GB-HOT-26-00002',
    });
    const check = await callContract(services, 'lineage.publishCheck', { exportId: mp3.exportId });
    expect(check).toMatchObject({ relicensable: true, stems: [], stemsUnavailable: expect.stringMatching(/^Stems can be published only from a lossless/) });
    const refused = await callContract(services, 'lineage.publish', {
      exportId: mp3.exportId,
      terms: { revenue: { master: 5000, publishing: 5000 } },
      stems: true,
      out: path.join(out, 'mp3-stems'),
    }).catch((e: Error) => e);
    expect((refused as Error).message).toMatch(/^Stems can be published only from a lossless/);
    expect(fs.existsSync(path.join(out, 'mp3-stems'))).toBe(false);
  });
});
