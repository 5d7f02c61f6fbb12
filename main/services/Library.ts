import fs from 'node:fs';
import path from 'node:path';
import { openLibraryDatabase, type LibraryDatabase } from '../db/openLibraryDatabase';
import { LibraryKey } from '../trust/LibraryKey';

/** Where a library keeps its parts inside the data dir. */
export interface LibraryPaths {
  readonly dataDir: string;
  readonly databasePath: string;
  /** Listener plays and their rollups (a separate file: big imports never hold the library's lock). */
  readonly analyticsPath: string;
  /** Content-addressed audio: store/ab/abcdef… (SHA-256). */
  readonly storeDir: string;
  /** Scratch space on the same filesystem, so finished files can be renamed into place. */
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

/** An open library: its folder and its database. */
export class Library {
  private constructor(
    readonly paths: LibraryPaths,
    readonly db: LibraryDatabase,
    readonly key: LibraryKey,
  ) {}

  static open(dataDir: string): Library {
    const paths = libraryPaths(dataDir);
    fs.mkdirSync(paths.dataDir, { recursive: true });
    const db = openLibraryDatabase(paths.databasePath);
    fs.mkdirSync(paths.storeDir, { recursive: true });
    fs.mkdirSync(paths.tmpDir, { recursive: true });
    let key: LibraryKey;
    try {
      key = LibraryKey.open(paths.keysDir);
    } catch (error) {
      db.close();
      throw error;
    }
    return new Library(paths, db, key);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
