import crypto from 'node:crypto';
import path from 'node:path';
import type { AnalyticsReport, OverviewItem, PlaysImportSummary } from '../../../shared/contract/analyticsContract';
import { DROP_OFF_MIN_LISTENERS, DROP_OFF_MIN_PLAYS, DROP_OFF_SIGNIFICANCE_RULE } from '../../../shared/analytics/dropOffSignificance';
import type { ArrangementOutline } from '../../../shared/analytics/labelMoment';
import { beatsToSeconds } from '../../../shared/project/timing';
import { analyticsReadQueries, type AnalyticsReadQueries } from '../../db/analytics/analyticsReadQueries';
import { analyticsWriteQueries, type AnalyticsWriteQueries, type Counts } from '../../db/analytics/analyticsWriteQueries';
import { openAnalyticsDatabase, type AnalyticsDatabase } from '../../db/analytics/openAnalyticsDatabase';
import type { ExportService } from '../exports/ExportService';
import type { ProjectsService } from '../projects/ProjectsService';
import { ServiceError } from '../ServiceError';
import type { TaskHandle } from '../TaskRegistry';
import { ExportMatcher, type ExportIdentity } from './import/ExportMatcher';
import { importPlays, type PlaySourceBatches } from './import/importPlays';
import { listenerKey } from './import/listenerKey';
import { openPlayLog } from './import/readPlayLog';
import { simulatePlays } from './import/simulatePlays';
import { simulationSource } from './import/simulationSource';
import { dropOffsOf } from './report/dropOffsOf';
import { add, breakdownsOf, exportFigures, headlineOf, listenersIn, noCounts, segmentsOf, type ExportFacts, type View } from './report/buildReport';
import { catchViews, parseCatchId, pseudonym } from './report/flagCatches';
import { flaggedPlaysOf } from './report/flaggedPlaysOf';
import { momentsOf } from './report/momentsOf';
import { PooledListeners } from './report/PooledListeners';
import { ListenerKeys } from './store/ListenerKeys';
import { judgeAgain, rebuildStoredPlays } from './store/storePlays';

export interface SimulateRequest {
  readonly exportId: string;
  readonly plays: number;
  readonly seed: number;
  readonly days: number;
  readonly artificialShare: number;
}

export interface AnalyticsServiceOptions {
  /** The analytics database (beside the library). */
  readonly file: string;
  readonly exports: ExportService;
  readonly projects: ProjectsService;
  readonly now: () => Date;
  /** The artist name exports credit (the library's setting), or null: plays by it may be kept aside for a later export. */
  readonly creatorName: () => string | null;
  /** The library's secret for keyed listener hashes (kept in the library, never in the analytics database). */
  readonly listenerSecret: Uint8Array;
}

/** What drop-offs are labelled with: sections and stems, the tempo for beats, and why sections are missing (null when they are not). */
type Outline = ArrangementOutline & { bpm: number; sectionsNote: string | null };

/**
 * Listener analytics: imports plays (files, or simulated), and reads each
 * export's dashboard and the overview from rollups. Writes go one at a time
 * through a queue on the writer connection; dashboards read through their
 * own connection, which sees only committed imports. See README.md beside
 * this file for the flow.
 */
