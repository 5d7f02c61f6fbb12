import type { z } from 'zod';
import type { catalogSearchRequestSchema, ImportSummary, RecordingDetail, RecordingSummary } from '../../../shared/contract/catalogContract';
import { recordingPermission, stemUsability, type RecordingRights } from '../../../shared/rights/recordingPermission';
import { licenceGap } from '../../../shared/rights/licenceGap';
import { licenceSummary } from '../../../shared/rights/licenceSummary';
import { catalogReadQueries } from '../../db/catalogReadQueries';
import { catalogSearchQueries } from '../../db/catalogSearchQueries';
import type { LibraryDatabase } from '../../db/openLibraryDatabase';
import type { ContentStore } from '../../media/ContentStore';
import { ServiceError } from '../ServiceError';
import type { TaskHandle } from '../TaskRegistry';
import { recordingRights } from './catalogRights';
import { importCatalogPackage } from './importCatalogPackage';
import type { ZipLimits } from '../../media/ZipLimits';
import type { AudioIdentifier } from '../identity/AudioIdentifier';
import type { PcmCache } from '../../media/PcmCache';

type SearchRequest = z.output<typeof catalogSearchRequestSchema>;

/** Recordings whose parsed licences the search keeps (a few pages of every recent query). */
const RIGHTS_CACHE_SIZE = 5000;

/** Where and when rights are judged: the user's territory, today. */
export interface RightsContext {
  readonly territory: string;
  readonly date: string;
}

/** The catalog: importing packages, searching, and recording pages with their rights. */
export class CatalogService {
  private readonly reads;
  private readonly searches;
  private readonly rightsCache = new Map<string, RecordingRights>();
  private rightsCacheVersion = '';

  constructor(
    private readonly db: LibraryDatabase,
    private readonly store: ContentStore,
    private readonly scratchDir: string,
    private readonly now: () => Date,
    private readonly zipLimits?: ZipLimits,
    private readonly pcm?: PcmCache,
    private readonly identifier?: AudioIdentifier,
  ) {
    this.reads = catalogReadQueries(db);
    this.searches = catalogSearchQueries(db);
  }

  /**
   * Imports a package; then own audio recorded before its stems existed is
   * matched against them (a take that turns out to be catalog audio is
   * licensed as it from then on). Its stems' PCM cache is written from the
   * import's own decode unless `decodeToCache` is false (the small demo songs
   * of a first start: the hosts build theirs in the background afterwards).
   */
  async importPackage(source: string, task: TaskHandle, decodeToCache = true): Promise<ImportSummary> {
    const summary = await importCatalogPackage(source, {
      db: this.db,
      store: this.store,
      scratchDir: this.scratchDir,
      task,
      now: this.now,
      zipLimits: this.zipLimits,
      pcm: decodeToCache ? this.pcm?.staging() : undefined,
      recogniseStem: this.identifier ? (fingerprint) => this.identifier!.match('', fingerprint) : undefined,
    });
    if (summary.status !== 'unchanged' && this.identifier) {
      await this.identifier.matchOwnAudioAgainst(new Set(this.reads.stemIdsOfPackage(summary.packageId)));
    }
    return summary;
  }

  search(request: SearchRequest, rights: RightsContext): { total: number; items: RecordingSummary[] } {
    const { total, rows } = this.searches.search({ ...request, territory: rights.territory, date: rights.date });
    // Once per page, not per row: cached licences hold while the catalog is unchanged (and a few pages' worth).
    const version = this.searches.catalogVersion();
    if (version !== this.rightsCacheVersion || this.rightsCache.size + rows.length > RIGHTS_CACHE_SIZE) {
      this.rightsCache.clear();
      this.rightsCacheVersion = version;
    }
    const items = rows.map((row) => {
      const licences = this.rightsOf(row.id, row.title, row.workId, row.workTitle);
      const view = (use: 'remix' | 'cover') => {
        const p = recordingPermission(licences, use, rights.territory, rights.date);
        return { allowed: p.allowed, reasons: [...p.reasons] };
      };
      const { workId: _workId, ...summary } = row;
      return { ...summary, remix: view('remix'), cover: view('cover') };
    });
    return { total, items };
  }

