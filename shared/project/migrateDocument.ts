import { PROJECT_SCHEMA_VERSION, type ProjectDocument } from './documentSchema';
import { documentProblems } from './validateDocument';
import { projectSampleRate } from './projectSampleRate';

/** Pure steps from schema version N to N+1, keyed by N. */
export const documentMigrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  /** 1 → 2: takes. Every existing clip is heard, so every clip becomes active. */
  1: (doc) => ({
    ...doc,
    clips: Array.isArray(doc.clips)
      ? doc.clips.map((clip: unknown) => (typeof clip === 'object' && clip !== null ? { ...clip, active: true } : clip))
      : doc.clips,
  }),
  /** 2 → 3: the project's sample rate, taken from its sources (what its exports were judged against: their own rate). */
  2: (doc) => ({ ...doc, sampleRate: projectSampleRate(Array.isArray(doc.sources) ? doc.sources.filter(isRatedSource) : []) }),
};

export class DocumentFromFutureError extends Error {
  override readonly name = 'DocumentFromFutureError';
}

/**
 * Brings a stored document of any earlier schema version to the current one
 * and validates it. A document from a newer Stemroom is refused, never guessed at.
 */
export function migrateDocument(raw: unknown): ProjectDocument {
  if (typeof raw !== 'object' || raw === null) throw new Error('a project document is a JSON object');
  let doc = raw as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new Error('the project document has no valid schemaVersion');
  if (version > PROJECT_SCHEMA_VERSION) {
    throw new DocumentFromFutureError(
      `The project was saved by a newer Stemroom (document schema ${version}; this version reads up to ${PROJECT_SCHEMA_VERSION}).`,
    );
  }
  for (let v = version; v < PROJECT_SCHEMA_VERSION; v++) {
    const step = documentMigrations[v];
    if (!step) throw new Error(`no migration from document schema ${v}`);
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  const problems = documentProblems(doc);
  if (problems.length) throw new Error(`the project document is invalid: ${problems.slice(0, 3).join('; ')}`);
  return doc as ProjectDocument;
}

function isRatedSource(source: unknown): source is { type: 'catalog' | 'recording'; sampleRate: number } {
  if (typeof source !== 'object' || source === null) return false;
  const { type, sampleRate } = source as Record<string, unknown>;
  return (type === 'catalog' || type === 'recording') && typeof sampleRate === 'number' && Number.isInteger(sampleRate) && sampleRate > 0;
}
