/**
 * Signs the bundled demo packages, one key per (fictional) publisher, so the
 * everyday path is the signed one: the catalog shows each package's key,
 * and a library refuses a later version signed by anyone else.
 *
 * The private keys are not in the repository — a rights holder's key never
 * is. They live in STEMROOM_DEMO_KEYS (default ~/.stemroom-demo-keys) and
 * are created there when missing; re-rendering the demo catalog with new
 * keys is fine, because a library imports the demo catalog only once.
 *
 *   npx tsx scripts/demo-catalog/sign.ts [package-slug…]   (default: every package)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateEd25519KeyPair } from '../../main/trust/ed25519';
import { signPackageFolder } from '../../main/trust/packageSignature';
import { displayFingerprint } from '../../shared/rights/displayFingerprint';

const keysDir = process.env.STEMROOM_DEMO_KEYS ?? path.join(os.homedir(), '.stemroom-demo-keys');
const catalogDir = path.resolve('resources/demo-catalog');
fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });

const only = process.argv.slice(2);
for (const slug of fs
  .readdirSync(catalogDir)
  .sort()
  .filter((s) => only.length === 0 || only.includes(s))) {
  const folder = path.join(catalogDir, slug);
  if (!fs.existsSync(path.join(folder, 'manifest.json'))) continue;
  const publisher = (JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { package: { publisher: string } }).package.publisher;
  const keyFile = path.join(keysDir, `${publisher.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.key`);
  if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, generateEd25519KeyPair().privateKeyPem, { mode: 0o600, flag: 'wx' });
  const signed = signPackageFolder(folder, fs.readFileSync(keyFile, 'utf8'), new Date());
  console.log(`${slug}: signed by ${publisher}, key ${displayFingerprint(signed.fingerprint)}`);
}
