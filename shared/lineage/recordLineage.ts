import { z } from 'zod';

/**
 * The chain behind derivative sources (catalog recordings that are other
 * creators' published exports): every ancestor export — id, its record's
 * signature, its ledger entry hash — back to the original recordings.
 */
export const recordLineageSchema = z.object({
  ancestors: z.array(
    z.object({
      exportId: z.string(),
      /** The ancestor record's Ed25519 signature (base64) and the library key that made it. */
      signature: z.string(),
      libraryKeyFingerprint: z.string(),
      entryHash: z.string().regex(/^[0-9a-f]{64}$/),
      creator: z.string(),
      title: z.string(),
      /** The derivative recording the export was published as, and its package. */
      recordingId: z.string(),
      packageId: z.string(),
      /** The recordings that export used (derivatives or originals). */
      derivedFrom: z.array(z.string()),
    }),
  ),
  originals: z.array(z.object({ recordingId: z.string(), packageId: z.string(), title: z.string(), packageKeyFingerprint: z.string() })),
});
export type RecordLineage = z.infer<typeof recordLineageSchema>;
