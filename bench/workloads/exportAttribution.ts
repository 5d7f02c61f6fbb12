import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Workload } from '../Workload';
import { measurePair, round } from '../measure';
import { StemroomServices } from '../../main/services/StemroomServices';
import { callContract } from '../../main/cli/callContract';
import { nodeRenderEnvironment } from '../../engine/node/nodeRenderEnvironment';
import { contentStoreAudio } from '../../main/media/contentStoreAudio';
import { renderProject } from '../../engine/common/render/renderProject';
import { writeBenchPackage } from '../fixtures/writeBenchPackage';

/**
 * An 8 stems × 3 min remix exported as 24-bit WAV: licence check, render,
 * loudness measurement, encode, attribution record, tags, ledger entry and
 * atomic publish — against the render alone of the same document.
 * (Normalisation is an option and left off here.)
 */
export const exportAttribution: Workload = {
  name: 'export-attribution',
  description: 'export (render + measure + encode + attribute + ledger) of an 8 stems × 3 min remix vs its render alone',
  async run() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-bench-export-'));
    const pkg = path.join(root, 'package');
    const recordingId = writeBenchPackage(pkg, 8, 3);
    const services = await StemroomServices.open(path.join(root, 'data'), { demoCatalogDir: null });
    await callContract(services, 'catalog.import', { source: { path: pkg } });
    await callContract(services, 'settings.update', { creatorName: 'Bench Remixer' });
    const project = await callContract(services, 'projects.create', { recordingId, kind: 'remix' });
    const document = services.projects.documentAt(project.id);
    let n = 0;
    const exportOnce = () =>
      callContract(services, 'exports.start', { projectId: project.id, path: path.join(root, `take-${n++}.wav`), format: 'wav', bitDepth: 24 });
    const renderOnce = async () => renderProject(document, await nodeRenderEnvironment(contentStoreAudio(services.pcm)));
    // Alternated, one of each per round: on a shared machine the load drifts, and both sides should see the same drift.
    const { ours, peer } = await measurePair(exportOnce, renderOnce, 5);
    services.close();
    fs.rmSync(root, { recursive: true, force: true });
    const overhead = ours.median / peer.median - 1;
    return {
      unit: 'ms',
      ours: { ...ours, extra: { overheadPercent: round(overhead * 100, 1), realtimeFactor: round(180_000 / ours.median, 1) } },
      peerName: 'renderProject alone (same document, same decoder)',
      peer,
      goal: { description: 'export overhead over the render a few percent at most (≤ 10 %, encoding and loudness measurement included)', met: overhead <= 0.1 },
    };
  },
};
