import type { Settings } from '../../shared/contract/catalogContract';
import { isCountryCode } from '../../shared/rights/territories';
import { libraryMetaQueries } from '../db/libraryMetaQueries';
import type { LibraryDatabase } from '../db/openLibraryDatabase';

/** The user's territory from the OS locale (en-GB → GB), else GB. */
export function localeTerritory(locale = Intl.DateTimeFormat().resolvedOptions().locale): string {
  const region = new Intl.Locale(locale).maximize().region;
  return region && isCountryCode(region) ? region : 'GB';
}

/** Library-wide preferences, kept in library_meta. */
export class SettingsService {
  private readonly meta;

  constructor(db: LibraryDatabase) {
    this.meta = libraryMetaQueries(db);
  }

  get(): Settings {
    return { territory: this.meta.get('territory') ?? localeTerritory(), creatorName: this.meta.get('creator_name') ?? null };
  }

  update(changes: Partial<Settings>): Settings {
    if (changes.territory) this.meta.set('territory', changes.territory);
    if (changes.creatorName) this.meta.set('creator_name', changes.creatorName);
    return this.get();
  }
}
