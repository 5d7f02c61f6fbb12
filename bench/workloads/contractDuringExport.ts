import path from 'node:path';
import type { Workload } from '../Workload';
import { round } from '../measure';
import { benchLibrary } from '../fixtures/benchLibrary';
import { callContract } from '../../main/cli/callContract';
import type { StemroomServices } from '../../main/services/StemroomServices';

/** Latency of a small contract request (projects.list) sent every 10 ms for `ms`, or until `until` settles. */
async function probe(services: StemroomServices, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const sent = performance.now();
    await callContract(services, 'projects.list', {});
    latencies.push(performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return latencies;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0, 2);
};

/**
 * How the main process answers the contract while an export of 8 stems ×
 * 3 min (EQ + reverb on every track) runs — its audio on a worker thread —
 * vs the same requests with nothing running.
 */
export const contractDuringExport: Workload = {
  name: 'contract-during-export',
  description: 'latency of a contract request (projects.list, every 10 ms) while an 8 × 3 min export with EQ + reverb runs, vs with nothing running',
  async run() {
    const library = await benchLibrary('latency', 8, 3, true);
    try {
      const { services, projectId, root } = library;
      const idle = await probe(services, new Promise((resolve) => setTimeout(resolve, 3000)));
      const exporting = callContract(services, 'exports.start', { projectId, path: path.join(root, 'export.wav'), format: 'wav', bitDepth: 24 });
      const busy = await probe(services, exporting);
      await exporting;
      return {
        unit: 'ms (p99 latency)',
        ours: {
          median: percentile(busy, 99),
          samples: [percentile(busy, 50), percentile(busy, 99), percentile(busy, 100)],
          extra: { requests: busy.length, p50: percentile(busy, 50), max: percentile(busy, 100), over50ms: busy.filter((l) => l > 50).length },
        },
        peerName: 'the same requests with no export running',
        peer: {
          median: percentile(idle, 99),
          samples: [percentile(idle, 50), percentile(idle, 99), percentile(idle, 100)],
          extra: { requests: idle.length, p50: percentile(idle, 50), max: percentile(idle, 100) },
        },
        goal: { description: 'every request answered within 50 ms during the export', met: percentile(busy, 100) <= 50 },
      };
    } finally {
      library.close();
    }
  },
};
