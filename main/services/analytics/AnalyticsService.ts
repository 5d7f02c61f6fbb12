import path from 'node:path';
import type { AnalyticsReport, OverviewItem, PlaysImportSummary } from '../../../shared/contract/analyticsContract';
import type { ArrangementOutline } from '../../../shared/analytics/labelMoment';
import { beatsToSeconds } from '../../../shared/project/timing';
import { analyticsReadQueries, type AnalyticsReadQueries } from '../../db/analytics/analyticsReadQueries';
import { analyticsWriteQueries, type AnalyticsWriteQueries } from '../../db/analytics/analyticsWriteQueries';
import { openAnalyticsDatabase, type AnalyticsDatabase } from '../../db/analytics/openAnalyticsDatabase';
import type { Counts } from '../../db/analytics/analyticsWriteQueries';
import type { ExportService } from '../exports/ExportService';
import type { ProjectsService } from '../projects/ProjectsService';
import { ServiceError } from '../ServiceError';
import type { TaskHandle } from '../TaskRegistry';
import { breakdownsOf, dropOffsOf, exportFigures, headlineOf, type ExportFacts } from './report/buildReport';
import { ExportMatcher, type ExportIdentity } from './import/ExportMatcher';
import { importPlays } from './import/importPlays';
import { openPlayLog } from './import/readPlayLog';
import { simulatePlays } from './import/simulatePlays';
import { simulationSource } from './import/simulationSource';

export interface SimulateRequest {
  readonly exportId: string;
  readonly plays: number;
  readonly seed: number;
  readonly days: number;
  readonly artificialShare: number;
}


/** What drop-offs are labelled with: sections and stems, the tempo for beats, and why sections are missing (null when they are not). */
type Outline = ArrangementOutline & { bpm: number; sectionsNote: string | null };

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
  private readonly outlines = new Map<string, Outline>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    file: string,
    private readonly exports: ExportService,
    private readonly projects: ProjectsService,
    private readonly now: () => Date,
    /** The artist name exports credit (the library's setting), or null: plays by it may be kept aside for a later export. */
    private readonly creatorName: () => string | null = () => null,
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
      const source = { format: log.format, fileName: options.fileName ?? path.basename(filePath), progress: { label: 'Reading plays', total: log.size }, batches: log.batches, sha256: log.sha256 };
      return importPlays(this.write, this.matcher(), source, this.now().toISOString(), task);
    });
  }

  /** Generates and imports realistic plays of one export (see simulatePlays). */
  simulate(request: SimulateRequest, task: TaskHandle): Promise<PlaysImportSummary> {
    return this.exclusive(async () => {
      const { row } = this.exports.facts(request.exportId);
      const durationMs = Math.round(row.durationSec * 1000);
      const plays = simulatePlays(this.outline(request.exportId), durationMs, { ...request, endMs: this.now().getTime(), listenerPrefix: `sim-${request.exportId.slice(-12)}-${request.seed}` });
      const source = simulationSource(request, row.title, plays);
      return importPlays(this.write, this.matcher(), source, this.now().toISOString(), task);
    });
  }

  /** One export's dashboard: headline, retention, drop-offs, breakdowns, versions, similar exports. */
  report(exportId: string, excludeFlagged: boolean): AnalyticsReport {
    const facts = this.factsOf(exportId);
    const outline = this.outline(exportId);
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
    return { export: facts, excludeFlagged, headline: figures.headline, retention: figures.retention, dropOffs: dropOffsOf(figures.retention, outline, outline.bpm), sectionsNote: outline.sectionsNote, breakdowns, flagged, versions, similar };
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
    const creator = this.creatorName();
    return new ExportMatcher(
      this.exports.rows().map((row): ExportIdentity => {
        return {
          id: row.id,
          title: row.title,
          creator: row.creator,
          isrc: row.isrc,
          audioSha256: row.audioSha256,
          createdAtMs: Date.parse(row.createdAt),
          durationSec: row.durationSec,
        };
      }),
      creator ? [creator] : [],
    );
  }

  private factsOf(exportId: string): ExportFacts {
    const { row } = this.exports.facts(exportId);
    return { id: row.id, title: row.title, creator: row.creator, versionType: row.versionType, durationSec: row.durationSec, createdAt: row.createdAt, projectId: row.projectId, revision: row.revision, audioSha256: row.audioSha256 };
  }

  /**
   * The export's sections (project markers at the exported revision) and
   * stems' audible ranges. Stems come from the export's own attribution
   * record; sections need the project, and when it cannot be read the
   * outline says why (`sectionsNote`) instead of guessing.
   */
  private outline(exportId: string): Outline {
    const cached = this.outlines.get(exportId);
    if (cached) return cached;
    const { row, record } = this.exports.facts(exportId);
    const stems = [...record.sources.flatMap((s) => s.stems.map((stem) => ({ name: stem.name, ranges: stem.ranges }))), ...record.ownRecordings.map((r) => ({ name: r.name, ranges: r.ranges }))];
    try {
      const document = this.projects.documentAt(row.projectId, row.revision);
      const outline = { markers: document.markers.map((m) => ({ name: m.name, sec: beatsToSeconds(m.beat, document.bpm) })), stems, bpm: document.bpm, sectionsNote: null };
      this.outlines.set(exportId, outline);
      return outline;
    } catch (error) {
      // Not cached: a project that could not be read may be readable later (a lock released, a file restored).
      const why = error instanceof ServiceError && error.code === 'not-found' ? error.message : `Revision ${row.revision} of its project could not be read: ${error instanceof Error ? error.message : String(error)}`;
      return { markers: [], stems, bpm: 120, sectionsNote: `${/[.!?]$/.test(why) ? why : `${why}.`} Drop-offs are labelled with stems only.` };
    }
  }
}
