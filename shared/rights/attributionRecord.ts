import { z } from 'zod';
import type { ProjectDocument } from '../project/documentSchema';
import type { ExportDecision } from './decideExport';
import type { Creator, RecordingFacts } from './ExportRights';
import type { Splits } from './computeSplits';
import { unionLength } from './audibleUsage';
import { CANONICALIZATION } from './canonicalJson';
import type { IdentifiedAudio } from './sourceIdentity';
import { aiUses, exportChannels } from '../catalog/catalogPackageSchema';
import { termsOf } from '../lineage/termsOf';
import { recordLineageSchema, type RecordLineage } from '../lineage/recordLineage';

/**
 * The attribution record: everything about an export's rights, as
 * canonical JSON. Embedded in the file, written beside it as
 * FILE.credits.json, signed by the exporting library (`signature`), and —
 * without its `ledger` and `signature` members — hashed into the ledger.
 * docs/attribution-record.md describes every field.
 */
export const ATTRIBUTION_SCHEMA = 'stemroom-attribution/1';

const shareSchema = z.object({
  partyId: z.string(),
  name: z.string(),
  role: z.string(),
  shareBp: z.number().int(),
  isni: z.string().optional(),
  ipi: z.string().optional(),
});
/** `heard: false` marks a range whose clip is at or below INAUDIBLE_GAIN_DB: placed and judged, but no share (absent: heard). */
const rangeSchema = z.object({
  startSec: z.number(),
  endSec: z.number(),
  sourceStartSec: z.number(),
  sourceEndSec: z.number(),
  heard: z.literal(false).optional(),
});

export { recordLineageSchema, type RecordLineage } from '../lineage/recordLineage';

/**
 * Loudness of the file as delivered: measured on what it plays (an MP3
 * decoded back). `normalizedTo` is the target asked for; `targetReached`
 * says whether the file measures it (within EBU R 128's ±0.5 LU) or the
 * true-peak `ceilingDbtp` held it back — then `integratedLufs` is what
 * was reached. (Both are absent in records made before they existed.)
 */
export const recordLoudnessSchema = z.object({
  integratedLufs: z.number().nullable(),
  truePeakDbtp: z.number().nullable(),
  normalizedTo: z.number().nullable(),
  targetReached: z.boolean().optional(),
  ceilingDbtp: z.number().optional(),
});

export const ledgerStampSchema = z.object({
  position: z.number().int().positive(),
  previousHash: z.string().regex(/^[0-9a-f]{64}$/),
  payloadHash: z.string().regex(/^[0-9a-f]{64}$/),
  entryHash: z.string().regex(/^[0-9a-f]{64}$/),
});

