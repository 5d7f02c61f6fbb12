import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { ExportCheck, ExportListItem, ExportSummary, exportOptionsSchema, Inspection } from '../../../shared/contract/exportsContract';
import { attributionRecordSchema, buildAttributionPayload, type AttributionPayload, type AttributionRecord } from '../../../shared/rights/attributionRecord';
import { canonicalJson, recordCanonicalJson } from '../../../shared/rights/canonicalJson';
import { computeSplits } from '../../../shared/rights/computeSplits';
import { creditLines } from '../../../shared/rights/creditLines';
import { decideExport } from '../../../shared/rights/decideExport';
import { uuidv7 } from '../../../shared/rights/uuidv7';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { resamplingFacts } from './resamplingFacts';
import { renderExportAudio } from './renderExportAudio';
import { catalogReadQueries } from '../../db/catalogReadQueries';
import { ledgerLockPath } from '../../db/ledgerLock';
import { ledgerQueries, type ExportRow, type LedgerEntry } from '../../db/ledgerQueries';
import type { LibraryDatabase } from '../../db/openLibraryDatabase';
import type { ContentStore } from '../../media/ContentStore';
import { ServiceError } from '../ServiceError';
import type { SettingsService } from '../SettingsService';
import type { TaskHandle } from '../TaskRegistry';
import type { ProjectsService } from '../projects/ProjectsService';
import { ExportPublisher } from './ExportPublisher';
import { exportTags } from './exportTags';
import { entryHash, GENESIS_HASH, sha256Hex } from './ledgerHash';
import { recordingFactsFor } from './recordingFacts';
import { forgedSourceReasons } from './forgedSourceReasons';
import { sourceIdentityQueries } from '../../db/sourceIdentityQueries';
import { catalogView } from '../../../shared/rights/sourceIdentity';
import { verifyLedger } from './verifyLedger';
import { inspectExportFile } from './inspectExportFile';
import { ExportFileStates } from './ExportFileStates';
import type { LibraryKey } from '../../trust/LibraryKey';
import type { LedgerHeadFile, SignedLedgerHead } from '../../trust/LedgerHeadFile';
import { signRecord } from '../../trust/recordSignature';
import type { libraryMetaQueries } from '../../db/libraryMetaQueries';
import { DerivativeChains } from '../lineage/DerivativeChains';
import { approvalQueries } from '../../db/approvalQueries';
import type { ExportIntent } from '../../../shared/lineage/decideScopes';
import { judgeLineageAndScopes } from './lineageDecision';

type ExportOptions = z.output<typeof exportOptionsSchema>;

const extensions = { wav: 'wav', flac: 'flac', mp3: 'mp3' } as const;

/**
 * Export: the licence check first (refused with reasons, nothing rendered
 * or written), then a deterministic render, optional loudness
 * normalisation, encoding, the attribution record embedded in the file,
 * written beside it and appended to the hash-chained ledger — the file and
 * its ledger entry appear together or not at all (ExportPublisher).
 */
