import { computeFingerprint } from '../../../shared/dsp/fingerprint/Fingerprint';
import { decodeFingerprint, encodeFingerprint } from '../../../shared/dsp/fingerprint/fingerprintCodec';
import { FingerprintIndex } from '../../../shared/dsp/fingerprint/FingerprintIndex';
import { FINGERPRINT_ALGORITHM } from '../../../shared/dsp/fingerprint/fingerprintParams';
import { fingerprintQueries, type AudioMatchRow } from '../../db/fingerprintQueries';
import type { LibraryDatabase } from '../../db/openLibraryDatabase';
import type { PcmAudio } from '../../media/PcmCache';

/**
 * Recognises catalog audio inside the creator's own audio: every catalog
 * stem's landmark fingerprint is indexed (docs/fingerprint.md), and every
 * take or imported file is matched against it when it enters the library —
 * and again when a catalog package arrives later. A match is stored in
 * audio_matches; from then on the rights machine treats that own audio as
 * the stem (shared/rights/sourceIdentity.ts).
 *
 * The index is built on first use from stored fingerprints; stems stored
 * before fingerprints existed are fingerprinted from the PCM cache then,
 * and so is own audio from before fingerprints when a package arrives.
 * It is rebuilt whenever the catalog version moves (another process may
 * have imported a package).
 *
 * @example
 * const identifier = new AudioIdentifier(db, (sha) => pcm.read(sha));
 * const matches = await identifier.match(takeSha, analysis.fingerprint);
 */
export class AudioIdentifier {
  private readonly queries;
  private built: { version: string; index: FingerprintIndex } | null = null;

  constructor(
    db: LibraryDatabase,
    private readonly readPcm: (sha256: string) => Promise<PcmAudio>,
    private readonly now: () => Date,
  ) {
    this.queries = fingerprintQueries(db);
  }

  /** The catalog stems this own audio contains (strongest first), without storing anything. */
  async match(audioSha256: string, fingerprint: Uint8Array): Promise<AudioMatchRow[]> {
    const index = await this.index();
    return index
      .match(decodeFingerprint(fingerprint))
      .map((m) => ({ audioSha256, stemId: m.id, method: 'fingerprint' as const, offsetSec: m.offsetSec, coveredSec: m.coveredSec, confidence: m.confidence }));
  }

  /** Stores own audio's fingerprint and the catalog stems found in it (call inside the transaction that stores the audio). */
  record(audioSha256: string, fingerprint: Uint8Array, matches: readonly AudioMatchRow[]): void {
    this.queries.store(audioSha256, FINGERPRINT_ALGORITHM, fingerprint, this.now().toISOString());
    this.queries.recordMatches(matches);
  }

  /**
   * After a package import: own audio recorded before these stems existed
   * is matched against them, so a take that is (now) catalog audio is
   * licensed as it. Returns the matches found.
   */
  async matchOwnAudioAgainst(stemIds: ReadonlySet<string>): Promise<AudioMatchRow[]> {
    const own = this.queries.ownAudio(FINGERPRINT_ALGORITHM);
    if (own.length === 0 || stemIds.size === 0) return [];
    const fresh = new FingerprintIndex();
    for (const stem of this.queries.stems(FINGERPRINT_ALGORITHM))
      if (stemIds.has(stem.stemId) && stem.fingerprint) fresh.add(stem.stemId, decodeFingerprint(stem.fingerprint));
    const found: AudioMatchRow[] = [];
    for (const audio of own) {
      const fingerprint = audio.fingerprint ?? (await this.backfill(audio.sha256));
      found.push(
        ...fresh.match(decodeFingerprint(fingerprint)).map((m) => ({
          audioSha256: audio.sha256,
          stemId: m.id,
          method: 'fingerprint' as const,
          offsetSec: m.offsetSec,
          coveredSec: m.coveredSec,
          confidence: m.confidence,
        })),
      );
    }
    this.queries.recordMatches(found);
    return found;
  }

  /**
   * Own audio stored before fingerprints were kept (an upgraded library) is
   * fingerprinted from its PCM cache and matched against every catalog stem,
   * once: run when the library opens. Returns the matches found.
   */
  async identifyOwnAudioWithoutFingerprint(): Promise<AudioMatchRow[]> {
    const missing = this.queries.ownAudio(FINGERPRINT_ALGORITHM).filter((audio) => audio.fingerprint === null);
    const found: AudioMatchRow[] = [];
    for (const audio of missing) found.push(...(await this.match(audio.sha256, await this.backfill(audio.sha256))));
    this.queries.recordMatches(found);
    return found;
  }

  private async index(): Promise<FingerprintIndex> {
    const version = this.queries.catalogVersion();
    if (this.built?.version === version) return this.built.index;
    const index = new FingerprintIndex();
    for (const stem of this.queries.stems(FINGERPRINT_ALGORITHM)) {
      index.add(stem.stemId, decodeFingerprint(stem.fingerprint ?? (await this.backfill(stem.sha256))));
    }
    this.built = { version, index };
    return index;
  }

  /** Audio (a stem or own audio) stored before fingerprints were kept: fingerprinted once, from its PCM cache. */
  private async backfill(sha256: string): Promise<Uint8Array> {
    const audio = await this.readPcm(sha256);
    const bytes = encodeFingerprint(computeFingerprint(audio.channels, audio.sampleRate));
    this.queries.store(sha256, FINGERPRINT_ALGORITHM, bytes, this.now().toISOString());
    return bytes;
  }
}
