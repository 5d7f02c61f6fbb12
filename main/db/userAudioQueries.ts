import type { AudioAnalysis } from '../media/analyzeAudio';
import type { LibraryDatabase } from './openLibraryDatabase';

/** The user's own audio (recorded takes) kept in the content store. */
export function userAudioQueries(db: LibraryDatabase) {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO user_audio (sha256, name, format, sample_rate, channels, frames, peaks, created_at)
     VALUES (@sha256, @name, @format, @sampleRate, @channels, @frames, @peaks, @createdAt)`,
  );
  const peaks = db.prepare<[string], { peaks: Buffer }>('SELECT peaks FROM user_audio WHERE sha256 = ?');
  const get = db.prepare<[string], { sha256: string; name: string; sample_rate: number; channels: number; frames: number }>(
    'SELECT sha256, name, sample_rate, channels, frames FROM user_audio WHERE sha256 = ?',
  );
  return {
    insert: (sha256: string, name: string, analysis: AudioAnalysis, createdAt: string) =>
      insert.run({
        sha256,
        name,
        format: analysis.format,
        sampleRate: analysis.sampleRate,
        channels: analysis.channels,
        frames: analysis.frames,
        peaks: Buffer.from(analysis.peaks),
        createdAt,
      }),
    peaks: (sha256: string): Uint8Array | undefined => {
      const row = peaks.get(sha256);
      return row ? new Uint8Array(row.peaks) : undefined;
    },
    get: (sha256: string) => get.get(sha256),
  };
}