export class ExportService {
  private readonly ledger;
  private readonly catalog;
  private readonly identity;
  private readonly approvals;
  /** The verified chains of derivative recordings (their facts, upstream licences, stem contents). */
  readonly chains: DerivativeChains;
  private readonly publisher: ExportPublisher;
  private readonly factsCache = new Map<string, { row: ExportRow; record: AttributionPayload }>();
  private readonly fileStates = new ExportFileStates();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    db: LibraryDatabase,
    private readonly store: ContentStore,
    private readonly projects: ProjectsService,
    private readonly settings: SettingsService,
    private readonly exportsDir: string,
    private readonly now: () => Date,
    private readonly today: () => string,
    private readonly appVersion: string,
    private readonly trust: { readonly key: LibraryKey; readonly heads: LedgerHeadFile; readonly meta: ReturnType<typeof libraryMetaQueries> },
  ) {
    this.ledger = ledgerQueries(db);
    this.publisher = new ExportPublisher(this.ledger, ledgerLockPath(db));
    this.catalog = catalogReadQueries(db);
    this.identity = sourceIdentityQueries(db);
    this.approvals = approvalQueries(db);
    this.chains = new DerivativeChains(db);
  }

  /** The licence decision, credits and splits an export would have — what the export dialog shows first. */
  check(projectId: string, territory?: string, creator?: string, title?: string, intent: ExportIntent = { channel: 'streaming-distribution' }): ExportCheck {
    const document = this.projects.documentAt(projectId);
    const context = this.context(document, territory, projectId, intent);
    const creatorName = creator ?? this.settings.get().creatorName;
    const unsignedPackages = [...new Map([...context.recordings.values()].filter((r) => !r.packageKeyFingerprint).map((r) => [r.packageId, { id: r.packageId, title: r.title }])).values()];
    if (!context.decision.allowed) {
      return { allowed: false, reasons: [...context.decision.reasons], territory: context.decision.territory, date: context.decision.date, credits: [], splits: null, creator: creatorName, unsignedPackages, channel: intent.channel };
    }
    const splits = computeSplits(context.view.rightsDocument, context.decision.usage, context.recordings, context.decision.relyOn, { name: creatorName ?? 'You' });
    return {
      allowed: true,
      reasons: [],
      territory: context.decision.territory,
      date: context.decision.date,
      credits: this.credits(document, context, title ?? document.name, creatorName ?? 'You'),
      splits: { master: [...splits.master], publishing: [...splits.publishing], basis: [...splits.basis] },
      creator: creatorName,
      unsignedPackages,
      channel: intent.channel,
    };
  }

  /** Runs one export at a time (the ledger is a chain; positions are claimed in order). */
  export(options: ExportOptions, task: TaskHandle): Promise<ExportSummary> {
    const run = this.queue.then(() => this.exportNow(options, task));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async exportNow(options: ExportOptions, task: TaskHandle): Promise<ExportSummary> {
    const tampered = this.ledgerHeadProblem();
    if (tampered) throw new ServiceError('conflict', `The ledger does not match its signed head: ${tampered}. Exports are paused until the library is restored; run stemroom ledger verify.`);
    this.projects.flushAll();
    const summary = this.projects.summaryOf(options.projectId);
    const document = this.projects.documentAt(options.projectId);
    const revisionJson = JSON.stringify(document);
    const intent: ExportIntent = { channel: options.channel, ...(options.aiUse ? { aiUse: options.aiUse } : {}) };
    const context = this.context(document, options.territory, options.projectId, intent);
    if (!context.decision.allowed) {
      const reasons = context.decision.reasons;
      throw new ServiceError('refused', `The export is not allowed: ${reasons.map((r) => `${r.message} ${r.fix}`).join(' ')}`, { reasons });
    }
    const creatorName = options.creator ?? this.settings.get().creatorName;
    if (!creatorName) throw new ServiceError('invalid-request', 'Who is the creator? Set your artist name (settings, or --creator NAME) so the export can credit you.');
    const title = options.title ?? document.name;
    // Checked now so a taken name is refused before the render; chosen again when the file is written.
    this.destination(options, title);

    task.progress('Rendering', 0, 1);
    // The heavy audio work (render, limiter, loudness, encode) runs on a worker thread; this one keeps answering.
    const audio = await renderExportAudio(
      { document: context.view.document, storeRoot: this.store.root, tmpDir: this.store.tmpDir, outputRate: options.sampleRate ?? context.view.document.sampleRate, normalizeLufs: options.normalizeLufs, format: options.format, bitDepth: options.bitDepth },
      task,
    );
    task.throwIfCancelled();

    const exportId = uuidv7(this.now().getTime(), crypto.randomBytes(10));
    const creator = { name: creatorName };
    const splits = computeSplits(context.view.rightsDocument, context.decision.usage, context.recordings, context.decision.relyOn, creator);
    const payload = buildAttributionPayload({
      exportId,
      createdAt: this.now().toISOString(),
      appVersion: this.appVersion,
      project: { id: options.projectId, name: document.name, revision: summary.headRevision, revisionSha256: sha256Hex(revisionJson) },
      document: context.view.rightsDocument,
      identified: context.view.identified,
      output: {
        title,
        ...(options.isrc ? { isrc: options.isrc } : {}),
        versionType: document.kind,
        format: options.format,
        ...(options.format === 'mp3' ? { bitrateKbps: 320 } : { bitDepth: options.bitDepth }),
        sampleRate: audio.facts.sampleRate,
        resampling: resamplingFacts(audio.facts.resampling),
        channels: audio.facts.channels,
        durationSec: audio.facts.durationSec,
        audioSha256: audio.facts.audioSha256,
        loudness: audio.facts.loudness,
      },
      creator,
      decision: context.decision,
      recordings: context.recordings,
      splits,
      credits: this.credits(document, context, title, creatorName),
      library: { publicKey: this.trust.key.publicKey, keyFingerprint: this.trust.key.fingerprint },
      intent: { ...intent, approvals: context.approvals },
      ...(context.lineage ? { lineage: context.lineage } : {}),
    });
    task.progress('Writing', 0, 1);
    // Everything that embeds the ledger position is built, and the signed head advanced, while this process holds the ledger (see ExportPublisher).
    const { entry, record, row } = await this.publisher.publish(() => this.destination(options, title), audio.facts.peaks, (head, finalPath) => {
      const payloadJson = recordCanonicalJson(payload);
      const previousHash = head?.entryHash ?? GENESIS_HASH;
      const payloadSha256 = sha256Hex(payloadJson);
      const entry: LedgerEntry = { position: (head?.position ?? 0) + 1, exportId, createdAt: payload.createdAt, payloadJson, payloadSha256, previousHash, entryHash: entryHash(previousHash, payloadSha256) };
      const record = signRecord({ ...payload, ledger: { position: entry.position, previousHash, payloadHash: payloadSha256, entryHash: entry.entryHash } }, this.trust.key);
      const file = audio.withTags(exportTags(record));
      const row: ExportRow = {
        id: exportId,
        ledgerPosition: entry.position,
        projectId: options.projectId,
        revision: summary.headRevision,
        title,
        versionType: document.kind,
        format: options.format,
        path: finalPath,
        durationSec: record.output.durationSec,
        audioSha256: record.output.audioSha256,
        createdAt: payload.createdAt,
        creator: creatorName,
        isrc: options.isrc ?? null,
      };
      return { file, creditsJson: canonicalJsonPretty(record), entry, record, row };
    }, ({ entry }) => this.trust.heads.advance(entry, this.now()));
    task.progress('Exported', 1, 1);
    return {
      exportId,
      path: row.path,
      creditsPath: `${row.path}.credits.json`,
      format: options.format,
      durationSec: row.durationSec,
      audioSha256: row.audioSha256,
      ledgerPosition: entry.position,
      credits: record.credits,
      loudness: record.output.loudness,
      notes: [...audio.facts.notes],
    };
  }

  /**
   * Completes or undoes exports whose process died (see ExportPublisher).
   * Run at every start; exports running in other processes are left alone.
   */
  recover(): Promise<{ completed: string[]; rolledBack: string[] }> {
    // Sealed while holding the ledger, so a head another process is advancing right now is never moved back.
    return this.publisher.recover(() => this.sealLedgerHead());
  }

  /**
   * A library opened for the first time since heads were kept (new, or
   * from an older Stemroom) signs its ledger as it stands; from then on a
   * missing ledger-head.json is itself a finding of `ledger verify`. Later
   * opens move the head over entries a crash recovery completed — but only
   * while the ledger still agrees with it, so evidence is never overwritten.
   */
  private sealLedgerHead(): void {
    const head = this.ledger.head();
    const current = { position: head?.position ?? 0, entryHash: head?.entryHash ?? GENESIS_HASH };
    if (!this.trust.meta.get('ledger_head_kept')) {
      this.trust.heads.advance(current, this.now());
      this.trust.meta.set('ledger_head_kept', this.now().toISOString());
    } else if (this.ledgerHeadProblem() === null) this.trust.heads.advance(current, this.now());
  }

  /**
   * Why the ledger disagrees with its signed head (a cut tail, a rewritten
   * chain, a missing or edited ledger-head.json), or null. Exports are
   * refused while it does: new entries must never be built on a ledger
   * that was tampered with, nor bury the evidence.
   */
  private ledgerHeadProblem(): string | null {
    const read = this.trust.heads.read();
    if (read.state === 'missing') return this.ledger.head() ? 'its signed head (ledger-head.json) is missing' : null;
    if (read.state === 'invalid') return read.problem;
    const { position, entryHash: signed } = read.head;
    const actual = position === 0 ? GENESIS_HASH : this.ledger.entryHashAt(position);
    if (actual === undefined) return `its signed head names entry ${position}, which the ledger no longer has (its tail was deleted)`;
    if (actual !== signed) return `entry ${position} is not the entry its signed head names (the chain was rewritten)`;
    return null;
  }

  list(projectId?: string): ExportListItem[] {
    return this.ledger
      .exports()
      .filter((row) => !projectId || row.projectId === projectId)
      .map((row) => this.listItem(row));
  }

  show(exportId: string): { item: ExportListItem; record: AttributionRecord } {
    const row = this.ledger.exportById(exportId);
    const entry = this.ledger.entryOf(exportId);
    if (!row || !entry) throw new ServiceError('not-found', `There is no export ${exportId}.`);
    const payload = JSON.parse(entry.payloadJson) as AttributionRecord;
    const stamped = attributionRecordSchema.parse({ ...payload, ledger: { position: entry.position, previousHash: entry.previousHash, payloadHash: entry.payloadSha256, entryHash: entry.entryHash } });
    // Ed25519 signatures are deterministic: re-signing with the key that made the record gives the signature the file carries.
    const record = stamped.library?.keyFingerprint === this.trust.key.fingerprint ? signRecord(stamped, this.trust.key) : stamped;
    return { item: this.listItem(row), record };
  }

  /**
   * An export's row and attribution record without touching its file —
   * what analytics reads on every dashboard. Exports never change, so the
   * parsed record is kept.
   */
  facts(exportId: string): { row: ExportRow; record: AttributionPayload } {
    let facts = this.factsCache.get(exportId);
    if (!facts) {
      const row = this.ledger.exportById(exportId);
      const entry = this.ledger.entryOf(exportId);
      if (!row || !entry) throw new ServiceError('not-found', `There is no export ${exportId}.`);
      facts = { row, record: JSON.parse(entry.payloadJson) as AttributionPayload };
      this.factsCache.set(exportId, facts);
    }
    return facts;
  }

  /** Every export's row (newest first), without checking files. */
  rows(): ExportRow[] {
    return this.ledger.exports();
  }

  /** An export's ledger entry, the entries after it and the signed head: what a delivery bundle's ledger-proof.json holds. */
  ledgerChainOf(exportId: string): { entry: LedgerEntry; after: LedgerEntry[]; signedHead: SignedLedgerHead | null } {
    const entry = this.ledger.entryOf(exportId);
    if (!entry) throw new ServiceError('not-found', `There is no export ${exportId}.`);
    const read = this.trust.heads.read();
    return { entry, after: this.ledger.entries().filter((e) => e.position > entry.position), signedHead: read.state === 'valid' ? read.head : null };
  }

  pathOf(exportId: string): string {
    const row = this.ledger.exportById(exportId);
    if (!row) throw new ServiceError('not-found', `There is no export ${exportId}.`);
    return row.path;
  }

  verifyLedger() {
    return verifyLedger(this.ledger.entries(), this.trust.heads.read());
  }

  /** Everything checkable about an export file: signature, audio, ledger, credits.json, display tags (see inspectExportFile). */
  inspect(filePath: string, label = filePath): Inspection {
    return inspectExportFile({ ledger: this.ledger, libraryKeyFingerprint: this.trust.key.fingerprint }, filePath, label);
  }

  /** Waveform peaks of an export's final mix, by the hash of its audio data. */
  peaks(audioSha256: string): Uint8Array | undefined {
    return this.ledger.peaks(audioSha256);
  }

  private listItem(row: ExportRow): ExportListItem {
    return { ...row, fileState: this.fileStates.of(row.path, row.audioSha256) };
  }

  /**
   * The decision, judged on the document as the catalog sees it: catalog
   * facts replace the document's claims, own audio that is catalog audio
   * is that stem, and a forged source refuses the export outright.
   */
  private context(document: ProjectDocument, territory: string | undefined, projectId: string, intent: ExportIntent) {
    const lookup = this.identity.lookup();
    const view = catalogView(document, lookup);
    const recordings = recordingFactsFor(view.rightsDocument, this.catalog, this.chains);
    const missing = new Set(document.sources.filter((s) => !this.store.has(s.sha256)).map((s) => s.id));
    const date = this.today();
    const judged = decideExport(view.rightsDocument, recordings, missing, territory ?? this.settings.get().territory, date);
    const revisionSha256 = sha256Hex(JSON.stringify(document));
    const approvals = this.approvals.forRevision(projectId, revisionSha256, intent.channel);
    const lineage = judgeLineageAndScopes(judged, view.rightsDocument, recordings, intent, (licenceId, keyFingerprint) => {
      const row = approvals.find((a) => a.licenceId === licenceId && a.keyFingerprint === keyFingerprint && approvalInForce(a.approvalJson, date));
      return row ? { signature: (JSON.parse(row.approvalJson) as { signature: string }).signature } : undefined;
    });
    const forged = forgedSourceReasons(document, lookup);
    const decision = forged.length ? { ...lineage.decision, allowed: false, reasons: [...forged, ...lineage.decision.reasons] } : lineage.decision;
    return { recordings, decision, view, approvals: lineage.approvals, lineage: lineage.lineage, upstreamCredits: lineage.upstreamCredits };
  }

  private credits(document: ProjectDocument, context: ReturnType<ExportService['context']>, title: string, creator: string): string[] {
    const used = new Set(context.decision.usage.flatMap((u) => (u.source.type === 'catalog' ? [u.source.recordingId] : [])));
    if (document.kind === 'cover') used.add(document.recordingId);
    const recordings = [...used].flatMap((id) => context.recordings.get(id) ?? []);
    const required = [...new Set([...context.decision.relyOn.map((l) => l.creditText), ...context.upstreamCredits])];
    return creditLines(document.kind, title, { name: creator }, recordings, context.decision.relyOn.map((l) => l.id), required);
  }

  private destination(options: ExportOptions, title: string): string {
    const extension = extensions[options.format];
    if (options.path) {
      const target = path.resolve(options.path);
      if (!fs.existsSync(path.dirname(target))) throw new ServiceError('invalid-request', `The folder ${path.dirname(target)} does not exist.`);
      if (fs.existsSync(target)) throw new ServiceError('conflict', `${target} already exists; choose another file name.`);
      return target;
    }
    fs.mkdirSync(this.exportsDir, { recursive: true });
    const base = title.replace(/[^\p{L}\p{N} ._()'-]+/gu, '_').trim() || 'export';
    for (let n = 1; ; n++) {
      const candidate = path.join(this.exportsDir, `${base}${n === 1 ? '' : ` (${n})`}.${extension}`);
      if (!fs.existsSync(candidate)) return candidate;
    }
  }
}

/** An approval holds until the end of its last day (if it names one). */
function approvalInForce(approvalJson: string, date: string): boolean {
  const validUntil = (JSON.parse(approvalJson) as { validUntil?: string }).validUntil;
  return validUntil === undefined || date <= validUntil;
}

function canonicalJsonPretty(record: AttributionRecord): string {
  return `${canonicalJson(record, 2)}\n`;
}
