import path from 'node:path';
import Database from 'better-sqlite3';

/** A held ledger lock; `release` frees it for the next process. */
export interface LedgerLockHandle {
  release(): void;
}

/**
 * The lock every process holds while it appends to the ledger (or repairs
 * an interrupted append): SQLite's write lock on a small file of its own
 * beside the library (`ledger.lock`), taken with BEGIN IMMEDIATE and never
 * written. The operating system drops it when the holder dies, so there is
 * no stale lock to judge; the library database itself stays free for
 * everyone else's writes (autosave, imports) meanwhile. Waiting polls with
 * a growing pause rather than SQLite's busy handler, which would block this
 * process's event loop (the browser host keeps answering while it waits).
 *
 * Resolves with null when the lock stayed busy for `timeoutMs`.
 *
 * @example
 * const lock = await acquireLedgerLock(path.join(dataDir, 'ledger.lock'), 60_000);
 * if (lock) try { append(); } finally { lock.release(); }
 */
export async function acquireLedgerLock(file: string, timeoutMs: number): Promise<LedgerLockHandle | null> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 2; ; pause = Math.min(100, pause * 2)) {
    const handle = tryLedgerLock(file);
    if (handle) return handle;
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** The lock if it is free right now, else null. */
export function tryLedgerLock(file: string): LedgerLockHandle | null {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 0');
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return null;
    throw error;
  }
  return {
    release() {
      if (!db.open) return;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

/** The ledger lock file of a library: `ledger.lock` beside its database. */
export function ledgerLockPath(db: Database.Database): string {
  return path.join(path.dirname(db.name), 'ledger.lock');
}