export class AnalyticsService {
  private readonly writer: AnalyticsDatabase;
  private readonly reader: AnalyticsDatabase;
  private readonly write: AnalyticsWriteQueries;
  private readonly reads: AnalyticsReadQueries;
  private readonly outlines = new Map<string, Outline>();
  private readonly pooled: PooledListeners;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: AnalyticsServiceOptions) {
    const keys = new ListenerKeys(options.listenerSecret);
    this.writer = openAnalyticsDatabase(options.file, { rekeyListener: (old) => keys.hmac(old) });
    this.write = analyticsWriteQueries(this.writer);
    this.settle();
    this.reader = openAnalyticsDatabase(options.file, { readonly: true });
    this.reads = analyticsReadQueries(this.reader);
    this.pooled = new PooledListeners(this.reads);
  }

  /** Imports a play log (NDJSON, CSV, or a Spotify extended-history JSON file). */
  importFile(filePath: string, options: { fileName?: string; listener?: string }, task: TaskHandle): Promise<PlaysImportSummary> {
    return this.exclusive(async () => {
      const log = await openPlayLog(filePath);
      const fileName = options.fileName ?? path.basename(filePath);
      let spotify: { listener: number; note: NonNullable<PlaysImportSummary['spotifyListener']>; beforeCommit?: (importId: number) => void } | null = null;
      if (log.format === 'spotify-json') spotify = this.spotifyListener(await log.sha256(), options.listener);
      const source: PlaySourceBatches = {
        format: log.format,
        fileName,
        progress: { label: 'Reading plays', total: log.size },
        batches: (keys) => log.batches(keys, { spotifyListener: spotify?.listener ?? 0 }),
        sha256: log.sha256,
        beforeCommit: spotify?.beforeCommit,
      };
      const summary = await this.importFrom(source, task);
      return { ...summary, spotifyListener: spotify?.note ?? null };
    });
  }

  /** Generates and imports realistic plays of one export (see simulatePlays). */
  simulate(request: SimulateRequest, task: TaskHandle): Promise<PlaysImportSummary> {
    return this.exclusive(async () => {
      const { row } = this.options.exports.facts(request.exportId);
      const durationMs = Math.round(row.durationSec * 1000);
      const plays = simulatePlays(this.outline(request.exportId), durationMs, {
        ...request,
        endMs: this.options.now().getTime(),
        listenerPrefix: `sim-${request.exportId.slice(-12)}-${request.seed}`,
      });
      return this.importFrom(simulationSource(request, row.title, plays), task);
    });
  }

  /** One export's dashboard: headline, segments, retention, drop-offs, breakdowns, flags, versions and moments, similar exports. */
  report(exportId: string, excludeFlagged: boolean): AnalyticsReport {
    const view: View = excludeFlagged ? 'counted' : 'all';
    const facts = this.factsOf(exportId);
    const outline = this.outline(exportId);
    const tracked = this.reads.tracked(exportId);
    const seq = tracked?.seq ?? -1;
    const durationMs = tracked?.durationMs ?? Math.round(facts.durationSec * 1000);
    const figures = exportFigures(this.reads, seq, durationMs, view);
    const { breakdowns, flagged } = breakdownsOf(this.reads, seq, durationMs, view);
    const rows = this.options.exports.rows();
    const versionRows = rows.filter((r) => r.projectId === facts.projectId && r.id !== exportId);
    const versions = versionRows.map((r) => {
      const t = this.reads.tracked(r.id);
      const f = exportFigures(this.reads, t?.seq ?? -1, t?.durationMs ?? Math.round(r.durationSec * 1000), view);
      return { export: this.factsOf(r.id), headline: f.headline, retention: f.retention };
    });
    const dropOffs = dropOffsOf(figures.retention, figures.headline, outline, outline.bpm);
    const curves = [{ export: facts, headline: figures.headline, retention: figures.retention }, ...versions].map((v) => ({
      exportId: v.export.id,
      title: v.export.title,
      revision: v.export.revision,
      plays: v.headline.plays,
      retention: v.retention,
    }));
    const upheld = excludeFlagged && flagged.disputed > 0 ? { headline: exportFigures(this.reads, seq, durationMs, 'strict').headline } : null;
    return {
      export: facts,
      excludeFlagged,
      headline: figures.headline,
      segments: segmentsOf(figures),
      retention: figures.retention,
      dropOffs,
      dropOffRule: {
        text: DROP_OFF_SIGNIFICANCE_RULE,
        enoughPlays: figures.headline.plays >= DROP_OFF_MIN_PLAYS && figures.headline.listeners >= DROP_OFF_MIN_LISTENERS,
      },
      sectionsNote: outline.sectionsNote,
      breakdowns,
      flagged: { ...flagged, catches: catchViews(this.reads.catches(seq)) },
      upheld,
      versions,
      moments: momentsOf(dropOffs, this.reads.fixAttempts(facts.projectId), curves),
      simulatedPlays: this.reads.simulatedPlays(exportId),
      similar: this.similar(facts, rows, view),
    };
  }

  /** Every export with its headline figures (median left out: it needs each export's histogram). */
  overview(excludeFlagged: boolean): OverviewItem[] {
    const view: View = excludeFlagged ? 'counted' : 'all';
    const { totals, listeners } = this.allTotals(view);
    return this.options.exports.rows().map((r) => {
      const t = totals.get(r.id);
      const durationMs = t?.durationMs ?? Math.round(r.durationSec * 1000);
      return {
        export: this.factsOf(r.id),
        headline: headlineOf(t?.counts ?? noCounts, listeners.get(r.id) ?? 0, durationMs, null),
        flaggedPlays: t?.flagged ?? 0,
      };
    });
  }

  /** Flagged plays of one export with the rules that caught each, newest first. */
  flaggedPlays(exportId: string, limit: number) {
    this.factsOf(exportId);
    const tracked = this.reads.tracked(exportId);
    return tracked ? flaggedPlaysOf(this.write.playDaysOf(tracked.seq), limit) : [];
  }

  /** Disputes what a flag rule caught (or takes the dispute back); the export is judged again and every figure follows. */
  dispute(exportId: string, catchId: string, disputed: boolean): Promise<{ disputed: boolean }> {
    return this.exclusive(async () => {
      const tracked = this.reads.tracked(exportId);
      const named = parseCatchId(catchId);
      if (!tracked || !named) throw new ServiceError('not-found', `"${catchId}" names nothing flagged in this export.`);
      const caught = this.reads
        .catches(tracked.seq)
        .some(
          (c) =>
            c.rule === named.rule &&
            (c.listener === named.listener || named.listener === null) &&
            c.fromMinute === named.fromMinute &&
            c.toMinute === named.toMinute,
        );
      const known = this.write
        .disputes(tracked.seq)
        .some((d) => d.rule === named.rule && d.listener === named.listener && d.fromMinute === named.fromMinute && d.toMinute === named.toMinute);
      if (disputed && !caught) throw new ServiceError('not-found', `"${catchId}" names nothing flagged in this export (the flags may have changed since).`);
      if (disputed === known) return { disputed };
      this.inTransaction(() => {
        if (disputed) this.write.addDispute(tracked.seq, { ...named, disputedAt: this.options.now().toISOString() });
        else this.write.removeDispute(tracked.seq, named);
        judgeAgain(this.write, [tracked.seq]);
      });
      this.pooled.clear();
      return { disputed };
    });
  }

  /**
   * "Try a fix" at a moment of an export: its project becomes the exported
   * revision again (an undoable edit, stored as a new revision), the fix is
   * remembered for the version comparison, and the studio opens there.
   */
  tryFix(exportId: string, second: number): { projectId: string; revision: number; beat: number } {
    const { row } = this.options.exports.facts(exportId);
    if (second > row.durationSec)
      throw new ServiceError(
        'invalid-request',
        `"${row.title}" is ${Math.floor(row.durationSec)} s long: there is no moment at ${Math.floor(second)} s to fix.`,
      );
    const document = this.options.projects.documentAt(row.projectId, row.revision);
    const clock = `${Math.floor(second / 60)}:${String(Math.floor(second % 60)).padStart(2, '0')}`;
    this.options.projects.edit(row.projectId, [{ type: 'replaceDocument', document }], `Try a fix at ${clock} (from "${row.title}")`);
    const revision = this.options.projects.revisions(row.projectId).reduce((last, r) => Math.max(last, r.revision), 0);
    this.inTransaction(() => this.write.addFixAttempt(exportId, row.projectId, Math.floor(second), revision, this.options.now().toISOString()));
    return { projectId: row.projectId, revision, beat: (second * document.bpm) / 60 };
  }

  /** Plays kept aside because no export matched them yet, grouped by what they named. */
  aside() {
    return this.reads
      .aside()
      .map((g) => ({ ...g, firstPlayedAt: new Date(g.firstPlayedAt).toISOString(), lastPlayedAt: new Date(g.lastPlayedAt).toISOString() }));
  }

  imports() {
    return this.reads.imports();
  }

  close(): void {
    this.write.rollback();
    this.reader.close();
    this.writer.close();
  }

  /**
   * On opening: finishes what a migration asked for (judging and rolling up
   * every stored play again), and drops plays kept aside that no export of
   * this library could claim (kept by an earlier version).
   */
  private settle(): void {
    const rebuild = this.write.meta('rebuild') !== undefined;
    const matcher = this.matcher();
    const unclaimable = this.write
      .asideKeys()
      .filter((k) => !matcher.candidates(k.keyKind as never, k.keyValue).length && !matcher.couldMatchLater(k.keyKind as never, k.keyValue));
    if (!rebuild && !unclaimable.length) return;
    this.inTransaction(() => {
      for (const k of unclaimable) this.write.takeAside(k.keyKind, k.keyValue);
      if (rebuild) {
        rebuildStoredPlays(this.write);
        this.write.deleteMeta('rebuild');
      }
    });
  }

  private async importFrom(source: PlaySourceBatches, task: TaskHandle): Promise<PlaysImportSummary> {
    try {
      return await importPlays(
        this.write,
        this.matcher(),
        source,
        { importedAt: this.options.now().toISOString(), keys: new ListenerKeys(this.options.listenerSecret) },
        task,
      );
    } finally {
      this.pooled.clear();
    }
  }

  /**
   * Whose plays a Spotify history without usernames holds: the listener the
   * same file (by its content's keyed hash) was first imported as; else the
   * named listener; else one of its own, derived from its content. Returned
   * as a listener digest, or −key − 1 for a stored key.
   */
  private spotifyListener(sha256: string, named: string | undefined) {
    const fileKey = crypto.createHmac('sha256', this.options.listenerSecret).update(`spotify-file:${sha256}`).digest('hex');
    const known = this.write.spotifyFile(fileKey);
    if (known !== undefined) {
      const label = named
        ? `the listener this file was first imported as (${pseudonym(known)}), not "${named}": a file's plays keep one listener`
        : `the listener this file was first imported as (${pseudonym(known)})`;
      return { listener: -known - 1, note: { how: 'earlier import' as const, label } };
    }
    const digest = listenerKey(named ? `spotify:${named}` : `spotify-file:${sha256}`);
    const keys = new ListenerKeys(this.options.listenerSecret);
    return {
      listener: digest,
      note: named
        ? { how: 'named' as const, label: `"${named}"` }
        : { how: 'file' as const, label: `a listener of its own (${pseudonym(keys.hmac(digest))}), from the file's content` },
      beforeCommit: (importId: number) => this.write.saveSpotifyFile(fileKey, keys.hmac(digest), importId),
    };
  }

  /** Similar exports (the creator's others, not of this project, ±25 % in length), pooled: distinct listeners across them. */
  private similar(facts: ExportFacts, rows: ReturnType<ExportService['rows']>, view: View): AnalyticsReport['similar'] {
    const similarRows = rows.filter(
      (r) => r.creator === facts.creator && r.projectId !== facts.projectId && Math.abs(r.durationSec - facts.durationSec) <= 0.25 * facts.durationSec,
    );
    if (!similarRows.length) return null;
    // Pooled from the overview's totals (two small reads), not one dashboard per similar export.
    const { totals } = this.allTotals(view);
    let pooled: Counts = noCounts;
    let pooledDurationMs = 0;
    const seqs: number[] = [];
    for (const r of similarRows) {
      const t = totals.get(r.id);
      if (!t) continue;
      pooled = add(pooled, t.counts);
      pooledDurationMs += t.counts.plays * t.durationMs;
      seqs.push(t.seq);
    }
    const listeners = this.pooled.count(seqs, view !== 'all');
    return { exports: similarRows.length, headline: headlineOf(pooled, listeners, pooled.plays ? pooledDurationMs / pooled.plays : 1, null) };
  }

  /** Every tracked export's summed counts in the view, flagged plays and listener count, from the rollups. */
  private allTotals(view: View) {
    const totals = new Map<string, { seq: number; counts: Counts; flagged: number; durationMs: number }>();
    for (const row of this.reads.overview()) {
      const entry = totals.get(row.exportId) ?? { seq: row.seq, counts: noCounts, flagged: 0, durationMs: row.durationMs };
      if (row.flagged) entry.flagged += row.plays;
      if (view === 'all' || row.flagged !== 1) entry.counts = add(entry.counts, row);
      totals.set(row.exportId, entry);
    }
    const listeners = new Map(this.reads.overviewListeners().map((l) => [l.exportId, listenersIn(l, view).listeners]));
    return { totals, listeners };
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private inTransaction(work: () => void): void {
    this.write.begin();
    try {
      work();
      this.write.commit();
    } catch (error) {
      this.write.rollback();
      throw error;
    }
  }

  private matcher(): ExportMatcher {
    const creator = this.options.creatorName();
    return new ExportMatcher(
      this.options.exports.rows().map((row): ExportIdentity => ({
        id: row.id,
        title: row.title,
        creator: row.creator,
        isrc: row.isrc,
        audioSha256: row.audioSha256,
        createdAtMs: Date.parse(row.createdAt),
        durationSec: row.durationSec,
      })),
      creator ? [creator] : [],
    );
  }

  private factsOf(exportId: string): ExportFacts {
    const { row } = this.options.exports.facts(exportId);
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

  /**
   * The export's sections (project markers at the exported revision) and
   * stems' audible ranges. Stems come from the export's own attribution
   * record; sections need the project, and when it cannot be read the
   * outline says why (`sectionsNote`) instead of guessing.
   */
  private outline(exportId: string): Outline {
    const cached = this.outlines.get(exportId);
    if (cached) return cached;
    const { row, record } = this.options.exports.facts(exportId);
    const stems = [
      ...record.sources.flatMap((s) => s.stems.map((stem) => ({ name: stem.name, ranges: stem.ranges }))),
      ...record.ownRecordings.map((r) => ({ name: r.name, ranges: r.ranges })),
    ];
    try {
      const document = this.options.projects.documentAt(row.projectId, row.revision);
      const outline = {
        markers: document.markers.map((m) => ({ name: m.name, sec: beatsToSeconds(m.beat, document.bpm) })),
        stems,
        bpm: document.bpm,
        sectionsNote: null,
      };
      this.outlines.set(exportId, outline);
      return outline;
    } catch (error) {
      // Not cached: a project that could not be read may be readable later (a lock released, a file restored).
      const why =
        error instanceof ServiceError && error.code === 'not-found'
          ? error.message
          : `Revision ${row.revision} of its project could not be read: ${error instanceof Error ? error.message : String(error)}`;
      return { markers: [], stems, bpm: 120, sectionsNote: `${/[.!?]$/.test(why) ? why : `${why}.`} Drop-offs are labelled with stems only.` };
    }
  }
}