export const attributionRecordSchema = z.object({
  schema: z.literal(ATTRIBUTION_SCHEMA),
  /** How the record is made canonical for hashing (RFC 8785); absent in records made before, which used sorted keys. */
  canonicalization: z.literal(CANONICALIZATION).optional(),
  exportId: z.string(),
  createdAt: z.string(),
  app: z.object({ name: z.literal('Stemroom'), version: z.string() }),
  project: z.object({ id: z.string(), name: z.string(), revision: z.number().int(), revisionSha256: z.string() }),
  output: z.object({
    title: z.string(),
    /** The export's own ISRC (compact form), when the creator has one. */
    isrc: z.string().optional(),
    versionType: z.enum(['remix', 'cover']),
    format: z.enum(['wav', 'flac', 'mp3']),
    bitDepth: z.number().int().optional(),
    bitrateKbps: z.number().int().optional(),
    sampleRate: z.number().int(),
    /**
     * Rate conversion on the way: null when sources, mix and file share one rate (nothing resampled);
     * otherwise the resampler and each conversion (every source at one rate, or the master bus).
     * Absent in records from before it was recorded.
     */
    resampling: z
      .object({
        method: z.string(),
        conversions: z.array(
          z.object({
            stage: z.enum(['sources', 'master']),
            fromHz: z.number().int(),
            toHz: z.number().int(),
            passbandHz: z.number(),
            stopbandDb: z.number(),
            tapsPerPhase: z.number().int(),
          }),
        ),
      })
      .nullable()
      .optional(),
    channels: z.number().int(),
    durationSec: z.number(),
    audioSha256: z.string().regex(/^[0-9a-f]{64}$/),
    loudness: recordLoudnessSchema,
  }),
  creator: z.object({ name: z.string(), role: z.string(), isni: z.string().optional(), ipi: z.string().optional() }),
  sources: z.array(
    z.object({
      recording: z.object({
        id: z.string(),
        title: z.string(),
        isrc: z.string(),
        displayArtist: z.string(),
        label: z.string(),
        packageId: z.string(),
        /** Whether the delivering package was signed by its rights holder, and with which key (its SHA-256 fingerprint). */
        packageSignature: z.object({ status: z.enum(['signed', 'unsigned']), keyFingerprint: z.string().optional() }).optional(),
      }),
      work: z.object({ id: z.string(), title: z.string(), iswc: z.string().nullable(), writers: z.array(shareSchema), publishers: z.array(shareSchema) }),
      masterOwners: z.array(shareSchema),
      stems: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          kind: z.string(),
          sha256: z.string(),
          ranges: z.array(rangeSchema),
          /** The tracks it plays on (what a derivative's per-track stems are checked against). Absent in older records. */
          trackIds: z.array(z.string()).optional(),
          /** Present when the creator's own audio turned out to be this stem: it is licensed, credited and paid as the stem. */
          heardAs: z
            .object({ ownSha256: z.string(), name: z.string(), method: z.enum(['same-audio', 'fingerprint']), offsetSec: z.number(), confidence: z.number() })
            .optional(),
        }),
      ),
      audibleSeconds: z.number(),
    }),
  ),
  ownRecordings: z.array(z.object({ sha256: z.string(), name: z.string(), performer: z.string(), ranges: z.array(rangeSchema) })),
  /** For a cover: the covered recording and its composition (ISWC, writers, publishers), whether or not any original audio is used. */
  covered: z
    .object({
      recording: z.object({ id: z.string(), title: z.string(), isrc: z.string(), displayArtist: z.string() }),
      work: z.object({ id: z.string(), title: z.string(), iswc: z.string().nullable(), writers: z.array(shareSchema), publishers: z.array(shareSchema) }),
    })
    .optional(),
  licences: z.array(
    z.object({
      id: z.string(),
      licensor: z.string(),
      type: z.enum(['master', 'publishing']),
      termsReliedOn: z.unknown(),
      creditText: z.string(),
    }),
  ),
  splits: z.object({ master: z.array(shareSchema), publishing: z.array(shareSchema), basis: z.array(z.string()) }),
  decision: z.object({
    allowed: z.literal(true),
    territory: z.string(),
    date: z.string(),
    /** The channel the export was declared for (checked against every licence's scopes). Absent in older records. */
    channel: z.enum(exportChannels).optional(),
    /** An AI use the export was declared for, if any. */
    aiUse: z.enum(aiUses).optional(),
    /** Licensors' approvals the export relied on (licences that require one). */
    approvals: z.array(z.object({ licence: z.string(), keyFingerprint: z.string(), signature: z.string() })).optional(),
    rulesEvaluated: z.array(z.string()),
  }),
  /** Present when a source is a derivative: the whole chain back to the originals. */
  lineage: recordLineageSchema.optional(),
  credits: z.array(z.string()),
  /** The library that made the export: its Ed25519 public key (base64 of 32 raw bytes) and that key's SHA-256. Hashed into the ledger. */
  library: z.object({ publicKey: z.string(), keyFingerprint: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
  ledger: ledgerStampSchema.optional(),
  /** Ed25519 signature, by `library.publicKey`, of the canonical JSON of the record without this member. */
  signature: z.object({ algorithm: z.literal('Ed25519'), value: z.string() }).optional(),
});

export type AttributionRecord = z.infer<typeof attributionRecordSchema>;
/** What the ledger hashes: the record without its ledger stamp and signature. */
export type AttributionPayload = Omit<AttributionRecord, 'ledger' | 'signature'>;
export type LedgerStamp = z.infer<typeof ledgerStampSchema>;

export interface RecordInput {
  readonly exportId: string;
  readonly createdAt: string;
  readonly appVersion: string;
  readonly project: AttributionRecord['project'];
  readonly document: ProjectDocument;
  readonly output: AttributionRecord['output'];
  readonly creator: Creator;
  readonly decision: ExportDecision;
  readonly recordings: ReadonlyMap<string, RecordingFacts>;
  readonly splits: Splits;
  readonly credits: readonly string[];
  /** Own audio identified as catalog stems, by source id (see catalogView). */
  readonly identified?: ReadonlyMap<string, IdentifiedAudio>;
  /** The exporting library's public key (base64) and fingerprint. */
  readonly library?: { readonly publicKey: string; readonly keyFingerprint: string };
  /** The declared channel and AI use, and the approvals relied on. */
  readonly intent?: {
    readonly channel: AttributionRecord['decision']['channel'];
    readonly aiUse?: AttributionRecord['decision']['aiUse'];
    readonly approvals?: AttributionRecord['decision']['approvals'];
  };
  /** The chain behind derivative sources, when there are any. */
  readonly lineage?: RecordLineage;
}

const strip = <T extends { isni?: string | null; ipi?: string | null }>(p: T) => ({
  ...(p.isni ? { isni: p.isni } : {}),
  ...(p.ipi ? { ipi: p.ipi } : {}),
});

