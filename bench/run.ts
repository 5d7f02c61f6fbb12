/**
 * `npm run bench [-- workload…]`: runs the registered workloads and prints
 * one JSON document — each workload with our figure, its peer's figure
 * measured in the same run, the ratio, and whether the goal was met.
 */
import os from 'node:os';
import { workloads } from './workloads';
import { round } from './measure';
import { closeStudioFixture } from './workloads/studioBrowser';

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = only.length ? workloads.filter((w) => only.includes(w.name)) : workloads;
if (only.length && selected.length !== only.length) {
  console.error(`unknown workload; known: ${workloads.map((w) => w.name).join(', ')}`);
  process.exit(2);
}

const results = [];
// The machine is shared: each figure comes with the load average (1 min) before and after its workload.
const load = () => round(os.loadavg()[0]!, 1);
for (const workload of selected) {
  const loadBefore = load();
  process.stderr.write(`bench: ${workload.name}…\n`);
  const started = performance.now();
  try {
    const result = await workload.run();
    results.push({
      workload: workload.name,
      description: workload.description,
      unit: result.unit,
      ours: result.ours,
      peer: { name: result.peerName, ...result.peer },
      ratio: round(result.higherIsBetter ? result.ours.median / result.peer.median : result.peer.median / result.ours.median, 2),
      ratioMeaning: 'how many times better ours is than the peer (>1 = ours wins)',
      goal: result.goal,
      wallSeconds: round((performance.now() - started) / 1000, 1),
      loadAverage: { before: loadBefore, after: load() },
    });
  } catch (error) {
    results.push({ workload: workload.name, error: error instanceof Error ? error.stack : String(error) });
  }
}

const report = {
  startedAt: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  },
  results,
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
// The studio workloads' host is a child process: left running, it would outlive the run (with its library on disk).
await closeStudioFixture();
process.exit(results.some((r) => 'error' in r) ? 1 : 0);
