import type { PlaysImportSummary } from '../../../../shared/contract/analyticsContract';
import type { AnalyticsWriteQueries } from '../../../db/analytics/analyticsWriteQueries';
import { countryCode, countryName } from '../store/PlayDay';
import { ServiceError } from '../../ServiceError';
import type { TaskHandle } from '../../TaskRegistry';
import { ExportMatcher, type ExportIdentity } from './ExportMatcher';
import type { PlayKeyKind } from './ParsedPlay';
import { PlayKeys } from './PlayKeys';
import { PlayLogBatch } from './PlayLogBatch';
import { PlaysByExport } from '../store/PlaysByExport';
import type { ListenerKeys } from '../store/ListenerKeys';
import { storePlays } from '../store/storePlays';

export interface PlaySourceBatches {
  readonly format: string;
  readonly fileName: string;
  /** What progress counts (each batch says how far it got, in this unit): "Reading plays" over a file's bytes, "Generating plays" over a simulation's plays. */
  readonly progress: { readonly label: string; readonly total: number };
  batches(keys: PlayKeys): AsyncIterable<PlayLogBatch>;
  /** The source's SHA-256, recorded with the import. */
  sha256(): Promise<string>;
  /** Called inside the import's transaction before it commits (e.g. to remember a Spotify file's listener). */
  beforeCommit?(importId: number): void;
  /** A simulation's export (its plays are demo data); absent for a file. */
  readonly exportId?: string;
}

export interface ImportOptions {
  readonly importedAt: string;
  /** Turns listener digests into the keys stored (keyed with the library's secret). */
  readonly keys: ListenerKeys;
}

const MAX_PROBLEMS = 100;
/** What a key resolves to when no export is known for it (kept aside, or dropped: see ExportMatcher.couldMatchLater), or when each play must be matched by its time. */
const ASIDE = -1;
const BY_PLAY = -2;
const DROP = -3;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports plays in one transaction: each play is matched to an export —
 * or, when none is known, kept aside if an export of this library could
 * claim it later and dropped (counted, never stored) if not — then stored, deduplicated, flagged and
 * rolled up (storePlays). Malformed lines are counted and the first 100
 * reported with their line numbers; a file with no readable play is refused
 * and nothing is written. Plays kept aside by earlier imports are matched
 * again first, in case their export exists now.
 */
