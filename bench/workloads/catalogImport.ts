import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Workload } from '../Workload';
import { round } from '../measure';
import { StemroomServices } from '../../main/services/StemroomServices';
import { writeBenchPackage } from '../fixtures/writeBenchPackage';
import { quietTask, withPeakRss } from './quietTask';

/**
 * Importing a 16 stems × 4 min package (WAV, generated here): validation,
 * hashing, copy into the content store, decode, peaks and EBU R128 loudness
 * per stem, rows in one transaction. Peer: `sha256sum` plus an `ffmpeg`
 * decode of the same files — the least any importer must do.
 */
export const catalogImport: Workload = {
  name: 'catalog-import',
  description: 'import a generated package of 16 stems × 4 min (48 kHz stereo WAV) vs sha256sum + ffmpeg decode of the same files',
  async run() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-bench-import-'));
    const pkg = path.join(root, 'package');
    writeBenchPackage(pkg, 16, 4);
    const files = fs.readdirSync(path.join(pkg, 'stems')).map((f) => path.join(pkg, 'stems', f));
    const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    const services = await StemroomServices.open(path.join(root, 'data'), { demoCatalogDir: null });
    const started = performance.now();
    const { result, peakRssMiB } = await withPeakRss(() => services.catalog.importPackage(pkg, quietTask));
    const ours = performance.now() - started;
    services.close();

    const peerStarted = performance.now();
    for (const file of files) {
      spawnSync('sha256sum', [file], { stdio: 'ignore' });
      spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-'], { stdio: 'ignore' });
    }
    const peer = performance.now() - peerStarted;
    fs.rmSync(root, { recursive: true, force: true });
    return {
      unit: 'ms',
      ours: {
        median: round(ours),
        samples: [round(ours)],
        extra: { peakRssMiB, stems: result.stems, packageMiB: round(bytes / 2 ** 20, 0), realtimeFactor: round((16 * 240 * 1000) / ours, 0) },
      },
      peerName: 'sha256sum + ffmpeg -f null decode, file by file',
      peer: { median: round(peer), samples: [round(peer)] },
      goal: { description: 'within 3× of hashing + decoding alone', met: ours <= 3 * peer },
    };
  },
};