const workOf = (r: RecordingFacts) => ({
  id: r.work.id,
  title: r.work.title,
  iswc: r.work.iswc,
  writers: r.work.writers.map((w) => ({ partyId: w.partyId, name: w.name, role: w.role, shareBp: w.shareBp, ...strip(w) })),
  publishers: r.work.publishers.map((p) => ({ partyId: p.partyId, name: p.name, role: 'publisher', shareBp: p.shareBp, ...strip(p) })),
});

const rangeKey = (r: { startSec: number; endSec: number; sourceStartSec: number; sourceEndSec: number }) =>
  `${r.startSec}|${r.endSec}|${r.sourceStartSec}|${r.sourceEndSec}`;

/** The record's payload (everything but the ledger stamp), from an allowed export decision. */
export function buildAttributionPayload(input: RecordInput): AttributionPayload {
  const { decision, recordings, document } = input;
  const byRecording = new Map<string, AttributionPayload['sources'][number]>();
  const ownRecordings: AttributionPayload['ownRecordings'] = [];
  for (const u of decision.usage) {
    const source = u.source;
    // Which ranges took no share is part of what the record states, so a reader can recompute its splits.
    const heard = new Set(u.heardRanges.map(rangeKey));
    const ranges = u.ranges.map((r) => (heard.has(rangeKey(r)) ? { ...r } : { ...r, heard: false as const }));
    if (source.type === 'recording') {
      ownRecordings.push({ sha256: source.sha256, name: source.name, performer: input.creator.name, ranges });
      continue;
    }
    const r = recordings.get(source.recordingId);
    if (!r) continue;
    const entry = byRecording.get(r.id) ?? {
      recording: {
        id: r.id,
        title: r.title,
        isrc: r.isrc,
        displayArtist: r.displayArtist,
        label: r.label,
        packageId: r.packageId,
        packageSignature: r.packageKeyFingerprint ? { status: 'signed' as const, keyFingerprint: r.packageKeyFingerprint } : { status: 'unsigned' as const },
      },
      work: workOf(r),
      masterOwners: r.masterOwners.map((o) => ({ partyId: o.partyId, name: o.name, role: 'master owner', shareBp: o.shareBp, ...strip(o) })),
      stems: [],
      audibleSeconds: 0,
    };
    const identity = input.identified?.get(source.id);
    const heardAs = identity
      ? {
          heardAs: {
            ownSha256: identity.ownSha256,
            name: source.name,
            method: identity.method,
            offsetSec: round3(identity.offsetSec),
            confidence: round3(identity.confidence),
          },
        }
      : {};
    const stems = [
      ...entry.stems,
      {
        id: source.stemId,
        name: r.stemNames.get(source.stemId) ?? source.name,
        kind: source.kind,
        sha256: source.sha256,
        ranges,
        trackIds: [...u.trackIds],
        ...heardAs,
      },
    ];
    // Stems of one recording playing together are one recording heard: overlaps count once, as in the splits.
    const audibleSeconds = unionLength(stems.flatMap((stem) => stem.ranges.map((range): [number, number] => [range.startSec, range.endSec])));
    byRecording.set(r.id, { ...entry, stems, audibleSeconds });
  }
  const coveredRecording = document.kind === 'cover' ? recordings.get(document.recordingId) : undefined;
  return {
    schema: ATTRIBUTION_SCHEMA,
    canonicalization: CANONICALIZATION,
    exportId: input.exportId,
    createdAt: input.createdAt,
    app: { name: 'Stemroom', version: input.appVersion },
    project: input.project,
    output: input.output,
    creator: { name: input.creator.name, role: document.kind === 'remix' ? 'remixer' : 'performer', ...strip(input.creator) },
    sources: [...byRecording.values()],
    ownRecordings,
    ...(coveredRecording
      ? {
          covered: {
            recording: { id: coveredRecording.id, title: coveredRecording.title, isrc: coveredRecording.isrc, displayArtist: coveredRecording.displayArtist },
            work: workOf(coveredRecording),
          },
        }
      : {}),
    licences: decision.relyOn.map((l) => ({
      id: l.id,
      licensor: l.licensorName,
      type: l.type,
      termsReliedOn: termsOf(l),
      creditText: l.creditText,
    })),
    splits: { master: [...input.splits.master], publishing: [...input.splits.publishing], basis: [...input.splits.basis] },
    decision: {
      allowed: true,
      territory: decision.territory,
      date: decision.date,
      ...(input.intent?.channel ? { channel: input.intent.channel } : {}),
      ...(input.intent?.aiUse ? { aiUse: input.intent.aiUse } : {}),
      ...(input.intent?.approvals?.length ? { approvals: [...input.intent.approvals] } : {}),
      rulesEvaluated: [...decision.rulesEvaluated],
    },
    ...(input.lineage && input.lineage.ancestors.length ? { lineage: input.lineage } : {}),
    credits: [...input.credits],
    ...(input.library ? { library: { ...input.library } } : {}),
  };
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
