import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { userAudioQueries } from '../../db/userAudioQueries';
import type { LibraryDatabase } from '../../db/openLibraryDatabase';
import { analyzeAudio, AudioProblem } from '../../media/analyzeAudio';
import type { ContentStore } from '../../media/ContentStore';
import type { PcmCache } from '../../media/PcmCache';
import type { AudioIdentifier } from '../identity/AudioIdentifier';
import { inTransaction } from '../../db/inTransaction';
import { ServiceError } from '../ServiceError';

export interface StoredAudio {
  readonly sha256: string;
  readonly name: string;
  readonly sampleRate: number;
  readonly channels: number;
  readonly durationSec: number;
}

/** The user's own audio (recorded takes): analysed, kept in the content store, listed in user_audio. */
export class UserAudioService {
  private readonly queries;

  constructor(
    private readonly db: LibraryDatabase,
    private readonly store: ContentStore,
    private readonly scratchDir: string,
    private readonly now: () => Date,
    private readonly identifier: AudioIdentifier,
    private readonly pcm?: PcmCache,
  ) {
    this.queries = userAudioQueries(db);
  }

  /** Stores audio bytes (a WAV take); refused with the reason if they are not usable audio. Nothing is kept on refusal. */
  async put(bytes: Uint8Array, name: string): Promise<StoredAudio> {
    fs.mkdirSync(this.scratchDir, { recursive: true });
    const temp = path.join(this.scratchDir, `take-${crypto.randomBytes(6).toString('hex')}`);
    fs.writeFileSync(temp, bytes);
    const pcm = this.pcm?.staging();
    try {
      let analysis;
      try {
        analysis = await analyzeAudio(temp, (audio) => pcm?.stage(sha256Of(bytes), audio));
      } catch (error) {
        if (error instanceof AudioProblem) throw new ServiceError('invalid-request', `The recording ${error.message}.`);
        throw error;
      }
      const sha256 = sha256Of(bytes);
      // Catalog audio recorded or uploaded as a take is that stem: its match is stored with the take.
      const matches = await this.identifier.match(sha256, analysis.fingerprint);
      const stored = this.store.putBytes(bytes);
      try {
        inTransaction(this.db, () => {
          this.queries.insert(stored.sha256, name, analysis, this.now().toISOString());
          this.identifier.record(stored.sha256, analysis.fingerprint, matches);
        });
      } catch (error) {
        if (stored.added) this.store.remove([stored.sha256]);
        throw error;
      }
      pcm?.commit();
      return { sha256: stored.sha256, name, sampleRate: analysis.sampleRate, channels: analysis.channels, durationSec: analysis.frames / analysis.sampleRate };
    } finally {
      pcm?.discard();
      fs.rmSync(temp, { force: true });
    }
  }
}

function sha256Of(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
