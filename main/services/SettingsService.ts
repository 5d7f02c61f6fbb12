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
    return { territory: this.meta.get('territory') ?? localeTerritory(), creatorName: this.meta.get('creator_name') ?? null, inputLatencyMs: this.latencies() };
  }

  update(changes: Partial<Settings>): Settings {
    if (changes.territory) this.meta.set('territory', changes.territory);
    if (changes.creatorName) this.meta.set('creator_name', changes.creatorName);
    if (changes.inputLatencyMs) this.meta.set('input_latency_ms', JSON.stringify({ ...this.latencies(), ...changes.inputLatencyMs }));
    return this.get();
  }

  private latencies(): Record<string, number> {
    const stored = this.meta.get('input_latency_ms');
    if (!stored) return {};
    try {
      const parsed = JSON.parse(stored) as unknown;
      return typeof parsed === 'object' && parsed !== null
        ? Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number'))
        : {};
    } catch {
      return {}; // a damaged value reads as "not calibrated", never as an error
    }
  }
}
