import { z } from 'zod';
import { exportChannels } from '../catalog/catalogPackageSchema';

/**
 * stemroom-approval/1: a licensor's approval of one project revision for
 * one channel, under one licence that requires approval (`scopes.approvalRequired`).
 * The creator writes the request (`stemroom approval request`), the
 * licensor signs it with the key their package is signed with
 * (`stemroom approval sign`), the creator imports the result
 * (`stemroom approval import`). docs/lineage.md describes it.
 */
export const APPROVAL_FORMAT = 'stemroom-approval/1';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/);
const base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .max(200);

export const approvalRequestSchema = z
  .object({
    format: z.literal(APPROVAL_FORMAT),
    /** The licence that requires approval, and the package that grants it. */
    licence: id,
    package: id,
    /** The exact revision approved: its document's SHA-256 (any later edit needs a new approval). */
    project: z
      .object({
        id: z.string().regex(/^[0-9a-f-]{36}$/),
        name: z.string().max(200),
        revision: z.number().int().positive(),
        revisionSha256: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict(),
    channel: z.enum(exportChannels),
    requestedBy: z.string().min(1).max(200),
    requestedAt: z.string().max(40),
    /** The last day (YYYY-MM-DD) the approval holds; the licensor may set or shorten it. */
    validUntil: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();

export const approvalSchema = approvalRequestSchema
  .extend({
    approvedAt: z.string().max(40),
    /** The licensor's Ed25519 public key (base64 of 32 raw bytes): the key their package is signed with. */
    publicKey: base64,
    /** Ed25519 signature of the canonical JSON of the approval without this member. */
    signature: base64,
  })
  .strict();

export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;
export type Approval = z.infer<typeof approvalSchema>;
