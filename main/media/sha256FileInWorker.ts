import { Worker } from 'node:worker_threads';
import { sha256File } from './sha256File';

// Plain JavaScript evaluated in the worker: no module file to find in a bundled app.
const HASH_FILE = `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const fs = require('node:fs');
const hash = crypto.createHash('sha256');
fs.createReadStream(workerData, { highWaterMark: 1 << 20 })
  .on('data', (chunk) => hash.update(chunk))
  .on('error', (error) => parentPort.postMessage({ error: error.message }))
  .on('end', () => parentPort.postMessage({ sha256: hash.digest('hex') }));
`;

/**
 * SHA-256 of a file computed on a worker thread, so hashing a large file
 * runs on another core beside whatever reads it on this one. Falls back to
 * hashing here when a worker cannot start.
 */
export function sha256FileInWorker(file: string): Promise<string> {
  let worker: Worker;
  try {
    worker = new Worker(HASH_FILE, { eval: true, workerData: file });
  } catch {
    return sha256File(file);
  }
  return new Promise<string>((resolve, reject) => {
    worker.once('message', (message: { sha256?: string; error?: string }) => {
      if (message.sha256) resolve(message.sha256);
      else reject(new Error(`Cannot read ${file}: ${message.error}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`hashing ${file} stopped (exit code ${code})`)));
  });
}
