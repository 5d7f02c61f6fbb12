import type { libraryMetaQueries } from '../db/libraryMetaQueries';
import type { CatalogService } from './catalog/CatalogService';
import { demoPackages, isLargeDemoPackage } from './demoCatalog';
import type { EventBus } from './EventBus';
import type { TaskRegistry } from './TaskRegistry';

/** The task id of the background import of real-size demo songs. */
export const DEMO_CATALOG_TASK = 'demo-catalog';

/** What importing the demo catalog uses. */
export interface DemoCatalogDeps {
  readonly catalog: Pick<CatalogService, 'importPackage'>;
  readonly tasks: Pick<TaskRegistry, 'run'>;
  readonly events: Pick<EventBus, 'emit'>;
  /** Where "imported once" is remembered (library_meta). */
  readonly meta: Pick<ReturnType<typeof libraryMetaQueries>, 'get' | 'set'>;
  readonly now: () => Date;
  /** False once the library is closed (a background import ending after close reports nothing). */
  readonly isOpen: () => boolean;
}

/**
 * Fills a new library with the bundled demo catalog, once per library: the
 * small packages before the studio opens, the real-size songs afterwards in
 * the background (`importLargeOnce`). `dir` null: no demo catalog.
 *
 * @example
 * const demo = new DemoCatalogImporter(defaultDemoCatalogDir(), deps);
 * await demo.importSmallOnce(); // before the hosts start
 * void demo.importLargeOnce(); // once they are up
 */
export class DemoCatalogImporter {
  constructor(
    private readonly dir: string | null,
    private readonly deps: DemoCatalogDeps,
  ) {}

  async importSmallOnce(): Promise<void> {
    const { meta, tasks, catalog, now } = this.deps;
    if (!this.dir || meta.get('demo_catalog')) return;
    // Before the studio opens, so no PCM cache yet (hundreds of MB to write): the hosts' backfill builds it right after.
    for (const packageDir of demoPackages(this.dir).filter((p) => !isLargeDemoPackage(p))) {
      await tasks.run(undefined, (task) => catalog.importPackage(packageDir, task, false));
    }
    meta.set('demo_catalog', now().toISOString());
  }

  /**
   * The real-size demo songs, imported once per library in the background
   * (task `demo-catalog`, progress per stem; the catalog refreshes when each
   * lands). A failure is reported, and tried again at the next start.
   */
  async importLargeOnce(): Promise<void> {
    const { meta, tasks, catalog, events, now } = this.deps;
    if (!this.dir || meta.get('demo_catalog_large')) return;
    const large = demoPackages(this.dir).filter(isLargeDemoPackage);
    try {
      await tasks.run(DEMO_CATALOG_TASK, async (task) => {
        for (const [n, packageDir] of large.entries()) {
          const label = `Importing demo song ${n + 1} of ${large.length}`;
          await catalog.importPackage(packageDir, { ...task, progress: (step, done, total) => task.progress(`${label}: ${step}`, done, total) });
          events.emit('library.changed', { area: 'catalog' });
        }
      });
      meta.set('demo_catalog_large', now().toISOString());
    } catch (error) {
      if (this.deps.isOpen())
        events.emit('service.error', { message: `The demo song could not be imported: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
}
