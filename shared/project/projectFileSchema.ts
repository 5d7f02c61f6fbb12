import { z } from 'zod';

/**
 * `project.json` inside a portable .stemroom file. Catalog stems are
 * referenced (package, stem, SHA-256), never embedded — they are licensed
 * to the user, not to whoever receives the file; the user's own recordings
 * travel in `audio/`.
 */
export const PROJECT_FILE_FORMAT = 'stemroom-project/1';

export const projectFileSchema = z.object({
  format: z.string().superRefine((format, ctx) => {
    if (format !== PROJECT_FILE_FORMAT) ctx.addIssue({ code: 'custom', message: `unknown format "${format}"; this Stemroom reads ${PROJECT_FILE_FORMAT}` });
  }),
  exportedAt: z.string(),
  appVersion: z.string(),
  /** Migrated and validated separately, so a document from a newer Stemroom gets its own message. */
  document: z.unknown(),
  catalog: z
    .array(
      z.object({
        sourceId: z.string(),
        packageId: z.string(),
        packageTitle: z.string().max(300),
        recordingId: z.string(),
        stemId: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(1000),
  audio: z
    .array(
      z.object({
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        file: z.string().min(1).max(300),
        name: z.string().min(1).max(200),
      }),
    )
    .max(1000),
});
export type ProjectFile = z.infer<typeof projectFileSchema>;
