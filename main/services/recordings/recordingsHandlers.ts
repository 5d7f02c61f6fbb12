import fs from 'node:fs';
import type { Handlers } from '../Dispatcher';
import type { StemroomServices } from '../StemroomServices';

/** Recorded takes arrive as uploads and are kept as the user's own audio. */
export function recordingsHandlers(services: StemroomServices): Pick<Handlers, 'recordings.add'> {
  return {
    'recordings.add': async ({ uploadId, name }) => {
      const file = services.uploads.pathOf(uploadId);
      try {
        return await services.userAudio.put(fs.readFileSync(file), name);
      } finally {
        services.uploads.discard(uploadId);
      }
    },
  };
}
