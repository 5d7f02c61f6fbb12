import path from 'node:path';
import { Library } from './Library';
import { EventBus } from './EventBus';
import { TaskRegistry } from './TaskRegistry';
import { Dispatcher, type Handlers } from './Dispatcher';
import { libraryHandlers } from './libraryHandlers';
import { SettingsService } from './SettingsService';
import { Uploads } from './Uploads';
import { CatalogService } from './catalog/CatalogService';
import { catalogHandlers } from './catalog/catalogHandlers';
import type { ZipLimits } from '../media/ZipLimits';
import { defaultDemoCatalogDir } from './demoCatalog';
import { DEMO_CATALOG_TASK, DemoCatalogImporter } from './DemoCatalogImporter';
import { ProjectsService } from './projects/ProjectsService';
import { projectsHandlers } from './projects/projectsHandlers';
import { commandHandlers } from './projects/commandHandlers';
import { projectFileBytes, type ProjectFileContext } from './projects/projectFile';
import { MediaRoutes } from '../serving/MediaRoutes';
import { appVersion } from './appVersion';
import { UserAudioService } from './recordings/UserAudioService';
import { ExportService } from './exports/ExportService';
import { exportsHandlers } from './exports/exportsHandlers';
import { DeliveryBundles } from './delivery/DeliveryBundles';
import { AnalyticsService } from './analytics/AnalyticsService';
import { analyticsHandlers } from './analytics/analyticsHandlers';
import { listenerSecret } from './analytics/listenerSecret';
import { recordingsHandlers } from './recordings/recordingsHandlers';
import { revealInFileManager } from './revealInFileManager';
import { libraryMetaQueries } from '../db/libraryMetaQueries';
import { LedgerHeadFile } from '../trust/LedgerHeadFile';
import { ContentStore } from '../media/ContentStore';
import { PcmCache } from '../media/PcmCache';
import { AudioIdentifier } from './identity/AudioIdentifier';
import { buildMissingPcm, type PcmBackfill } from '../media/buildMissingPcm';
import { PublishService } from './lineage/PublishService';
import { LineageService } from './lineage/LineageService';
import { ApprovalService } from './lineage/ApprovalService';
import { lineageHandlers } from './lineage/lineageHandlers';

/** The task id of the background PCM cache backfill (its progress events carry it). */
export const PCM_CACHE_TASK = 'pcm-cache';
export { DEMO_CATALOG_TASK } from './DemoCatalogImporter';

export interface ServicesOptions {
  /** Packages imported into a brand-new library; null for none. Default: the bundled demo catalog. */
  readonly demoCatalogDir?: string | null;
  /** The clock rights are judged by (tests pin it). */
  readonly now?: () => Date;
  readonly zipLimits?: ZipLimits;
  /** Shows a file in the OS file manager (Electron's shell in the desktop app). */
  readonly reveal?: (path: string) => boolean;
}

/**
 * Everything the hosts need, created once per process: the open library,
 * its content store, the services, the event bus, running tasks, and the
 * contract dispatcher over them.
 */
export class StemroomServices {
  readonly events = new EventBus();
  readonly tasks = new TaskRegistry(this.events);
  readonly store: ContentStore;
  /** Every audio blob decoded once (store/pcm/): what renders read and the live engine streams. */
  readonly pcm: PcmCache;
  /** Recognises catalog audio inside the creator's own audio (fingerprints). */
  readonly identifier: AudioIdentifier;
  readonly uploads: Uploads;
  readonly settings: SettingsService;
  readonly catalog: CatalogService;
  readonly projects: ProjectsService;
  readonly userAudio: UserAudioService;
  readonly exports: ExportService;
  readonly bundles: DeliveryBundles;
  readonly analytics: AnalyticsService;
  /** Exports published as catalog sources (derivative packages). */
  readonly publishing: PublishService;
  /** Family trees of recordings and exports. */
  readonly lineage: LineageService;
  /** Licensors' signed approvals. */
  readonly approvals: ApprovalService;
  readonly dispatcher: Dispatcher;
  /** `/media`, `/pcm`, `/peaks` and `/project-file`: what both hosts serve beside the app. */
  readonly media: MediaRoutes;
  readonly reveal: (path: string) => boolean;
  private readonly zipLimits: ZipLimits | undefined;
  private readonly demo: DemoCatalogImporter;
  readonly now: () => Date;
  private closed = false;

