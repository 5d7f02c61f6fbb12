import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Workload } from '../Workload';
import { measure, round } from '../measure';
import { StemroomServices } from '../../main/services/StemroomServices';
import { callContract } from '../../main/cli/callContract';
import { generateEd25519KeyPair } from '../../main/trust/ed25519';
import { signPackageFolder } from '../../main/trust/packageSignature';
import { writeBenchPackage } from '../fixtures/writeBenchPackage';

/**
 * Publishing an 8 stems × 3 min remix as a source with its per-track stems:
 * every track rendered again alone through the export's limiter gain, 24-bit
 * FLAC, the null test against the export, the package verified as an
 * importer would — against exporting the same remix (what the creator
 * waited for already).
 */
export const publishStems: Workload = {
  name: 'publish-stems',
  description: 'publish an 8 stems × 3 min remix as a source with its per-track stems (render, encode, null test, verify) vs exporting it',
  async run() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-bench-publish-'));
    const pkg = path.join(root, 'package');
    const recordingId = writeBenchPackage(pkg, 8, 3);
    const manifestPath = path.join(pkg, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    manifest.format = 'stemroom-catalog/2';
    for (const licence of manifest.licences) licence.relicense = ['remix'];
    fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    signPackageFolder(pkg, generateEd25519KeyPair().privateKeyPem, new Date());
    const services = await StemroomServices.open(path.join(root, 'data'), { demoCatalogDir: null });
    await callContract(services, 'catalog.import', { source: { path: pkg } });
    await callContract(services, 'settings.update', { creatorName: 'Bench Remixer' });
    const project = await callContract(services, 'projects.create', { recordingId, kind: 'remix' });
    let n = 0;
    const exports: string[] = [];
    const peer = await measure(
      async () =>
        exports.push(
          (
            await callContract(services, 'exports.start', {
              projectId: project.id,
              path: path.join(root, `take-${n++}.wav`),
              format: 'wav',
              bitDepth: 24,
              isrc: 'ZZ-BEN-26-00001',
            })
          ).exportId,
        ),
      2,
    );
    let nullTestDb = 0;
    const ours = await measure(async () => {
      const summary = await callContract(services, 'lineage.publish', {
        exportId: exports.shift()!,
        terms: { revenue: { master: 5000, publishing: 5000 } },
        stems: true,
        out: path.join(root, `source-${n++}`),
      });
      nullTestDb = summary.nullTestDb ?? 0;
    }, 2);
    services.close();
    fs.rmSync(root, { recursive: true, force: true });
    const ratio = ours.median / peer.median;
    return {
      unit: 'ms',
      ours: { ...ours, extra: { timesTheExport: round(ratio, 2), nullTestDbfs: nullTestDb } },
      peerName: 'exporting the same remix (render + measure + encode + attribute + ledger)',
      peer,
      goal: { description: 'publishing with stems within 3× the export (each track rendered once more, plus encoding and verification)', met: ratio <= 3 },
    };
  },
};
