import crypto from 'node:crypto';
import path from 'node:path';
import type { AnalyticsReport, OverviewItem, PlaysImportSummary } from '../../../shared/contract/analyticsContract';
import type { ArrangementOutline } from '../../../shared/analytics/labelMoment';
import { END_REASONS, PLAY_SOURCES } from '../../../shared/analytics/playDefinitions';
import { beatsToSeconds } from '../../../shared/project/timing';
import { analyticsReadQueries, type AnalyticsReadQueries } from '../../db/analytics/analyticsReadQueries';
import { analyticsWriteQueries, type AnalyticsWriteQueries } from '../../db/analytics/analyticsWriteQueries';
import { openAnalyticsDatabase, type AnalyticsDatabase } from '../../db/analytics/openAnalyticsDatabase';
import type { Counts } from '../../db/analytics/analyticsWriteQueries';
import { countryCode } from '../../db/analytics/PlayDay';
import type { ExportService } from '../exports/ExportService';
import type { ProjectsService } from '../projects/ProjectsService';
import type { TaskHandle } from '../TaskRegistry';
import { breakdownsOf, dropOffsOf, exportFigures, headlineOf, type ExportFacts } from './buildReport';
import { ExportMatcher, type ExportIdentity } from './ExportMatcher';
import { importPlays } from './importPlays';
import { listenerKey } from './listenerKey';
import type { PlayKeys } from './PlayKeys';
import { PlayLogBatch } from './PlayLogBatch';
import { openPlayLog } from './readPlayLog';
import { simulatePlays } from './simulatePlays';

export interface SimulateRequest {
  readonly exportId: string;
  readonly plays: number;
  readonly seed: number;
  readonly days: number;
  readonly artificialShare: number;
}

const sourceIndex = new Map<string, number>(PLAY_SOURCES.map((s, i) => [s, i]));
const reasonIndex = new Map<string, number>(END_REASONS.map((r, i) => [r, i]));

/**
 * Listener analytics: imports plays (files, or simulated), and reads each
 * export's dashboard and the overview from rollups. Writes go one at a time
 * through a queue on the writer connection; dashboards read through their
 * own connection, which sees only committed imports.
 */
