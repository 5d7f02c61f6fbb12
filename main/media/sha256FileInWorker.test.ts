import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import { sha256FileInWorker } from './sha256FileInWorker';

it('hashes a file on a worker thread exactly as hashing it here does', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-sha-'));
  try {
    const file = path.join(dir, 'bytes.bin');
    const bytes = crypto.randomBytes(3 * 1024 * 1024 + 17);
    fs.writeFileSync(file, bytes);
    expect(await sha256FileInWorker(file)).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    await expect(sha256FileInWorker(path.join(dir, 'missing.bin'))).rejects.toThrow(/Cannot read .*missing\.bin/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
