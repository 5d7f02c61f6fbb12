import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { syncFile } from './syncFile';
import { writeNewFileSynced } from './writeNewFileSynced';

const SHA256 = /^[0-9a-f]{64}$/;

/** What `put` did: `added` is false when the store already held these bytes. */
export interface StoredBlob {
  readonly sha256: string;
  readonly size: number;
  readonly added: boolean;
}

/**
 * Content-addressed files under `store/ab/abcdef…`: the name is the SHA-256
 * of the bytes, so a blob is written once, never changes, and can be
 * verified at any time. Writes go through a temp file + fsync + rename.
 */
export class ContentStore {
  constructor(
    readonly root: string,
    readonly tmpDir: string,
  ) {}

  static isSha256(value: string): boolean {
    return SHA256.test(value);
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return SHA256.test(sha256) && fs.existsSync(this.pathOf(sha256));
  }

  /** Copies a file in, hashing as it goes. */
  async putFile(source: string): Promise<StoredBlob> {
    const temp = this.tempPath();
    const hash = crypto.createHash('sha256');
    let size = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        const input = fs.createReadStream(source);
        const output = fs.createWriteStream(temp, { flags: 'wx' });
        input.on('data', (chunk) => {
          hash.update(chunk);
          size += chunk.length;
        });
        input.on('error', reject);
        output.on('error', reject);
        output.on('finish', resolve);
        input.pipe(output);
      });
      return this.commit(temp, hash.digest('hex'), size);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
  }

  /** Stores bytes held in memory (recordings, rendered audio). */
  putBytes(bytes: Uint8Array): StoredBlob {
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    if (this.has(sha256)) return { sha256, size: bytes.length, added: false };
    const temp = this.tempPath();
    try {
      writeNewFileSynced(temp, bytes);
      return this.commit(temp, sha256, bytes.length);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
  }

  /** Removes blobs this process added, e.g. when the import that added them is rolled back. */
  remove(sha256s: Iterable<string>): void {
    for (const sha of sha256s) fs.rmSync(this.pathOf(sha), { force: true });
  }

  private commit(temp: string, sha256: string, size: number): StoredBlob {
    const final = this.pathOf(sha256);
    if (fs.existsSync(final)) {
      fs.rmSync(temp, { force: true });
      return { sha256, size, added: false };
    }
    fs.mkdirSync(path.dirname(final), { recursive: true });
    syncFile(temp);
    fs.renameSync(temp, final);
    return { sha256, size, added: true };
  }

  private tempPath(): string {
    fs.mkdirSync(this.tmpDir, { recursive: true });
    return path.join(this.tmpDir, `blob-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
  }
}
