import crypto from 'node:crypto';
import type { z } from 'zod';
import type { ExportCheck, ExportListItem, ExportSummary, exportOptionsSchema, Inspection } from '../../../shared/contract/exportsContract';
import type { ExportIntent } from '../../../shared/lineage/decideScopes';
import type { AttributionPayload, AttributionRecord } from '../../../shared/rights/attributionRecord';
import { uuidv7 } from '../../../shared/rights/uuidv7';
import { ledgerLockPath } from '../../db/ledgerLock';
import { ledgerQueries, type ExportRow, type LedgerEntry } from '../../db/ledgerQueries';
import type { LibraryDatabase } from '../../db/openLibraryDatabase';
import type { SignedLedgerHead } from '../../trust/LedgerHeadFile';
import { DerivativeChains } from '../lineage/DerivativeChains';
import { ServiceError } from '../ServiceError';
import type { TaskHandle } from '../TaskRegistry';
import { exportCheck } from './exportCheck';
import { exportDestination } from './exportDestination';
import type { ExportServiceDeps } from './ExportServiceDeps';
import { exportSummary } from './exportSummary';
import { exportPayload } from './exportPayload';
import { ExportPlanner } from './ExportPlanner';
import { ExportPublisher } from './ExportPublisher';
import { ExportReader } from './ExportReader';
import { LedgerHeadGuard } from './LedgerHeadGuard';
import { sha256Hex } from './ledgerHash';
import { renderExportAudio } from './renderExportAudio';
import { stampExport } from './stampExport';

type ExportOptions = z.output<typeof exportOptionsSchema>;

/**
 * Export: the plan first (the licence decision, credits and splits —
 * refused with reasons, nothing rendered or written), then the render
 * (renderExportAudio: render, loudness, encode on a worker), the stamp
 * (stampExport: ledger entry, signed record, tags) and the publish
 * (ExportPublisher: the file and its ledger entry appear together or not
 * at all). The read side is ExportReader's; the signed ledger head is
 * LedgerHeadGuard's.
 *
 * @example
 * const exports = new ExportService(db, { store, projects, settings, exportsDir, now, today, appVersion, trust });
 * exports.check(projectId).allowed;
 * const summary = await exports.export({ projectId, format: 'wav', bitDepth: 24, normalizeLufs: null, channel: 'streaming-distribution' }, task);
 */
