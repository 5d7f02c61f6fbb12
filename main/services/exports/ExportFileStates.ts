import fs from 'node:fs';
import type { ExportListItem } from '../../../shared/contract/exportsContract';
import { readEmbeddedRecord } from '../../media/metadata/readEmbeddedRecord';
import { sha256Hex } from './ledgerHash';

type FileState = ExportListItem['fileState'];

/** What a file looked like when it was last hashed: any change to these and it is read again. */
interface Seen {
  readonly size: number;
  readonly mtimeNs: bigint;
  readonly ctimeNs: bigint;
  readonly ino: bigint;
  readonly audioSha256: string;
  readonly state: FileState;
}

/**
 * Whether each export file is still there and still carries the audio the
 * ledger recorded. Hashing every file on every `exports.list` made the list
 * cost grow with the library (0.31 s for 6 exports); a file is now read
 * again only when its size, mtime, ctime or inode changed since it was
 * hashed — a `stat` per export otherwise. ctime catches a file rewritten
 * with its mtime put back (utimes cannot set ctime).
 *
 * @example
 * const states = new ExportFileStates();
 * states.of('/music/remix.wav', row.audioSha256); // 'ok' | 'modified' | 'missing'
 */
export class ExportFileStates {
  private readonly seen = new Map<string, Seen>();

  of(filePath: string, audioSha256: string): FileState {
    let stat: fs.BigIntStats;
    try {
      stat = fs.statSync(filePath, { bigint: true });
    } catch {
      this.seen.delete(filePath);
      return 'missing';
    }
    // A FIFO or device in the export's place would block a read: it is not the export.
    if (!stat.isFile()) return 'modified';
    const known = this.seen.get(filePath);
    if (
      known &&
      known.audioSha256 === audioSha256 &&
      known.size === Number(stat.size) &&
      known.mtimeNs === stat.mtimeNs &&
      known.ctimeNs === stat.ctimeNs &&
      known.ino === stat.ino
    ) {
      return known.state;
    }
    let state: FileState;
    try {
      state = sha256Hex(readEmbeddedRecord(fs.readFileSync(filePath)).audioData) === audioSha256 ? 'ok' : 'modified';
    } catch {
      state = 'modified';
    }
    this.seen.set(filePath, { size: Number(stat.size), mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs, ino: stat.ino, audioSha256, state });
    return state;
  }
}
