import fs from 'node:fs';
import path from 'node:path';
import { openLibraryDatabase, type LibraryDatabase } from '../db/openLibraryDatabase';
import { LibraryKey } from '../trust/LibraryKey';
import { openScratch } from './processes/scratchSpace';

/** Where a library keeps its parts inside the data dir. */
export interface LibraryPaths {
  readonly dataDir: string;
  readonly databasePath: string;
  /** Listener plays and their rollups (a separate file: big imports never hold the library's lock). */
  readonly analyticsPath: string;
  /** Content-addressed audio: store/ab/abcdef… (SHA-256). */
  readonly storeDir: string;
  /** Scratch space on the same filesystem, so finished files can be renamed into place; each open library works in its own folder inside (see openScratch). */
  readonly tmpDir: string;
  /** The library's signing key (keys/library-ed25519.pem, owner-only). */
  readonly keysDir: string;
  /** The signed ledger head, kept outside the database so a cut or rewritten ledger is caught. */
  readonly ledgerHeadPath: string;
}

export function libraryPaths(dataDir: string): LibraryPaths {
  const root = path.resolve(dataDir);
  return {
    dataDir: root,
    databasePath: path.join(root, 'library.sqlite'),
    analyticsPath: path.join(root, 'analytics.sqlite'),
    storeDir: path.join(root, 'store'),
    tmpDir: path.join(root, 'tmp'),
    keysDir: path.join(root, 'keys'),
    ledgerHeadPath: path.join(root, 'ledger-head.json'),
  };
}

/** An open library: its folder, its database, and this process's scratch folder. */
export class Library {
  private constructor(
    readonly paths: LibraryPaths,
    readonly db: LibraryDatabase,
    readonly key: LibraryKey,
    /** Where this open library extracts, uploads and stages files; removed on close, and by the next start if this process dies. */
    readonly scratchDir: string,
  ) {}

  static open(dataDir: string): Library {
    const paths = libraryPaths(dataDir);
    fs.mkdirSync(paths.dataDir, { recursive: true });
    const db = openLibraryDatabase(paths.databasePath);
    try {
      fs.mkdirSync(paths.storeDir, { recursive: true });
      return new Library(paths, db, LibraryKey.open(paths.keysDir), openScratch(paths.tmpDir));
    } catch (error) {
      db.close();
      throw error;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
    fs.rmSync(this.scratchDir, { recursive: true, force: true });
  }
}
