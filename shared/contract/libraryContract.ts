import { z } from 'zod';
import { endpoint } from './endpoint';

/**
 * Where the library lives, its schema and app version, and which host answers.
 *
 * @example
 * const info = await bridge.call('library.info', {});
 * console.log(`${info.dataDir} (schema ${info.schemaVersion}, ${info.host})`);
 */
export const libraryInfoSchema = z.object({
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  libraryId: z.string(),
  createdAt: z.string(),
  host: z.enum(['electron', 'browser', 'cli']),
});
export type LibraryInfo = z.infer<typeof libraryInfoSchema>;

/**
 * The library as a whole: where it lives and what it holds.
 *
 * @example
 * const { databasePath } = await bridge.call('library.info', {});
 */
export const libraryEndpoints = {
  'library.info': endpoint(z.object({}).strict(), libraryInfoSchema),
};
