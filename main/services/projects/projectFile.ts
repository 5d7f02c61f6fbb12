import fs from 'node:fs';
import { formatIssues } from '../../../shared/contract/formatIssues';
import type { MissingSource, ProjectSummary } from '../../../shared/contract/projectsContract';
import { migrateDocument } from '../../../shared/project/migrateDocument';
import { PROJECT_FILE_FORMAT, projectFileSchema, type ProjectFile } from '../../../shared/project/projectFileSchema';
import { catalogReadQueries } from '../../db/catalogReadQueries';
import { inTransaction } from '../../db/inTransaction';
import type { LibraryDatabase } from '../../db/openLibraryDatabase';
import { userAudioQueries } from '../../db/userAudioQueries';
import { analyzeAudio, AudioProblem, type AudioAnalysis } from '../../media/analyzeAudio';
import { ArchiveFolder } from '../../media/ArchiveFolder';
import type { ContentStore } from '../../media/ContentStore';
import type { ZipLimits } from '../../media/ZipLimits';
import { sha256File } from '../../media/sha256File';
import { sniffAudioFormat } from '../../media/sniffAudioFormat';
import { writeZip, zipBuffer, type ZipEntry } from '../../media/writeZip';
import { importRefusal } from '../importRefusal';
import type { ServiceError } from '../ServiceError';
import type { ProjectsService } from './ProjectsService';
import type { AudioIdentifier } from '../identity/AudioIdentifier';

export interface ProjectFileContext {
  readonly db: LibraryDatabase;
  readonly store: ContentStore;
  readonly projects: ProjectsService;
  /** Matches the takes a file brings against the catalog (a take that is catalog audio is licensed as it). */
  readonly identifier: AudioIdentifier;
  readonly scratchDir: string;
  readonly appVersion: string;
  readonly now: () => Date;
  readonly zipLimits?: ZipLimits;
}

/** The entries of a project's .stemroom file as it is now: the document, catalog references, and the user's own audio (by path). */
function projectFileEntries(context: ProjectFileContext, projectId: string): { entries: ZipEntry[]; recordings: number } {
  context.projects.flushAll();
  const document = context.projects.documentAt(projectId);
  const packages = new Map(
    catalogReadQueries(context.db)
      .packages()
      .map((p) => [p.id, p.title]),
  );
  const entries: ZipEntry[] = [];
  const file: ProjectFile = {
    format: PROJECT_FILE_FORMAT,
    exportedAt: context.now().toISOString(),
    appVersion: context.appVersion,
    document,
    catalog: [],
    audio: [],
  };
  for (const source of document.sources) {
    if (source.type === 'catalog') {
      file.catalog.push({
        sourceId: source.id,
        packageId: source.packageId,
        packageTitle: packages.get(source.packageId) ?? source.packageId,
        recordingId: source.recordingId,
        stemId: source.stemId,
        sha256: source.sha256,
      });
    } else if (context.store.has(source.sha256) && !file.audio.some((a) => a.sha256 === source.sha256)) {
      const audioPath = context.store.pathOf(source.sha256);
      const head = Buffer.alloc(64);
      const fd = fs.openSync(audioPath, 'r');
      try {
        fs.readSync(fd, head, 0, head.length, 0);
      } finally {
        fs.closeSync(fd);
      }
      const name = `audio/${source.sha256}.${sniffAudioFormat(head) ?? 'bin'}`;
      file.audio.push({ sha256: source.sha256, file: name, name: source.name });
      entries.push({ name, path: audioPath });
    }
  }
  entries.unshift({ name: 'project.json', data: Buffer.from(JSON.stringify(file, null, 2)) });
  return { entries, recordings: file.audio.length };
}

/** The .stemroom bytes of a project as it is now, in memory (the download route). */
export async function projectFileBytes(context: ProjectFileContext, projectId: string): Promise<{ bytes: Buffer; recordings: number }> {
  const { entries, recordings } = projectFileEntries(context, projectId);
  return { bytes: await zipBuffer(entries, { modified: context.now() }), recordings };
}

/** Writes the .stemroom file, streamed and atomically (never a partial file under `path`). */
export async function exportProjectFile(context: ProjectFileContext, projectId: string, path: string) {
  const { entries, recordings } = projectFileEntries(context, projectId);
  const bytes = await writeZip(path, entries, { modified: context.now() });
  return { path, bytes, recordings };
}

/**
 * Opens a .stemroom file as a new project. Refused, with nothing written,
 * for a malformed file, a document from a newer Stemroom, or contents that
 * escape the archive; catalog stems missing from this library are reported
 * with the package that provides them (the project still opens).
 */
export async function importProjectFile(context: ProjectFileContext, source: string): Promise<{ project: ProjectSummary; missing: MissingSource[] }> {
  const folder = await ArchiveFolder.open(source, context.scratchDir, {
    indexFile: 'project.json',
    what: 'a Stemroom project file',
    zipLimits: context.zipLimits,
  });
  try {
    let json: unknown;
    try {
      json = JSON.parse(folder.readIndex().text);
    } catch (error) {
      if (error instanceof SyntaxError) throw importRefusal('project.json', [`invalid JSON (${error.message})`]);
      throw error;
    }
    const parsed = projectFileSchema.safeParse(json);
    if (!parsed.success) throw importRefusal('project.json', formatIssues(parsed.error));
    const file = parsed.data;
    let document;
    try {
      document = migrateDocument(file.document);
    } catch (error) {
      throw importRefusal('project.json', [`document: ${(error as Error).message}`]);
    }
    try {
      context.projects.refuseForged([{ type: 'replaceDocument', document }], new Set(file.audio.map((a) => a.sha256)));
    } catch (error) {
      const problems = ((error as ServiceError).details as { problems?: string[] } | undefined)?.problems;
      if (problems)
        throw importRefusal(
          'project.json',
          problems.map((p) => p.replace(/\.$/, '')),
        );
      throw error;
    }
    const audio: { sha256: string; path: string; name: string; analysis: AudioAnalysis }[] = [];
    for (const [i, entry] of file.audio.entries()) {
      const path = folder.resolve(entry.file, `audio[${i}].file`);
      const actual = await sha256File(path);
      if (actual !== entry.sha256) throw importRefusal(entry.file, [`SHA-256 is ${actual}, but project.json says ${entry.sha256}`]);
      try {
        audio.push({ sha256: actual, path, name: entry.name, analysis: await analyzeAudio(path) });
      } catch (error) {
        if (error instanceof AudioProblem) throw importRefusal(entry.file, [error.message]);
        throw error;
      }
    }
    // Takes that are catalog audio are licensed as the stems they are: matched before anything is written.
    const matches = await Promise.all(audio.map((item) => context.identifier.match(item.sha256, item.analysis.fingerprint)));
    const added: string[] = [];
    try {
      for (const item of audio) {
        const stored = await context.store.putFile(item.path);
        if (stored.added) added.push(stored.sha256);
      }
      const userAudio = userAudioQueries(context.db);
      const at = context.now().toISOString();
      const project = inTransaction(context.db, () => {
        audio.forEach((item, i) => {
          userAudio.insert(item.sha256, item.name, item.analysis, at);
          context.identifier.record(item.sha256, item.analysis.fingerprint, matches[i]!);
        });
        return context.projects.insert(document, `Imported from ${folder.label}`);
      });
      const titles = new Map(file.catalog.map((c) => [c.packageId, c.packageTitle]));
      return { project, missing: context.projects.missingSources(document, titles) };
    } catch (error) {
      context.store.remove(added);
      throw error;
    }
  } finally {
    folder.dispose();
  }
}
