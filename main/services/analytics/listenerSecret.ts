import crypto from 'node:crypto';
import { libraryMetaQueries } from '../../db/libraryMetaQueries';
import type { LibraryDatabase } from '../../db/openLibraryDatabase';

/**
 * The library's secret for keyed listener hashes: 32 random bytes made on
 * first use and kept in the library (library_meta), never in the analytics
 * database — so that database alone cannot confirm whether a known id is
 * among its listeners.
 */
export function listenerSecret(db: LibraryDatabase): Buffer {
  const stored = libraryMetaQueries(db).setIfAbsent('listener_secret', crypto.randomBytes(32).toString('base64'));
  return Buffer.from(stored, 'base64');
}
