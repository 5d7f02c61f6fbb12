import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Workload } from '../Workload';
import { round } from '../measure';
import { benchLibrary } from '../fixtures/benchLibrary';
import { callContract } from '../../main/cli/callContract';
import { decodeAudio } from '../../main/media/decodeAudio';
import { residualDb } from '../../shared/dsp/residualDb';

/** Master gain for the comparison: 8 loud stems would otherwise drive the limiter, which sox's plain mix does not have. */
const MASTER_GAIN = 0.125;

/**
 * An export of 8 stems × 3 min at 44.1 kHz, at the project's rate (no
 * resampling anywhere), against sox's mix of the same stem files with the
 * same gain: the residual is what our render adds to a plain sum.
 */
export const exportNull: Workload = {
  name: 'export-null',
  description: 'export of 8 stems × 3 min at 44.1 kHz at the project rate vs a sox mix of the same stems: time, and the RMS residual between the two',
  async run() {
    const library = await benchLibrary('null', 8, 3, false);
    try {
      const { services, projectId, root } = library;
      await callContract(services, 'projects.edit', { projectId, commands: [{ type: 'updateMaster', changes: { gainDb: 20 * Math.log10(MASTER_GAIN) } }] });
      const started = performance.now();
      const summary = await callContract(services, 'exports.start', { projectId, path: path.join(root, 'export.wav'), format: 'wav', bitDepth: 24 });
      const ours = performance.now() - started;
      const { record } = await callContract(services, 'exports.show', { exportId: summary.exportId });
      const soxMix = path.join(root, 'sox.wav');
      const soxStarted = performance.now();
      execFileSync('sox', ['-m', ...library.stemFiles.flatMap((file) => ['-v', String(MASTER_GAIN), file]), '-b', '32', '-e', 'floating-point', soxMix]);
      const peer = performance.now() - soxStarted;
      const a = (await decodeAudio(fs.readFileSync(summary.path))).channels;
      const b = (await decodeAudio(fs.readFileSync(soxMix))).channels;
      // −Infinity: not one sample differs.
      const residual = round(residualDb(a, b, { measure: 'rms', over: 'shorter' }), 1);
      const resampled = record.output.resampling !== null;
      return {
        unit: 'ms',
        ours: {
          median: round(ours),
          samples: [round(ours)],
          extra: {
            residualDbfsRms: Number.isFinite(residual) ? residual : 'bit-exact (−∞)',
            sampleRate: record.output.sampleRate,
            resampled: String(resampled),
            lengthDifferenceFrames: a[0]!.length - b[0]!.length,
          },
        },
        peerName: 'sox -m of the same stem files (time to mix; its output is the reference)',
        peer: { median: round(peer), samples: [round(peer)] },
        goal: {
          description: 'residual below −90 dBFS RMS, exported at 44.1 kHz with no resampling',
          met: residual < -90 && !resampled && record.output.sampleRate === 44100,
        },
      };
    } finally {
      library.close();
    }
  },
};
