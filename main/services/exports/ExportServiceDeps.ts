import type { libraryMetaQueries } from '../../db/libraryMetaQueries';
import type { ContentStore } from '../../media/ContentStore';
import type { LedgerHeadFile } from '../../trust/LedgerHeadFile';
import type { LibraryKey } from '../../trust/LibraryKey';
import type { ProjectsService } from '../projects/ProjectsService';
import type { SettingsService } from '../SettingsService';

/** What ExportService needs of the library and the app around it. */
export interface ExportServiceDeps {
  readonly store: ContentStore;
  readonly projects: ProjectsService;
  readonly settings: SettingsService;
  /** Where exports go when the creator names no path. */
  readonly exportsDir: string;
  readonly now: () => Date;
  /** Today as YYYY-MM-DD: the date licences are judged on. */
  readonly today: () => string;
  readonly appVersion: string;
  readonly trust: { readonly key: LibraryKey; readonly heads: LedgerHeadFile; readonly meta: ReturnType<typeof libraryMetaQueries> };
}
