import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Every file under `dir` with its SHA-256, sorted by path: two snapshots are
 * equal exactly when the folder is byte-for-byte the same. SQLite's -shm
 * index is skipped (it is rebuilt on open and holds no data).
 */
export function snapshotDir(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith('-shm')) {
        result[path.relative(dir, full)] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)));
}
