/**
 * Run as its own Node process (`node --import tsx renderThroughWorklet.ts`)
 * by tests/engines/nodeEngines.test.ts, under each Node version we claim:
 * loads node-web-audio-api the way main does (loadWebAudio, which installs
 * the Promise.withResolvers polyfill Node 20 needs), then renders a 750 Hz
 * sine through an AudioWorklet that halves it, and prints what it measured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadWebAudio } from '../../engine/node/webAudio';

const hadWithResolvers = 'withResolvers' in Promise;
const processor = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-worklet-')), 'half.mjs');
fs.writeFileSync(
  processor,
  `registerProcessor('half', class extends AudioWorkletProcessor {
    process([input], [output]) {
      for (let c = 0; c < output.length; c++) for (let i = 0; i < output[c].length; i++) output[c][i] = (input[c]?.[i] ?? 0) * 0.5;
      return true;
    }
  });`,
);
const webAudio = await loadWebAudio();
// Ten 128-frame blocks: node-web-audio-api's offline worklets hand each block to the worklet thread and
// back, measured here at ~0.1 s of wall time per block on a busy machine.
const context = new webAudio.OfflineAudioContext(1, 1280, 48000);
await context.audioWorklet.addModule(processor);
const source = new webAudio.OscillatorNode(context, { frequency: 750 });
source.connect(new webAudio.AudioWorkletNode(context, 'half')).connect(context.destination);
source.start();
const samples = (await context.startRendering()).getChannelData(0);
let sum = 0;
for (const sample of samples.subarray(256)) sum += sample * sample;
fs.rmSync(path.dirname(processor), { recursive: true, force: true });
console.log(JSON.stringify({ node: process.version, hadWithResolvers, rms: Math.sqrt(sum / (samples.length - 256)) }));
process.exit(0);
