import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { sampleManifest } from '../../../tests/fixtures/sampleManifest';
import { sha256 } from '../../../tests/fixtures/writePackage';
import { tone, wavBytes } from '../../../tests/helpers/writeWav';
import { renderExportAudio } from './renderExportAudio';
import { runExportAudioJob, type ExportAudioRequest } from './exportAudioJob';
import type { TaskHandle } from '../TaskRegistry';

/**
 * Exports never run their audio work on the main thread: it runs on a
 * worker (the same audio as in-thread, bit for bit), the contract keeps
 * answering while it does, and cancelling stops it at once with nothing written.
 */
let work: string;
let services: StemroomServices;
let projectId: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-export-worker-'));
  const pkg = path.join(work, 'package');
  fs.mkdirSync(path.join(pkg, 'stems'), { recursive: true });
  const stems = [110, 220, 330, 440].map((frequency, i) => {
    const bytes = wavBytes(tone(frequency, 8, 44100, 0.1), 44100);
    const file = `stems/s${i}.wav`;
    fs.writeFileSync(path.join(pkg, file), bytes);
    return { id: `s-${i}`, name: `Stem ${i}`, kind: 'keys', file, sha256: sha256(bytes) };
  });
  const manifest = sampleManifest(stems);
  manifest.recordings[0]!.durationMs = 8_000;
  fs.writeFileSync(path.join(pkg, 'manifest.json'), JSON.stringify(manifest));
  services = await StemroomServices.open(path.join(work, 'data'), { demoCatalogDir: null, now: () => new Date('2026-11-24T12:00:00Z') });
  await callContract(services, 'settings.update', { creatorName: 'DJ Worker', territory: 'GB' });
  await callContract(services, 'catalog.import', { source: { path: pkg } });
  projectId = (await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' })).id;
  // Reverb on every track: the render takes a while, long enough to ask the contract things meanwhile.
  const { tracks } = (await callContract(services, 'projects.open', { projectId })).document;
  await callContract(services, 'projects.edit', {
    projectId,
    commands: tracks.map((track) => ({
      type: 'addEffect',
      trackId: track.id,
      effect: { id: `fx-${track.id}`, enabled: true, params: { type: 'reverb', decaySec: 2.5, preDelayMs: 10, mix: 0.3 } },
    })),
  });
}, 120_000);

afterAll(() => {
  services?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const task = (signal = new AbortController().signal): TaskHandle & { labels: string[] } => {
  const labels: string[] = [];
  return { signal, labels, progress: (label) => void labels.push(label), throwIfCancelled: () => undefined };
};

describe('export audio off the main thread', () => {
  it('runs on a worker thread and gives the same audio, bit for bit, as the same job run in-thread', async () => {
    const document = (await callContract(services, 'projects.open', { projectId })).document;
    const request: ExportAudioRequest = {
      document,
      storeRoot: services.store.root,
      tmpDir: services.store.tmpDir,
      outputRate: 44100,
      normalizeLufs: null,
      format: 'flac',
      bitDepth: 24,
    };
    const progress = task();
    const onWorker = await renderExportAudio(request, progress);
    expect(onWorker.thread).toBe('worker');
    expect(progress.labels).toEqual(expect.arrayContaining(['Preparing audio', 'Rendering', 'Limiting', 'Encoding']));
    const here = await runExportAudioJob(request, () => undefined);
    expect(onWorker.facts.audioSha256).toBe(here.facts.audioSha256);
    const tags = {
      title: 'T',
      artist: 'A',
      performers: [],
      composers: [],
      lyricists: [],
      arrangers: [],
      date: '2026-11-24',
      copyright: '',
      comment: '',
      software: 'Stemroom',
      sourceIsrcs: [],
      sourceIswcs: [],
      exportId: 'x',
      attribution: '{}',
    };
    expect(Buffer.concat(onWorker.withTags(tags)).equals(Buffer.concat(here.withTags(tags)))).toBe(true);
  });

  it('the contract keeps answering while an export renders', async () => {
    let finished = false;
    const exporting = callContract(services, 'exports.start', { projectId, path: path.join(work, 'during.wav'), format: 'wav' }).finally(
      () => (finished = true),
    );
    const latencies: number[] = [];
    while (!finished) {
      const sent = performance.now();
      await callContract(services, 'projects.list', {});
      if (!finished) latencies.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await exporting;
    // Answered many times during the export (how fast is measured in the contract-during-export benchmark).
    expect(latencies.length).toBeGreaterThanOrEqual(5);
  });

  it('cancelling stops the worker at once: refused as cancelled, no file, no ledger entry', async () => {
    const before = (await callContract(services, 'exports.list', {})).length;
    // Cancelled the moment the worker reports rendering (a warm worker renders these 8 s in well under 300 ms: a timer would come too late).
    let cancelled = false;
    const unsubscribe = services.events.subscribe((event, payload) => {
      if (
        event === 'task.progress' &&
        (payload as { taskId: string; label: string }).taskId === 'export-cancel-test' &&
        (payload as { label: string }).label === 'Rendering' &&
        !cancelled
      )
        cancelled = services.tasks.cancel('export-cancel-test');
    });
    const exporting = callContract(services, 'exports.start', {
      projectId,
      path: path.join(work, 'cancelled.wav'),
      format: 'wav',
      taskId: 'export-cancel-test',
    });
    await expect(exporting).rejects.toThrow(/Cancelled/);
    unsubscribe();
    expect(cancelled).toBe(true);
    expect(fs.existsSync(path.join(work, 'cancelled.wav'))).toBe(false);
    expect((await callContract(services, 'exports.list', {})).length).toBe(before);
    // The next export works (a fresh worker).
    const next = await callContract(services, 'exports.start', { projectId, path: path.join(work, 'after-cancel.wav'), format: 'wav' });
    expect(fs.existsSync(next.path)).toBe(true);
  });
});
