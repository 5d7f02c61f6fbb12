import crypto from 'node:crypto';
import type { Workload } from '../Workload';
import { median, round } from '../measure';
import { benchLibrary } from '../fixtures/benchLibrary';
import { nodeRenderEnvironment } from '../../engine/node/nodeRenderEnvironment';
import { contentStoreAudio } from '../../main/media/contentStoreAudio';
import { renderProject, type RenderEnvironment } from '../../engine/common/render/renderProject';
import { residualDb } from '../../shared/dsp/residualDb';

const SECONDS = 180;

/**
 * The export path's offline render (Node, from the PCM cache) of 8 stems ×
 * 3 min at 44.1 kHz with EQ + reverb on every track: tracks apart as block
 * DSP on worker threads, reverbs as partitioned FFT convolution (PFFFT), vs
 * the whole mixer as one Web Audio graph with ConvolverNodes — what a plain
 * OfflineAudioContext does. Checks that repeated renders are bit-identical
 * and how far ours is from the graph's render (null, RMS).
 */
export const offlineRender: Workload = {
  name: 'offline-render',
  description:
    'offline render (export path, Node) of 8 stems × 3 min at 44.1 kHz with EQ + reverb on every track: tracks as block DSP on worker threads (FFT reverbs) vs the whole mixer as one Web Audio graph (ConvolverNodes)',
  async run() {
    const library = await benchLibrary('render', 8, 3, true);
    try {
      const document = library.services.projects.documentAt(library.projectId);
      const fast = await nodeRenderEnvironment(contentStoreAudio(library.services.pcm));
      const nodes: RenderEnvironment = { ...fast, runTrackStages: undefined };
      // CPU time of the whole process (every thread: the contexts' render threads, the workers) — what a shared machine cannot inflate.
      const cpu: Record<'ours' | 'peer', number[]> = { ours: [], peer: [] };
      const render = async (environment: RenderEnvironment) => {
        const started = performance.now();
        const usage = process.cpuUsage();
        const mix = await renderProject(document, environment, { includeTail: true });
        const { user, system } = process.cpuUsage(usage);
        cpu[environment === nodes ? 'peer' : 'ours'].push(round((user + system) / 1e6, 1));
        return { ms: performance.now() - started, mix };
      };
      const ours: number[] = [];
      const hashes = new Set<string>();
      let reference: Float32Array[] = [];
      for (let i = 0; i < 3; i++) {
        const { ms, mix } = await render(fast);
        ours.push(ms);
        hashes.add(mix.channels.reduce((h, c) => h.update(new Uint8Array(c.buffer, c.byteOffset, c.byteLength)), crypto.createHash('sha256')).digest('hex'));
        reference = mix.channels;
      }
      const peer: number[] = [];
      let nullDb = 0;
      for (let i = 0; i < 2; i++) {
        const { ms, mix } = await render(nodes);
        peer.push(ms);
        nullDb = round(residualDb(mix.channels, reference, { measure: 'rms' }), 1);
      }
      const o = median(ours);
      const p = median(peer);
      const bitIdentical = hashes.size === 1;
      return {
        unit: 'ms',
        ours: {
          median: o,
          samples: ours.map((s) => round(s)),
          extra: {
            realtimeFactor: round((SECONDS * 1000) / o, 1),
            cpuSeconds: cpu.ours.join(' / '),
            bitIdenticalRunToRun: String(bitIdentical),
            nullVsConvolverNodeDbRms: nullDb,
          },
        },
        peerName: 'the whole mixer as one graph with ConvolverNodes (node-web-audio-api OfflineAudioContext)',
        peer: { median: p, samples: peer.map((s) => round(s)), extra: { realtimeFactor: round((SECONDS * 1000) / p, 1), cpuSeconds: cpu.peer.join(' / ') } },
        goal: { description: '≥ 15× real time, bit-identical run to run', met: (SECONDS * 1000) / o >= 15 && bitIdentical },
      };
    } finally {
      library.close();
    }
  },
};
