import { z } from 'zod';
import { endpoint } from './endpoint';

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

/** The library as a whole: where it lives and what it holds. */
export const libraryEndpoints = {
  'library.info': endpoint(z.object({}).strict(), libraryInfoSchema),
};
