import fs from 'node:fs';
import type { Handlers } from '../Dispatcher';
import type { Uploads } from '../Uploads';
import type { UserAudioService } from './UserAudioService';

/** What the recordings endpoint uses. */
export interface RecordingsHandlerDeps {
  readonly userAudio: Pick<UserAudioService, 'put'>;
  readonly uploads: Pick<Uploads, 'pathOf' | 'discard'>;
}

/** Recorded takes arrive as uploads and are kept as the user's own audio. */
export function recordingsHandlers({ userAudio, uploads }: RecordingsHandlerDeps): Pick<Handlers, 'recordings.add'> {
  return {
    'recordings.add': async ({ uploadId, name }) => {
      const file = uploads.pathOf(uploadId);
      try {
        return await userAudio.put(fs.readFileSync(file), name);
      } finally {
        uploads.discard(uploadId);
      }
    },
  };
}
