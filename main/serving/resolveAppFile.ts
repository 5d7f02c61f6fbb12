import fs from 'node:fs';
import path from 'node:path';
import { mimeTypeOf } from './mimeTypes';

/** A response body the hosts serve: a file on disk or bytes in memory. */
export type ServedBody =
  { readonly filePath: string; readonly contentType: string } | { readonly bytes: Uint8Array; readonly contentType: string; readonly downloadName?: string };
export type AppFile = Extract<ServedBody, { filePath: string }>;

/**
 * Maps a URL path to a file of the built renderer, refusing anything that
 * would leave `rendererDir` (`..`, encoded slashes, absolute paths).
 * `/` is the app's index.html.
 */
export function resolveAppFile(rendererDir: string, urlPath: string): AppFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const filePath = path.resolve(root, relative);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) return null;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  return { filePath, contentType: mimeTypeOf(filePath) };
}
