import { contentTypeOf, sniffAudioFormat } from '../media/sniffAudioFormat';
import { readFileHead } from '../media/readFileHead';
import type { ContentStore } from '../media/ContentStore';
import type { PcmCache } from '../media/PcmCache';
import type { ServedBody } from './resolveAppFile';

/** The media type the PCM cache is served as. */
export const PCM_CONTENT_TYPE = 'application/vnd.stemroom.pcm';

/** A project as a .stemroom file, and the project's name (the download is named after it). */
export interface ProjectFileDownload {
  readonly bytes: Uint8Array;
  readonly name: string;
}

/** What the media routes read: the store, its PCM cache, waveform peaks and project files. */
export interface MediaSources {
  readonly store: Pick<ContentStore, 'has' | 'pathOf'>;
  readonly pcm: Pick<PcmCache, 'ensure' | 'pathOf'>;
  /** A blob's cached waveform, whichever part of the library (catalog, own audio, exports) holds it. */
  peaks(sha256: string): Uint8Array | undefined;
  /** A project as a .stemroom file and the project's name, or null when there is no such project. */
  projectFile(projectId: string): ProjectFileDownload | null | Promise<ProjectFileDownload | null>;
}

const ROUTE = /^\/(media|peaks|pcm)\/([0-9a-f]{64})$|^\/project-file\/([0-9a-f-]{36})$/;

/**
 * The routes both hosts (Electron's `stemroom://app` protocol and the
 * browser host) serve beside the app, in one place:
 * - `/media/<sha256>`: audio from the content store, typed by its first bytes;
 * - `/pcm/<sha256>`: its PCM cache file (docs/pcm-cache.md), built first when
 *   missing or damaged, for range reads by the live engine;
 * - `/peaks/<sha256>`: its cached waveform;
 * - `/project-file/<id>`: a project as a .stemroom download.
 * Anything else under these prefixes, or audio this library does not hold, is null (404).
 *
 * @example
 * if (MediaRoutes.owns(url.pathname)) body = await routes.serve(url.pathname); // null → 404
 */
export class MediaRoutes {
  constructor(private readonly sources: MediaSources) {}

  /** Whether a path is one of these routes' (the hosts serve every other path from the built renderer). */
  static owns(urlPath: string): boolean {
    return /^\/(media|peaks|project-file|pcm)\//.test(urlPath);
  }

  async serve(urlPath: string): Promise<ServedBody | null> {
    const [, route, sha256, projectId] = ROUTE.exec(urlPath) ?? [];
    if (projectId) {
      const file = await this.sources.projectFile(projectId);
      if (!file) return null;
      return { bytes: file.bytes, contentType: 'application/zip', downloadName: `${file.name.replace(/[^\p{L}\p{N} ._()-]+/gu, '_')}.stemroom` };
    }
    if (!sha256) return null;
    if (route === 'peaks') {
      const bytes = this.sources.peaks(sha256);
      return bytes ? { bytes, contentType: 'application/octet-stream' } : null;
    }
    const { store, pcm } = this.sources;
    if (!store.has(sha256)) return null;
    if (route === 'pcm') {
      await pcm.ensure(sha256);
      return { filePath: pcm.pathOf(sha256), contentType: PCM_CONTENT_TYPE };
    }
    const filePath = store.pathOf(sha256);
    return { filePath, contentType: audioContentType(filePath) };
  }
}

/** The media type of an audio file, by its first bytes (what a store blob's name cannot tell). */
function audioContentType(filePath: string): string {
  const format = sniffAudioFormat(readFileHead(filePath, 12));
  return format ? contentTypeOf(format) : 'application/octet-stream';
}