  private constructor(
    readonly library: Library,
    options: ServicesOptions,
  ) {
    const { paths, db, scratchDir } = library;
    this.now = options.now ?? (() => new Date());
    this.store = new ContentStore(paths.storeDir, scratchDir);
    this.uploads = new Uploads(path.join(scratchDir, 'uploads'));
    this.settings = new SettingsService(db);
    this.zipLimits = options.zipLimits;
    this.pcm = PcmCache.of(this.store);
    this.identifier = new AudioIdentifier(db, (sha) => this.pcm.read(sha), this.now);
    this.catalog = new CatalogService(db, this.store, scratchDir, this.now, options.zipLimits, this.pcm, this.identifier);
    this.projects = new ProjectsService(
      db,
      this.store,
      this.now,
      () => ({ territory: this.settings.get().territory, date: this.today() }),
      (error) =>
        this.events.emit('service.error', {
          message: `A project could not be saved: ${error instanceof Error ? error.message : String(error)}. Stemroom keeps trying.`,
        }),
    );
    this.userAudio = new UserAudioService(db, this.store, scratchDir, this.now, this.identifier, this.pcm);
    this.exports = new ExportService(db, {
      store: this.store,
      projects: this.projects,
      settings: this.settings,
      exportsDir: path.join(paths.dataDir, 'exports'),
      now: this.now,
      today: () => this.today(),
      appVersion,
      trust: { key: library.key, heads: new LedgerHeadFile(paths.ledgerHeadPath, library.key), meta: libraryMetaQueries(db) },
    });
    this.bundles = new DeliveryBundles(this.exports, paths.tmpDir, options.zipLimits);
    this.analytics = new AnalyticsService({
      file: paths.analyticsPath,
      exports: this.exports,
      projects: this.projects,
      now: this.now,
      creatorName: () => this.settings.get().creatorName,
      listenerSecret: listenerSecret(db),
    });
    this.publishing = new PublishService(db, this.store, this.exports, this.projects, library.key, this.now, () => this.today());
    this.lineage = new LineageService(db, this.exports);
    this.approvals = new ApprovalService(db, this.projects, this.exports, this.settings, this.now);
    this.reveal = options.reveal ?? revealInFileManager;
    this.demo = new DemoCatalogImporter(options.demoCatalogDir === undefined ? defaultDemoCatalogDir() : options.demoCatalogDir, {
      catalog: this.catalog,
      tasks: this.tasks,
      events: this.events,
      now: this.now,
      meta: libraryMetaQueries(db),
      isOpen: () => library.db.open,
    });
    this.media = new MediaRoutes({
      store: this.store,
      pcm: this.pcm,
      peaks: (sha256) => this.catalog.peaks(sha256) ?? this.userAudio.peaks(sha256) ?? this.exports.peaks(sha256),
      projectFile: (projectId) =>
        this.projects.exists(projectId)
          ? projectFileBytes(this.projectFileContext(), projectId).then(({ bytes }) => ({ bytes, name: this.projects.summaryOf(projectId).name }))
          : null,
    });
    this.dispatcher = new Dispatcher(this.handlers());
  }

  /** Opens the library in `dataDir` (creating it), and fills a brand-new one with the demo catalog. */
  static async open(dataDir: string, options: ServicesOptions = {}): Promise<StemroomServices> {
    const services = new StemroomServices(Library.open(dataDir), options);
    try {
      await services.exports.recover();
      await services.identifier.identifyOwnAudioWithoutFingerprint();
      await services.demo.importSmallOnce();
    } catch (error) {
      services.close();
      throw error;
    }
    return services;
  }

  /**
   * Builds, in the background, the PCM cache of audio that lacks one (a
   * library from before the cache, or a cache file removed or damaged):
   * progress goes out as the `pcm-cache` task; close() stops it. The hosts
   * start it once they are up; anything still missing is built when first
   * needed.
   */
  prepareAudioCache(): Promise<PcmBackfill> {
    if (!this.library.db.open) return Promise.resolve({ valid: 0, built: 0, failed: [] });
    return this.tasks
      .run(PCM_CACHE_TASK, (task) => buildMissingPcm(this.store, this.pcm, (done, total) => task.progress('Preparing audio cache', done, total), task.signal))
      .catch((error: unknown) => ({ valid: 0, built: 0, failed: [{ sha256: '', reason: error instanceof Error ? error.message : String(error) }] }));
  }

  /**
   * What the hosts start once they are up: the real-size demo songs of a
   * new library (unless `largeDemo` is false — tests that do not need them),
   * then the PCM cache of anything that lacks one. Never throws.
   */
  async startBackgroundWork(options: { readonly largeDemo: boolean }): Promise<void> {
    if (options.largeDemo) await this.demo.importLargeOnce();
    await this.prepareAudioCache();
  }

  /** Today as YYYY-MM-DD (UTC), the date licences are judged on. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  /** What .stemroom import and export need. */
  projectFileContext(): ProjectFileContext {
    return {
      db: this.library.db,
      store: this.store,
      projects: this.projects,
      identifier: this.identifier,
      scratchDir: this.library.scratchDir,
      appVersion,
      now: this.now,
      zipLimits: this.zipLimits,
    };
  }

  /** Each handler group gets only the services it calls. */
  private handlers(): Handlers {
    const { library, tasks, uploads, events, catalog, settings, projects, exports, bundles, analytics, userAudio, lineage, publishing, approvals, reveal } =
      this;
    const today = () => this.today();
    return {
      ...libraryHandlers({ library, tasks }),
      ...catalogHandlers({ catalog, settings, tasks, uploads, events, today }),
      ...projectsHandlers({ projects, uploads, events, projectFileContext: () => this.projectFileContext() }),
      ...commandHandlers(projects),
      ...exportsHandlers({ exports, bundles, tasks, uploads, events, reveal }),
      ...analyticsHandlers({ analytics, tasks, uploads, events }),
      ...recordingsHandlers({ userAudio, uploads }),
      ...lineageHandlers({ lineage, publishing, approvals, tasks, uploads, events }),
    };
  }

  /** Writes pending edits and closes the databases; safe to call more than once (signal, last resort, normal exit). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.tasks.cancel(DEMO_CATALOG_TASK);
    this.tasks.cancel(PCM_CACHE_TASK);
    try {
      if (this.library.db.open) this.projects.flushAll();
    } finally {
      this.analytics.close();
      this.library.close();
    }
  }
}