export class AnalyticsService {
  private readonly writer: AnalyticsDatabase;
  private readonly reader: AnalyticsDatabase;
  private readonly write: AnalyticsWriteQueries;
  private readonly reads: AnalyticsReadQueries;
  private readonly outlines = new Map<string, ArrangementOutline & { bpm: number }>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    file: string,
    private readonly exports: ExportService,
    private readonly projects: ProjectsService,
    private readonly now: () => Date,
  ) {
    this.writer = openAnalyticsDatabase(file);
    this.reader = openAnalyticsDatabase(file, { readonly: true });
    this.write = analyticsWriteQueries(this.writer);
    this.reads = analyticsReadQueries(this.reader);
  }

  /** Imports a play log (NDJSON, CSV, or a Spotify extended-history JSON file). */
  importFile(filePath: string, options: { fileName?: string; listener?: string }, task: TaskHandle): Promise<PlaysImportSummary> {
    return this.exclusive(async () => {
      const log = await openPlayLog(filePath, options.listener ?? 'account');
      const source = { format: log.format, fileName: options.fileName ?? path.basename(filePath), size: log.size, batches: log.batches, sha256: log.sha256 };
      return importPlays(this.write, this.matcher(), source, this.now().toISOString(), task);
    });
  }

  /** Generates and imports realistic plays of one export (see simulatePlays). */
  simulate(request: SimulateRequest, task: TaskHandle): Promise<PlaysImportSummary> {
    return this.exclusive(async () => {
      const { row } = this.exports.facts(request.exportId);
      const durationMs = Math.round(row.durationSec * 1000);
      const plays = simulatePlays(this.outline(request.exportId), durationMs, { ...request, endMs: this.now().getTime(), listenerPrefix: `sim-${request.exportId.slice(-12)}-${request.seed}` });
      const BATCH = 50_000;
      const source = {
        format: 'simulated',
        exportId: request.exportId,
        fileName: `simulated: ${request.plays} plays, seed ${request.seed}`,
        size: request.plays,
        sha256: async () => crypto.createHash('sha256').update(JSON.stringify(request)).digest('hex'),
        async *batches(keys: PlayKeys) {
          const key = keys.indexOf('export', request.exportId, row.title);
          let batch = new PlayLogBatch(keys, 1);
          for (const p of plays) {
            batch.push(key, listenerKey(p.listenerId), p.playedAt, countryCode(p.country), sourceIndex.get(p.source)!, p.msPlayed, reasonIndex.get(p.reasonEnd)!);
            if (batch.length === BATCH) {
              batch.bytesRead = batch.firstLine - 1 + batch.length;
              yield batch;
              batch = new PlayLogBatch(keys, batch.bytesRead + 1);
            }
          }
          batch.bytesRead = batch.firstLine - 1 + batch.length;
          if (batch.length) yield batch;
        },
      };
      return importPlays(this.write, this.matcher(), source, this.now().toISOString(), task);
    });
  }

  /** One export's dashboard: headline, retention, drop-offs, breakdowns, versions, similar exports. */
  report(exportId: string, excludeFlagged: boolean): AnalyticsReport {
    const facts = this.factsOf(exportId);
    const durationMs = Math.round(facts.durationSec * 1000);
    const tracked = this.reads.tracked(exportId);
    const figures = tracked ? exportFigures(this.reads, tracked.seq, tracked.durationMs, excludeFlagged) : exportFigures(this.reads, -1, durationMs, excludeFlagged);
    const { breakdowns, flagged } = tracked ? breakdownsOf(this.reads, tracked.seq, tracked.durationMs, excludeFlagged) : breakdownsOf(this.reads, -1, durationMs, excludeFlagged);
    const rows = this.exports.rows();
    const versions = rows
      .filter((r) => r.projectId === facts.projectId && r.id !== exportId)
      .map((r) => {
        const t = this.reads.tracked(r.id);
        const f = exportFigures(this.reads, t?.seq ?? -1, t?.durationMs ?? Math.round(r.durationSec * 1000), excludeFlagged);
        return { export: this.factsOf(r.id), headline: f.headline, retention: f.retention };
      });
    const similarRows = rows.filter((r) => r.creator === facts.creator && r.projectId !== facts.projectId && Math.abs(r.durationSec - facts.durationSec) <= 0.25 * facts.durationSec);
    // Pooled from the overview's totals (two small reads), not one dashboard per similar export.
    const { totals, listeners } = this.allTotals(excludeFlagged);
    let pooled: Counts = { plays: 0, skips: 0, completions: 0, listenedMs: 0 };
    let pooledListeners = 0;
    let pooledDurationMs = 0;
    for (const r of similarRows) {
      const t = totals.get(r.id);
      if (!t) continue;
      pooled = { plays: pooled.plays + t.counts.plays, skips: pooled.skips + t.counts.skips, completions: pooled.completions + t.counts.completions, listenedMs: pooled.listenedMs + t.counts.listenedMs };
      pooledListeners += listeners.get(r.id) ?? 0;
      pooledDurationMs += t.counts.plays * t.durationMs;
    }
    const similar = similarRows.length ? { exports: similarRows.length, headline: headlineOf(pooled, pooledListeners, pooled.plays ? pooledDurationMs / pooled.plays : 1, null) } : null;
    const simulatedPlays = this.reads.simulatedPlays(exportId);
    return { export: facts, excludeFlagged, headline: figures.headline, retention: figures.retention, dropOffs: dropOffsOf(figures.retention, this.outline(exportId), this.outline(exportId).bpm), breakdowns, flagged, simulatedPlays, versions, similar };
  }

  /** Every export with its headline figures (median left out: it needs each export's histogram). */
  overview(excludeFlagged: boolean): OverviewItem[] {
    const { totals, listeners } = this.allTotals(excludeFlagged);
    return this.exports.rows().map((r) => {
      const t = totals.get(r.id);
      const durationMs = t?.durationMs ?? Math.round(r.durationSec * 1000);
      return { export: this.factsOf(r.id), headline: headlineOf(t?.counts ?? { plays: 0, skips: 0, completions: 0, listenedMs: 0 }, listeners.get(r.id) ?? 0, durationMs, null), flaggedPlays: t?.flagged ?? 0 };
    });
  }

  /** Every tracked export's summed counts and listener count, from the rollups. */
  private allTotals(excludeFlagged: boolean) {
    const totals = new Map<string, { counts: Counts; flagged: number; durationMs: number }>();
    for (const row of this.reads.overview()) {
      const entry = totals.get(row.exportId) ?? { counts: { plays: 0, skips: 0, completions: 0, listenedMs: 0 }, flagged: 0, durationMs: row.durationMs };
      if (row.flagged) entry.flagged += row.plays;
      if (!(excludeFlagged && row.flagged)) entry.counts = { plays: entry.counts.plays + row.plays, skips: entry.counts.skips + row.skips, completions: entry.counts.completions + row.completions, listenedMs: entry.counts.listenedMs + row.listenedMs };
      totals.set(row.exportId, entry);
    }
    const listeners = new Map(this.reads.overviewListeners().map((l) => [l.exportId, excludeFlagged ? l.unflagged : l.listeners]));
    return { totals, listeners };
  }

  /** Plays kept aside because no export matched them, grouped by what they named. */
  aside() {
    return this.reads.aside().map((g) => ({ ...g, firstPlayedAt: new Date(g.firstPlayedAt).toISOString(), lastPlayedAt: new Date(g.lastPlayedAt).toISOString() }));
  }

  imports() {
    return this.reads.imports();
  }

  close(): void {
    this.write.rollback();
    this.reader.close();
    this.writer.close();
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private matcher(): ExportMatcher {
    return new ExportMatcher(
      this.exports.rows().map((row): ExportIdentity => {
        const { record } = this.exports.facts(row.id);
        return {
          id: row.id,
          title: row.title,
          creator: row.creator,
          originalArtists: record.sources.map((s) => s.recording.displayArtist),
          isrc: row.isrc,
          audioSha256: row.audioSha256,
          createdAtMs: Date.parse(row.createdAt),
          durationSec: row.durationSec,
        };
      }),
    );
  }

  private factsOf(exportId: string): ExportFacts {
    const { row } = this.exports.facts(exportId);
    return {
      id: row.id,
      title: row.title,
      creator: row.creator,
      versionType: row.versionType,
      durationSec: row.durationSec,
      createdAt: row.createdAt,
      projectId: row.projectId,
      revision: row.revision,
      audioSha256: row.audioSha256,
      format: row.format,
      ledgerPosition: row.ledgerPosition,
    };
  }

  /** The export's sections (project markers at the exported revision) and stems' audible ranges. */
  private outline(exportId: string): ArrangementOutline & { bpm: number } {
    let outline = this.outlines.get(exportId);
    if (!outline) {
      const { row, record } = this.exports.facts(exportId);
      let markers: ArrangementOutline['markers'] = [];
      let bpm = 120;
      try {
        const document = this.projects.documentAt(row.projectId, row.revision);
        markers = document.markers.map((m) => ({ name: m.name, sec: beatsToSeconds(m.beat, document.bpm) }));
        bpm = document.bpm;
      } catch {
        markers = []; // the project was deleted: drop-offs are still labelled with stems
      }
      const stems = [...record.sources.flatMap((s) => s.stems.map((stem) => ({ name: stem.name, ranges: stem.ranges }))), ...record.ownRecordings.map((r) => ({ name: r.name, ranges: r.ranges }))];
      outline = { markers, stems, bpm };
      this.outlines.set(exportId, outline);
    }
    return outline;
  }
}
