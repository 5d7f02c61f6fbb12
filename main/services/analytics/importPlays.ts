import crypto from 'node:crypto';
import type { PlaysImportSummary } from '../../../shared/contract/analyticsContract';
import type { AnalyticsWriteQueries } from '../../db/analytics/analyticsWriteQueries';
import { ServiceError } from '../ServiceError';
import type { TaskHandle } from '../TaskRegistry';
import { ExportMatcher } from './ExportMatcher';
import type { ParsedPlay } from './ParsedPlay';
import { PlaysIngest } from './PlaysIngest';
import type { PlayLogBatch } from './readPlayLog';

export interface PlaySourceBatches {
  readonly format: string;
  readonly fileName: string;
  /** Bytes to read in all (for progress). */
  readonly size: number;
  batches(hash: crypto.Hash): AsyncIterable<PlayLogBatch>;
}

const MAX_PROBLEMS = 100;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports plays in one transaction: each play is matched to an export (or
 * kept aside when none is known), stored unless already there, then flagged
 * and rolled up. Malformed lines are counted and the first 100 reported
 * with their line numbers; a file with no readable play is refused and
 * nothing is written. Plays kept aside by earlier imports are matched
 * again first, in case their export exists now.
 */
export async function importPlays(
  write: AnalyticsWriteQueries,
  matcher: ExportMatcher,
  source: PlaySourceBatches,
  importedAt: string,
  task: TaskHandle,
): Promise<PlaysImportSummary> {
  const started = performance.now();
  const hash = crypto.createHash('sha256');
  // Match notes by key kind → key value → export (no string building per play).
  const matches = new Map<string, Map<string, Map<string, PlaysImportSummary['matches'][number]>>>();
  const unmatched = new Map<string, PlaysImportSummary['unmatched'][number]>();
  const problems: PlaysImportSummary['problems'] = [];
  const tracked = new Map<string, { seq: number; durationMs: number }>();
  let lines = 0;
  let malformed = 0;
  let ignored = 0;
  let aside = 0;
  let asideDuplicates = 0;

  write.begin();
  try {
    const importId = write.addImport({ fileName: source.fileName, fileSha256: '', format: source.format, importedAt, lines: 0, added: 0, duplicates: 0, malformed: 0, aside: 0, ignored: 0 });
    const ingest = new PlaysIngest(write, importId);
    const take = (play: ParsedPlay) => {
      const found = matcher.match(play.keyKind, play.keyValue, play.playedAt);
      if (!found) return false;
      let t = tracked.get(found.id);
      if (!t) tracked.set(found.id, (t = write.trackExport(found.id, Math.round(found.durationSec * 1000))));
      ingest.add(t.seq, t.durationMs, play.playedAt, play.listener, play.msPlayed, play.country, play.source, play.reasonEnd);
      let byValue = matches.get(play.keyKind);
      if (!byValue) matches.set(play.keyKind, (byValue = new Map()));
      let byExport = byValue.get(play.keyValue);
      if (!byExport) byValue.set(play.keyValue, (byExport = new Map()));
      const note = byExport.get(found.id);
      if (note) note.plays++;
      else byExport.set(found.id, { how: ExportMatcher.how(play.keyKind), label: play.label, exportId: found.id, exportTitle: found.title, plays: 1 });
      return true;
    };

    for (const key of write.asideKeys()) {
      if (!matcher.match(key.keyKind as ParsedPlay['keyKind'], key.keyValue, Date.now())) continue;
      for (const row of write.takeAside(key.keyKind, key.keyValue)) take({ ...row, keyKind: key.keyKind as ParsedPlay['keyKind'] });
    }

    for await (const batch of source.batches(hash)) {
      batch.results.forEach((result, i) => {
        if ('ignored' in result) {
          if (result.ignored !== 'blank line' && result.ignored !== 'header') ignored++;
          return;
        }
        lines++;
        if ('error' in result) {
          malformed++;
          if (problems.length < MAX_PROBLEMS) problems.push({ line: batch.firstLine + i, reason: result.error });
          return;
        }
        const play = result.play;
        if (take(play)) return;
        if (write.insertAside({ ...play }, importId)) aside++;
        else asideDuplicates++;
        const key = `${play.keyKind}\u0000${play.keyValue}`;
        const entry = unmatched.get(key);
        if (entry) entry.plays++;
        else unmatched.set(key, { keyKind: play.keyKind, label: play.label, plays: 1 });
      });
      task.progress('Reading plays', batch.bytesRead, source.size);
      task.throwIfCancelled();
      await yieldToEventLoop();
    }
    if (lines === malformed) {
      const first = problems[0];
      throw new ServiceError('invalid-request', first ? `No plays could be read from ${source.fileName}: ${malformed} malformed line${malformed === 1 ? '' : 's'} (line ${first.line}: ${first.reason}). Nothing was imported.` : `${source.fileName} has no plays. Nothing was imported.`);
    }
    task.progress('Flagging and rolling up', 0, 1);
    const totals = ingest.finish();
    task.throwIfCancelled();
    const duplicates = totals.duplicates + asideDuplicates;
    write.updateImport(importId, { lines, added: totals.added, duplicates, malformed, aside, ignored });
    write.setImportSha(importId, hash.digest('hex'));
    write.commit();
    task.progress('Imported', 1, 1);
    return {
      importId,
      format: source.format,
      lines,
      added: totals.added,
      duplicates,
      flagged: totals.flagged,
      ignored,
      aside,
      malformed,
      problems,
      matches: [...matches.values()].flatMap((byValue) => [...byValue.values()].flatMap((byExport) => [...byExport.values()])).sort((a, b) => b.plays - a.plays),
      unmatched: [...unmatched.values()].sort((a, b) => b.plays - a.plays),
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    write.rollback();
    throw error;
  }
}
