/**
 * Worker thread entry: measures channels of a mix sent by measureMix
 * (shared memory, nothing copied) and writes their PCM lanes, while the
 * main thread does the same for the others. Stays up between exports.
 */
import { parentPort } from 'node:worker_threads';
import { measureChannel } from './measureChannel';
import type { ChannelJob, ChannelJobResult } from './ChannelJob';

parentPort!.on('message', (job: ChannelJob) => {
  let result: ChannelJobResult;
  try {
    const lane = job.pcm
      ? { out: new Uint8Array(job.pcm), index: job.index, channelCount: job.channelCount, bitDepth: job.bitDepth!, seed: job.seed }
      : undefined;
    const measured = measureChannel(new Float32Array(job.channel), job.sampleRate, lane);
    result = { id: job.id, truePeakDb: measured.truePeakDb, energies: measured.energies, peaks: measured.peaks };
    parentPort!.postMessage(result, [measured.energies.buffer as ArrayBuffer, measured.peaks.buffer as ArrayBuffer]);
  } catch (error) {
    result = { id: job.id, error: error instanceof Error ? error.message : String(error) };
    parentPort!.postMessage(result);
  }
});
