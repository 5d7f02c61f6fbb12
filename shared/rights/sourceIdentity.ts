import type { CatalogSource, ProjectDocument, Source } from '../project/documentSchema';

/** What the library's catalog says a stem is: the only facts the rights machine believes. */
export interface StemFacts {
  readonly stemId: string;
  readonly stemName: string;
  readonly kind: CatalogSource['kind'];
  readonly recordingId: string;
  readonly recordingTitle: string;
  readonly packageId: string;
  readonly sha256: string;
  /** The tempo and key the stem was recorded at (the recording's). */
  readonly bpm: number;
  readonly key: string;
  readonly durationSec: number;
  readonly sampleRate: number;
}

/** A creator's own audio found to be a catalog stem: the same bytes, or the same sound (fingerprint). */
export interface AudioIdentity {
  readonly stem: StemFacts;
  readonly method: 'same-audio' | 'fingerprint';
  /** Where in the stem the own audio starts (seconds; 0 for the same bytes). */
  readonly offsetSec: number;
  /** How much of the own audio was found in the stem (seconds). */
  readonly coveredSec: number;
  /** 0–1: how sure the identification is (1 for the same bytes). */
  readonly confidence: number;
}

/** The catalog, as the identity checks read it (main answers from SQLite; tests from maps). */
export interface SourceLookup {
  stem(stemId: string): StemFacts | undefined;
  /** Catalog stems whose audio has exactly this SHA-256. */
  stemsWithAudio(sha256: string): readonly StemFacts[];
  /**
   * The catalog stems this own audio is or contains (the same bytes, or
   * found by its fingerprint), strongest first; empty for genuine own audio.
   */
  identify(sha256: string): readonly AudioIdentity[];
  recordingTitle(recordingId: string): string | undefined;
}

const describe = (stem: StemFacts) => `the stem "${stem.stemName}" of "${stem.recordingTitle}"`;

/**
 * Why a catalog source's claim is false, or null when it is true (or cannot
 * be judged because its package is not in this library — then its audio is
 * missing too, and nothing can be exported from it). A source is the stem,
 * recording, package and audio the catalog says, or it is forged.
 *
 * @example
 * catalogClaimProblem({ type: 'catalog', name: 'Drums', stemId: 'emb-s-drums', sha256: <Night Ferry vocal>, … }, lookup);
 * // → 'Source "Drums" claims to be the stem "Drums" of "Glass Orchard", but its audio is the stem "Vocals" of "Night Ferry".'
 */
export function catalogClaimProblem(source: CatalogSource, lookup: SourceLookup): string | null {
  const claimed = lookup.stem(source.stemId);
  const actual = lookup.stemsWithAudio(source.sha256);
  const audioIs = actual.length ? describe(actual[0]!) : "not that stem's audio";
  if (claimed) {
    const claim = `Source "${source.name}" claims to be ${describe(claimed)}`;
    if (claimed.sha256 !== source.sha256) return `${claim}, but its audio is ${audioIs}.`;
    if (claimed.recordingId !== source.recordingId) return `${claim}, but names recording "${source.recordingId}" as its recording.`;
    if (claimed.packageId !== source.packageId) return `${claim}, but names package "${source.packageId}" as its package.`;
    return null;
  }
  if (actual.length)
    return `Source "${source.name}" claims to be stem "${source.stemId}", which is not in this library, but its audio is ${describe(actual[0]!)}.`;
  const recording = lookup.recordingTitle(source.recordingId);
  if (recording !== undefined) return `Source "${source.name}" claims to be stem "${source.stemId}" of "${recording}", which has no such stem.`;
  return null;
}

/** The catalog's facts about a stem, as a source of the document (the source's own id kept). */
function catalogSourceOf(id: string, stem: StemFacts): CatalogSource {
  return {
    id,
    type: 'catalog',
    stemId: stem.stemId,
    recordingId: stem.recordingId,
    packageId: stem.packageId,
    sha256: stem.sha256,
    name: stem.stemName,
    kind: stem.kind,
    bpm: stem.bpm,
    key: stem.key,
    durationSec: stem.durationSec,
    sampleRate: stem.sampleRate,
  };
}

/** A document as the catalog sees it: what to render, what to judge, and which own audio is catalog audio. */
export interface CatalogView {
  /** Catalog sources carry the catalog's facts (tempo, key, kind, duration): what is rendered. */
  readonly document: ProjectDocument;
  /**
   * As `document`, but own audio identified as a catalog stem is that stem
   * (its licences, credits and splits apply): what the rights are judged on.
   * An identified take keeps its own tempo and the project's key, because
   * that is how it is played — its stretch and pitch are judged as heard.
   */
  readonly rightsDocument: ProjectDocument;
  readonly identified: ReadonlyMap<string, IdentifiedAudio>;
}

/** Own audio identified as a catalog stem, with the hash of the own audio file itself. */
export interface IdentifiedAudio extends AudioIdentity {
  readonly ownSha256: string;
}

/**
 * Takes every fact about a catalog source from the catalog, never from the
 * document, and turns own audio that is catalog audio into that catalog
 * stem. Forged claims are not repaired here (see catalogClaimProblem): a
 * forged source is refused, not reinterpreted.
 */
export function catalogView(document: ProjectDocument, lookup: SourceLookup): CatalogView {
  const identified = new Map<string, IdentifiedAudio>();
  const rendered: Source[] = [];
  const judged: Source[] = [];
  const extraClips: ProjectDocument['clips'] = [];
  for (const source of document.sources) {
    if (source.type === 'catalog') {
      const stem = lookup.stem(source.stemId);
      const facts = stem && stem.sha256 === source.sha256 ? catalogSourceOf(source.id, stem) : source;
      rendered.push(facts);
      judged.push(facts);
      continue;
    }
    rendered.push(source);
    const identities = lookup.identify(source.sha256);
    if (identities.length === 0) {
      judged.push(source);
      continue;
    }
    // A take holding several catalog stems is each of them: the first takes the source's place, the others
    // become sources of their own on copies of its clips (licensed, credited and paid like the first).
    identities.forEach((identity, k) => {
      const id = k === 0 ? source.id : `${source.id}~${k}`;
      identified.set(id, { ...identity, ownSha256: source.sha256 });
      judged.push({
        ...catalogSourceOf(id, identity.stem),
        name: source.name,
        bpm: source.bpm,
        key: document.key,
        durationSec: source.durationSec,
        sampleRate: source.sampleRate,
      });
      if (k > 0) for (const clip of document.clips) if (clip.sourceId === source.id) extraClips.push({ ...clip, id: `${clip.id}~${k}`, sourceId: id });
    });
  }
  return {
    document: { ...document, sources: rendered },
    rightsDocument: { ...document, sources: judged, clips: [...document.clips, ...extraClips] },
    identified,
  };
}