  /**
   * A recording's licences, parsed, kept while the catalog is unchanged:
   * typing a search re-lists mostly the same rows, and reading their
   * licences is most of what a page of results costs on a large library.
   */
  private rightsOf(recordingId: string, title: string, workId: string, workTitle: string): RecordingRights {
    let rights = this.rightsCache.get(recordingId);
    if (!rights) {
      rights = recordingRights(title, workTitle, this.reads.licences(recordingId, workId));
      this.rightsCache.set(recordingId, rights);
    }
    return rights;
  }

  recording(id: string, rights: RightsContext): RecordingDetail {
    const row = this.reads.recording(id);
    if (!row) throw new ServiceError('not-found', `There is no recording "${id}" in the library.`);
    const licenceRows = this.reads.licences(row.id, row.workId);
    const licences = recordingRights(row.title, row.workTitle, licenceRows);
    const stems = this.reads.stems(row.id);
    const stemNames = new Map(stems.map((s) => [s.id, s.name]));
    const permission = (use: 'remix' | 'cover') => {
      const p = recordingPermission(licences, use, rights.territory, rights.date);
      return { allowed: p.allowed, reasons: [...p.reasons] };
    };
    return {
      id: row.id,
      title: row.title,
      isrc: row.isrc,
      displayArtist: row.displayArtist,
      label: row.label,
      bpm: row.bpm,
      key: row.key,
      durationMs: row.durationMs,
      releaseDate: row.releaseDate,
      package: { id: row.packageId, title: row.packageTitle, version: row.packageVersion, keyFingerprint: row.packageKeyFingerprint },
      work: { id: row.workId, title: row.workTitle, iswc: row.iswc, writers: this.reads.writers(row.workId), publishers: this.reads.publishers(row.workId) },
      masterOwners: this.reads.masterOwners(row.id),
      credits: this.reads.credits(row.id),
      stems: stems.map((stem) => {
        const usability = (use: 'remix' | 'cover') => {
          const u = stemUsability(stem, licences.masterLicences, use, rights.territory, rights.date);
          return { usable: u.usable, ...(u.reason ? { reason: u.reason } : {}), restrictions: [...u.restrictions] };
        };
        return {
          id: stem.id,
          name: stem.name,
          kind: stem.kind,
          sha256: stem.sha256,
          format: stem.format,
          sampleRate: stem.sampleRate,
          channels: stem.channels,
          durationSec: stem.frames / stem.sampleRate,
          loudnessLufs: stem.loudnessLufs,
          peakDbfs: stem.peakDbfs,
          remix: usability('remix'),
          cover: usability('cover'),
        };
      }),
      licences: licenceRows.map(({ licence, licensorName, packageVersion }) => {
        const gaps = licence.uses.map((use) => licenceGap(licence, use, rights.territory, rights.date));
        return {
          id: licence.id,
          type: licence.type,
          licensor: licensorName,
          uses: licence.uses,
          validFrom: licence.validFrom,
          validUntil: licence.validUntil ?? null,
          summary: licenceSummary(licence, rights.date, stemNames),
          creditText: licence.creditText,
          rightsHolderShareBp: licence.revenue.rightsHolderShareBp,
          inactiveReason: gaps.every((g) => g !== null) ? gaps[0]!.message : null,
          packageVersion,
        };
      }),
      licenceHistory: this.reads.licenceHistory(row.id, row.workId),
      remix: permission('remix'),
      cover: permission('cover'),
      territory: rights.territory,
      date: rights.date,
    };
  }

  packages() {
    return this.reads.packages();
  }

  keys(): string[] {
    return this.searches.keys();
  }

  peaks(sha256: string): Uint8Array | undefined {
    return this.reads.peaks(sha256);
  }
}
