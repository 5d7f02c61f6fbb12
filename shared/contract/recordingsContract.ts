import { z } from 'zod';
import { refuseUnsafeCharacters } from '../text/refuseUnsafeCharacters';
import { endpoint } from './endpoint';

/**
 * A recorded take kept in the content store: its hash (the project's source sha256), name and audio facts.
 *
 * @example
 * const take = await bridge.call('recordings.add', { uploadId, name: 'Take 3' });
 * console.log(take.sha256, take.durationSec);
 */
export const storedTakeSchema = z.object({ sha256: z.string(), name: z.string(), sampleRate: z.number(), channels: z.number(), durationSec: z.number() });
export type StoredTake = z.infer<typeof storedTakeSchema>;

/**
 * The channel that keeps the studio's recorded takes.
 *
 * @example
 * const uploadId = await uploadFile(new Blob([encodeWav(channels, sampleRate)], { type: 'audio/wav' }), onProgress);
 * const stored = await bridge.call('recordings.add', { uploadId, name: 'Take 1' });
 */
export const recordingsEndpoints = {
  /**
   * Keeps a recorded take (a WAV uploaded to ./upload) in the library's
   * content store as the user's own audio; the studio then adds it to the
   * project as a recording source. Refused with the reason when it is not
   * usable audio; nothing is kept then.
   */
  'recordings.add': endpoint(
    z.object({ uploadId: z.string().regex(/^[a-f0-9]{32}$/), name: z.string().min(1).max(200).superRefine(refuseUnsafeCharacters) }).strict(),
    storedTakeSchema,
  ),
} as const;