export async function importPlays(
  write: AnalyticsWriteQueries,
  matcher: ExportMatcher,
  source: PlaySourceBatches,
  { importedAt, keys: listenerKeys }: ImportOptions,
  task: TaskHandle,
): Promise<PlaysImportSummary> {
  const started = performance.now();
  const sha256 = source.sha256();
  sha256.catch(() => undefined); // awaited below; a failed import must not leave it unhandled
  const keys = new PlayKeys();
  /** Per key: the export's seq, ASIDE, or BY_PLAY (several versions share the key: matched by play time). */
  const target: number[] = [];
  /** Per key with one export: plays matched through it. */
  const keyPlays: number[] = [];
  /** Per key matched play by play: plays per export id. */
  const byPlay = new Map<number, Map<string, number>>();
  const unmatched = new Map<number, number>();
  const exportOf = new Map<number, ExportIdentity>();
  const durations = new Map<number, number>();
  const problems: PlaysImportSummary['problems'] = [];
  const matched = new PlaysByExport();
  let lines = 0;
  let malformed = 0;
  let ignored = 0;
  let aside = 0;
  let asideDuplicates = 0;
  let dropped = 0;
  const droppedKeys = new Set<number>();

  write.begin();
  try {
    const importId = write.addImport({
      fileName: source.fileName,
      fileSha256: '',
      format: source.format,
      importedAt,
      lines: 0,
      added: 0,
      duplicates: 0,
      malformed: 0,
      aside: 0,
      ignored: 0,
      dropped: 0,
      exportId: source.exportId ?? null,
    });
    const seqs = new Map<string, number>();
    const seqOf = (found: ExportIdentity) => {
      const known = seqs.get(found.id);
      if (known !== undefined) return known;
      const t = write.trackExport(found.id, Math.round(found.durationSec * 1000));
      seqs.set(found.id, t.seq);
      exportOf.set(t.seq, found);
      durations.set(t.seq, t.durationMs);
      return t.seq;
    };
    const resolve = (key: number) => {
      const candidates = matcher.candidates(keys.kind[key]!, keys.value[key]!);
      target[key] =
        candidates.length === 0
          ? matcher.couldMatchLater(keys.kind[key]!, keys.value[key]!)
            ? ASIDE
            : DROP
          : candidates.length === 1
            ? seqOf(candidates[0]!)
            : BY_PLAY;
      keyPlays[key] = 0;
    };
    const take = (batch: PlayLogBatch) => {
      for (let k = target.length; k < keys.length; k++) resolve(k);
      for (let i = 0; i < batch.length; i++) {
        const key = batch.key[i]!;
        let seq = target[key]!;
        if (seq === DROP) {
          dropped++;
          droppedKeys.add(key);
          continue;
        }
        if (seq === BY_PLAY) {
          seq = seqOf(matcher.match(keys.kind[key]!, keys.value[key]!, batch.playedAt[i]!)!);
          let notes = byPlay.get(key);
          if (!notes) byPlay.set(key, (notes = new Map()));
          const id = exportOf.get(seq)!.id;
          notes.set(id, (notes.get(id) ?? 0) + 1);
        } else if (seq === ASIDE) {
          const listener = batch.listener[i]!;
          // Kept aside with its stored key (never the digest of an id: that could be checked against a list of ids).
          const row = {
            keyKind: keys.kind[key]!,
            keyValue: keys.value[key]!,
            label: keys.label[key]!,
            playedAt: batch.playedAt[i]!,
            listener: listener < 0 ? -listener - 1 : listenerKeys.of(listener),
            msPlayed: batch.msPlayed[i]!,
            country: countryName(batch.country[i]!),
            source: batch.source[i]!,
            reasonEnd: batch.reasonEnd[i]!,
          };
          if (write.insertAside(row, importId)) aside++;
          else asideDuplicates++;
          unmatched.set(key, (unmatched.get(key) ?? 0) + 1);
          continue;
        } else keyPlays[key]!++;
        matched.push(seq, batch.playedAt[i]!, batch.listener[i]!, batch.msPlayed[i]!, batch.country[i]!, batch.source[i]!, batch.reasonEnd[i]!);
      }
    };

    for (const key of write.asideKeys()) {
      const kind = key.keyKind as PlayKeyKind;
      if (!matcher.candidates(kind, key.keyValue).length) {
        // Kept aside by an earlier version, or for a creator name since changed: no export of this library can claim them now.
        if (!matcher.couldMatchLater(kind, key.keyValue)) write.takeAside(key.keyKind, key.keyValue);
        continue;
      }
      const rows = write.takeAside(key.keyKind, key.keyValue);
      const batch = new PlayLogBatch(keys, 0);
      // Their listeners are stored keys already: passed on as −key − 1 so they are not keyed twice.
      for (const row of rows)
        batch.push(
          keys.indexOf(kind, row.keyValue, row.label),
          -row.listener - 1,
          row.playedAt,
          countryCode(row.country),
          row.source,
          row.msPlayed,
          row.reasonEnd,
        );
      take(batch);
    }

    for await (const batch of source.batches(keys)) {
      lines += batch.lines;
      malformed += batch.malformed;
      ignored += batch.ignored;
      for (const problem of batch.problems) if (problems.length < MAX_PROBLEMS) problems.push(problem);
      take(batch);
      task.progress(source.progress.label, batch.progress, source.progress.total);
      task.throwIfCancelled();
      await yieldToEventLoop();
    }
    if (lines === malformed) {
      const first = problems[0];
      throw new ServiceError(
        'invalid-request',
        first
          ? `No plays could be read from ${source.fileName}: ${malformed} malformed line${malformed === 1 ? '' : 's'} (line ${first.line}: ${first.reason}). Nothing was imported.`
          : `${source.fileName} has no plays. Nothing was imported.`,
      );
    }
    task.progress('Flagging and rolling up', 0, 1);
    const totals = await storePlays(write, matched, durations, importId, task, listenerKeys);
    task.throwIfCancelled();
    const duplicates = totals.duplicates + asideDuplicates;
    write.updateImport(importId, { lines, added: totals.added, duplicates, malformed, aside, ignored, dropped });
    source.beforeCommit?.(importId);
    write.setImportSha(importId, await sha256);
    write.commit();
    task.progress('Imported', 1, 1);
    const note = (key: number, exportId: string, plays: number) => ({
      how: ExportMatcher.how(keys.kind[key]!),
      label: keys.label[key]!,
      exportId,
      exportTitle: exportOf.get(seqs.get(exportId)!)!.title,
      plays,
    });
    const matches = [
      ...keyPlays.flatMap((plays, key) => (plays ? [note(key, exportOf.get(target[key]!)!.id, plays)] : [])),
      ...[...byPlay].flatMap(([key, notes]) => [...notes].map(([exportId, plays]) => note(key, exportId, plays))),
    ];
    return {
      importId,
      format: source.format,
      lines,
      added: totals.added,
      duplicates,
      flagged: totals.flagged,
      ignored,
      aside,
      dropped,
      droppedTracks: droppedKeys.size,
      malformed,
      problems,
      matches: matches.sort((a, b) => b.plays - a.plays),
      unmatched: [...unmatched].map(([key, plays]) => ({ keyKind: keys.kind[key]!, label: keys.label[key]!, plays })).sort((a, b) => b.plays - a.plays),
      spotifyListener: null,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    write.rollback();
    throw error;
  }
}
