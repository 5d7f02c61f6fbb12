import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StemroomServices } from '../services/StemroomServices';
import { callContract } from '../cli/callContract';
import { tempDir } from '../../tests/helpers/tempDir';
import { writePackage } from '../../tests/fixtures/writePackage';
import { generateEd25519KeyPair } from './ed25519';
import { signPackageFolder } from './packageSignature';

/** The code blocks of a doc, by language: what the docs tell a third party to run is run here. */
function codeBlocks(doc: string, language: string): string[] {
  const text = fs.readFileSync(path.resolve('docs', doc), 'utf8');
  return [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

describe('verification as the docs describe it, without Stemroom', () => {
  it("docs/attribution-record.md: the Node snippet verifies an export's record and its key fingerprint", async () => {
    const services = await StemroomServices.open(tempDir(), { demoCatalogDir: null });
    try {
      await callContract(services, 'settings.update', { creatorName: 'Tester' });
      const pkg = tempDir();
      writePackage(pkg);
      await callContract(services, 'catalog.import', { source: { path: pkg } });
      const { id } = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
      const summary = await callContract(services, 'exports.start', { projectId: id, path: path.join(tempDir(), 'song.flac'), format: 'flac' });
      const snippet = codeBlocks('attribution-record.md', 'js')[0]!.replace('song.flac.credits.json', summary.creditsPath);
      expect(execFileSync(process.execPath, ['-e', snippet], { encoding: 'utf8' })).toBe('true\ntrue\n');
      const record = JSON.parse(fs.readFileSync(summary.creditsPath, 'utf8'));
      fs.writeFileSync(summary.creditsPath, JSON.stringify({ ...record, credits: ['Written by somebody else.'] }));
      expect(execFileSync(process.execPath, ['-e', snippet], { encoding: 'utf8' })).toBe('false\ntrue\n');
    } finally {
      services.close();
    }
  });

  it('docs/catalog-package.md: the openssl commands verify a signed package, and fail on an edited manifest', () => {
    const dir = tempDir();
    writePackage(dir);
    signPackageFolder(dir, generateEd25519KeyPair().privateKeyPem, new Date());
    const script = codeBlocks('catalog-package.md', 'sh').find((block) => block.includes('openssl pkeyutl'))!;
    expect(execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: dir, encoding: 'utf8' })).toMatch(/Signature Verified Successfully/);
    fs.appendFileSync(path.join(dir, 'manifest.json'), ' ');
    expect(() => execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: dir, stdio: 'pipe' })).toThrow();
  });
});