export class ExportService {
  /** The verified chains of derivative recordings (their facts, upstream licences, stem contents). */
  readonly chains: DerivativeChains;
  private readonly planner: ExportPlanner;
  private readonly publisher: ExportPublisher;
  private readonly reader: ExportReader;
  private readonly guard: LedgerHeadGuard;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    db: LibraryDatabase,
    private readonly deps: ExportServiceDeps,
  ) {
    const ledger = ledgerQueries(db);
    this.chains = new DerivativeChains(db);
    this.planner = new ExportPlanner(db, this.chains, (sha256) => deps.store.has(sha256), deps.today);
    this.publisher = new ExportPublisher(ledger, ledgerLockPath(db));
    this.reader = new ExportReader(ledger, deps.trust.heads, deps.trust.key);
    this.guard = new LedgerHeadGuard(ledger, deps.trust.heads, deps.trust.meta, deps.now);
  }

  /** The licence decision, credits and splits an export would have — what the export dialog shows first. */
  check(projectId: string, territory?: string, creator?: string, title?: string, intent: ExportIntent = { channel: 'streaming-distribution' }): ExportCheck {
    const document = this.deps.projects.documentAt(projectId);
    const creatorName = creator ?? this.deps.settings.get().creatorName;
    const plan = this.planner.plan(projectId, document, territory ?? this.deps.settings.get().territory, intent, {
      creator: creatorName ?? 'You',
      title: title ?? document.name,
    });
    return exportCheck(plan, creatorName, intent);
  }

  /** Runs one export at a time (the ledger is a chain; positions are claimed in order). */
  export(options: ExportOptions, task: TaskHandle): Promise<ExportSummary> {
    const run = this.queue.then(() => this.exportNow(options, task));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** plan → render → stamp → publish. */
  private async exportNow(options: ExportOptions, task: TaskHandle): Promise<ExportSummary> {
    const { projects, settings, now } = this.deps;
    this.guard.refuseIfTampered();
    projects.flushAll();
    const summary = projects.summaryOf(options.projectId);
    const document = projects.documentAt(options.projectId);
    const intent: ExportIntent = { channel: options.channel, ...(options.aiUse ? { aiUse: options.aiUse } : {}) };
    const creator = options.creator ?? settings.get().creatorName;
    const title = options.title ?? document.name;
    const revisionSha256 = sha256Hex(JSON.stringify(document));
    const plan = this.planner.plan(options.projectId, document, options.territory ?? settings.get().territory, intent, { creator: creator ?? 'You', title });
    if (!plan.decision.allowed) {
      const reasons = plan.decision.reasons;
      throw new ServiceError('refused', `The export is not allowed: ${reasons.map((r) => `${r.message} ${r.fix}`).join(' ')}`, { reasons });
    }
    if (!creator)
      throw new ServiceError('invalid-request', 'Who is the creator? Set your artist name (settings, or --creator NAME) so the export can credit you.');
    const destination = () => exportDestination(options, title, this.deps.exportsDir);
    // Checked now so a taken name is refused before the render; chosen again when the file is written.
    destination();

    task.progress('Rendering', 0, 1);
    // The heavy audio work (render, limiter, loudness, encode) runs on a worker thread; this one keeps answering.
    const { store } = this.deps;
    const audio = await renderExportAudio(
      {
        document: plan.view.document,
        storeRoot: store.root,
        tmpDir: store.tmpDir,
        outputRate: options.sampleRate ?? plan.view.document.sampleRate,
        normalizeLufs: options.normalizeLufs,
        format: options.format,
        bitDepth: options.bitDepth,
      },
      task,
    );
    task.throwIfCancelled();

    const exportId = uuidv7(now().getTime(), crypto.randomBytes(10));
    const { key } = this.deps.trust;
    const payload = exportPayload(plan, {
      exportId,
      createdAt: now().toISOString(),
      appVersion: this.deps.appVersion,
      project: { id: options.projectId, name: document.name, revision: summary.headRevision, revisionSha256 },
      kind: document.kind,
      file: { title, ...(options.isrc ? { isrc: options.isrc } : {}), format: options.format, bitDepth: options.bitDepth },
      audio: audio.facts,
      creator,
      intent,
      library: { publicKey: key.publicKey, keyFingerprint: key.fingerprint },
    });
    task.progress('Writing', 0, 1);
    // Everything that embeds the ledger position is built, and the signed head advanced, while this process holds the ledger (see ExportPublisher).
    const stamped = await this.publisher.publish(
      destination,
      audio.facts.peaks,
      (head, finalPath) => stampExport(payload, head, finalPath, audio, key),
      ({ entry }) => this.guard.advance(entry),
    );
    task.progress('Exported', 1, 1);
    return exportSummary(stamped, audio.facts);
  }

  /**
   * Completes or undoes exports whose process died (see ExportPublisher).
   * Run at every start; exports running in other processes are left alone.
   */
  recover(): Promise<{ completed: string[]; rolledBack: string[] }> {
    // Sealed while holding the ledger, so a head another process is advancing right now is never moved back.
    return this.publisher.recover(() => this.guard.seal());
  }

  list(projectId?: string): ExportListItem[] {
    return this.reader.list(projectId);
  }

  show(exportId: string): { item: ExportListItem; record: AttributionRecord } {
    return this.reader.show(exportId);
  }

  /** An export's row and attribution record without touching its file (see ExportReader.facts). */
  facts(exportId: string): { row: ExportRow; record: AttributionPayload } {
    return this.reader.facts(exportId);
  }

  /** Every export's row (newest first), without checking files. */
  rows(): ExportRow[] {
    return this.reader.rows();
  }

  /** An export's ledger entry, the entries after it and the signed head: what a delivery bundle's ledger-proof.json holds. */
  ledgerChainOf(exportId: string): { entry: LedgerEntry; after: LedgerEntry[]; signedHead: SignedLedgerHead | null } {
    return this.reader.ledgerChainOf(exportId);
  }

  pathOf(exportId: string): string {
    return this.reader.pathOf(exportId);
  }

  verifyLedger() {
    return this.reader.verifyLedger();
  }

  /** Everything checkable about an export file: signature, audio, ledger, credits.json, display tags (see inspectExportFile). */
  inspect(filePath: string, label = filePath): Inspection {
    return this.reader.inspect(filePath, label);
  }

  /** Waveform peaks of an export's final mix, by the hash of its audio data. */
  peaks(audioSha256: string): Uint8Array | undefined {
    return this.reader.peaks(audioSha256);
  }
}
