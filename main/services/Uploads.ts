import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { ServiceError } from './ServiceError';

/**
 * Files the page hands over (a package dropped in the browser has no path
 * main could read): streamed into the library's scratch space under a
 * random id, then named in a contract request by that id.
 */
export class Uploads {
  constructor(
    private readonly dir: string,
    readonly maxBytes = 8 * 2 ** 30,
  ) {
    // Inside this process's scratch folder: uploads go with the process (see openScratch).
    fs.mkdirSync(dir, { recursive: true });
  }

  /** Streams a request body into a new upload; resolves with its id. A body over the limit is refused and removed. */
  async receive(body: Readable): Promise<string> {
    const id = crypto.randomBytes(16).toString('hex');
    const file = path.join(this.dir, id);
    let size = 0;
    const limit = new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        size += chunk.length;
        callback(size > this.maxBytes ? new ServiceError('invalid-request', `The upload is larger than ${this.maxBytes} bytes.`) : null, chunk);
      },
    });
    try {
      await pipeline(body, limit, fs.createWriteStream(file, { flags: 'wx' }));
    } catch (error) {
      fs.rmSync(file, { force: true });
      throw error;
    }
    return id;
  }

  pathOf(uploadId: string): string {
    const file = path.join(this.dir, uploadId);
    if (!/^[a-f0-9]{32}$/.test(uploadId) || !fs.existsSync(file)) throw new ServiceError('not-found', 'That upload is gone; drop the file again.');
    return file;
  }

  discard(uploadId: string): void {
    if (/^[a-f0-9]{32}$/.test(uploadId)) fs.rmSync(path.join(this.dir, uploadId), { force: true });
  }
}
