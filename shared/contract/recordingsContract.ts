import { z } from 'zod';
import { refuseUnsafeCharacters } from '../text/refuseUnsafeCharacters';
import { endpoint } from './endpoint';

export const storedTakeSchema = z.object({ sha256: z.string(), name: z.string(), sampleRate: z.number(), channels: z.number(), durationSec: z.number() });
export type StoredTake = z.infer<typeof storedTakeSchema>;

export const recordingsEndpoints = {
  /**
   * Keeps a recorded take (a WAV uploaded to ./upload) in the library's
   * content store as the user's own audio; the studio then adds it to the
   * project as a recording source. Refused with the reason when it is not
   * usable audio; nothing is kept then.
   */
  'recordings.add': endpoint(z.object({ uploadId: z.string().regex(/^[a-f0-9]{32}$/), name: z.string().min(1).max(200).superRefine(refuseUnsafeCharacters) }).strict(), storedTakeSchema),
} as const;
