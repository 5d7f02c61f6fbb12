import fs from 'node:fs';
import { approvalSchema, APPROVAL_FORMAT, type ApprovalRequest } from '../../../shared/lineage/approvalSchema';
import type { ExportChannel } from '../../../shared/catalog/catalogPackageSchema';
import { formatIssues } from '../../../shared/contract/formatIssues';
import { approvalQueries } from '../../db/approvalQueries';
import { catalogReadQueries } from '../../db/catalogReadQueries';
import { catalogWriteQueries } from '../../db/catalogWriteQueries';
import type { LibraryDatabase } from '../../db/openLibraryDatabase';
import { verifyApproval } from '../../trust/approvalSignature';
import { sha256Hex } from '../exports/ledgerHash';
import type { ExportService } from '../exports/ExportService';
import type { ProjectsService } from '../projects/ProjectsService';
import type { SettingsService } from '../SettingsService';
import { ServiceError } from '../ServiceError';
import { strictJsonParse } from '../../../shared/text/strictJsonParse';

const MAX_APPROVAL_BYTES = 64 * 1024;

/**
 * Licensors' approvals (scopes.approvalRequired): the creator asks for the
 * project's current revision and a channel, the licensor signs the request
 * with the key their package is signed with, the creator imports it here —
 * checked against that key before it is kept. The export decision then
 * finds it for exactly that revision and channel.
 */
export class ApprovalService {
  private readonly approvals;
  private readonly catalog;
  private readonly writes;

  constructor(
    db: LibraryDatabase,
    private readonly projects: ProjectsService,
    private readonly exports: ExportService,
    private readonly settings: SettingsService,
    private readonly now: () => Date,
  ) {
    this.approvals = approvalQueries(db);
    this.catalog = catalogReadQueries(db);
    this.writes = catalogWriteQueries(db);
  }

  /** The request the licensor signs: this licence, the project's current revision, the channel. */
  request(projectId: string, licenceId: string, channel: ExportChannel): ApprovalRequest {
    this.projects.flushAll();
    const summary = this.projects.summaryOf(projectId);
    const document = this.projects.documentAt(projectId);
    const licence = this.licence(licenceId);
    if (!licence) throw new ServiceError('not-found', `No licence ${licenceId} bears on anything in this library.`);
    return {
      format: APPROVAL_FORMAT,
      licence: licenceId,
      package: licence.packageId,
      project: { id: projectId, name: document.name, revision: summary.headRevision, revisionSha256: sha256Hex(JSON.stringify(document)) },
      channel,
      requestedBy: this.settings.get().creatorName ?? 'Unnamed creator',
      requestedAt: this.now().toISOString(),
    };
  }

  /** Imports a signed approval; refused (nothing kept) unless signed by the key of the package that grants the licence. */
  import(file: string): { licence: string; licensor: string; project: string; revision: number; channel: string; validUntil: string | null } {
    let text: string;
    try {
      if (fs.statSync(file).size > MAX_APPROVAL_BYTES) throw new ServiceError('invalid-request', `${file}: an approval is at most ${MAX_APPROVAL_BYTES} bytes`);
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if (error instanceof ServiceError) throw error;
      throw new ServiceError('invalid-request', `${file}: cannot read it`);
    }
    let json: unknown;
    try {
      // Strict: a member named twice would let a person read one channel while the signature covers another.
      json = strictJsonParse(text);
    } catch (error) {
      throw new ServiceError('invalid-request', `The approval is not valid JSON (${(error as Error).message}). Nothing was imported.`);
    }
    const parsed = approvalSchema.safeParse(json);
    if (!parsed.success)
      throw new ServiceError('invalid-request', `The approval is not a ${APPROVAL_FORMAT} file: ${formatIssues(parsed.error)[0]}. Nothing was imported.`);
    const approval = parsed.data;
    const signer = verifyApproval(approval);
    if (!signer) throw new ServiceError('refused', "The approval's signature does not verify (it was changed after it was signed). Nothing was imported.");
    const licence = this.licence(approval.licence);
    if (!licence || licence.packageId !== approval.package)
      throw new ServiceError(
        'refused',
        `The approval is for licence ${approval.licence} of package "${approval.package}", which this library does not have. Nothing was imported.`,
      );
    if (!licence.keyFingerprint)
      throw new ServiceError('refused', `Licence ${approval.licence} comes from an unsigned package: no approval of it can be verified. Nothing was imported.`);
    if (signer !== licence.keyFingerprint) {
      throw new ServiceError(
        'refused',
        `The approval is signed by key ${signer.slice(0, 16)}…, but licence ${approval.licence} is granted by package "${approval.package}", signed by key ${licence.keyFingerprint.slice(0, 16)}…. Nothing was imported.`,
      );
    }
    this.approvals.add({
      licenceId: approval.licence,
      projectId: approval.project.id,
      revisionSha256: approval.project.revisionSha256,
      channel: approval.channel,
      keyFingerprint: signer,
      approvalJson: text,
      importedAt: this.now().toISOString(),
    });
    return {
      licence: approval.licence,
      licensor: licence.licensorName,
      project: approval.project.name,
      revision: approval.project.revision,
      channel: approval.channel,
      validUntil: approval.validUntil ?? null,
    };
  }

  /** A licence of the catalog, or one upstream of a derivative in it, with the key its package is signed with. */
  private licence(licenceId: string): { packageId: string; keyFingerprint: string | null; licensorName: string } | undefined {
    const own = this.catalog.licenceById(licenceId);
    if (own)
      return { packageId: own.packageId, keyFingerprint: this.writes.knownPackage(own.packageId)?.pinned?.fingerprint ?? null, licensorName: own.licensorName };
    for (const derivative of this.exports.chains.derivatives()) {
      const chain = this.exports.chains.ofPackage(derivative.packageId);
      const upstream = chain?.upstream(derivative.recordingId).find((u) => u.licence.id === licenceId);
      if (upstream) return { packageId: upstream.packageId, keyFingerprint: upstream.packageKeyFingerprint, licensorName: upstream.licensorName };
    }
    return undefined;
  }
}
