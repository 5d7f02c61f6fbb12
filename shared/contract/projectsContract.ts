import { z } from 'zod';
import { refuseUnsafeCharacters } from '../text/refuseUnsafeCharacters';
import { endpoint } from './endpoint';
import { commandSchema } from '../project/commandSchema';
import { projectDocumentSchema } from '../project/documentSchema';
import { packageSourceSchema } from './catalogContract';

const projectId = z.string().regex(/^[0-9a-f-]{36}$/, 'a project id is a UUID');

/**
 * A project as lists show it: name, kind, the recording it started from, its head revision and origin.
 *
 * @example
 * const project = await bridge.call('projects.create', { recordingId: 'kd-r-copper-sky', kind: 'remix' });
 * console.log(project.id, project.origin, project.headRevision);
 */
export const projectSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['remix', 'cover']),
  recordingId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  headRevision: z.number(),
  /** How the project began, as its first revision says: "Created", "Duplicated…", "Imported from F.stemroom". */
  origin: z.string(),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

/**
 * Where undo/redo stand after a change.
 *
 * @example
 * const history = await bridge.call('projects.edit', { projectId, commands, label: 'Fade in' });
 * undoButton.title = history.undoLabel ?? '';
 */
export const historyStateSchema = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
});

/**
 * A source's licence state in a project: usable or why not, and the restrictions the studio flags while editing.
 *
 * @example
 * const { rights } = await bridge.call('projects.rights', { projectId });
 * for (const [sourceId, r] of Object.entries(rights)) if (!r.usable) console.log(sourceId, r.reason);
 */
export const sourceRightsSchema = z.object({
  usable: z.boolean(),
  reason: z.string().optional(),
  /** Stem rules that allow the stem but not every change of it (no-pitch-shift, no-time-stretch): flagged live while editing. */
  restrictions: z.array(z.string()),
  /** The licence the restrictions come from, and the catalog's names, so live flags word them as the export refusal does. */
  licenceId: z.string().optional(),
  stemName: z.string().optional(),
  recordingTitle: z.string().optional(),
  /** Own audio found to be a catalog stem (same bytes or same sound): it is licensed as that stem. */
  identifiedAs: z.object({ stemId: z.string(), stemName: z.string(), recordingTitle: z.string(), method: z.enum(['same-audio', 'fingerprint']) }).optional(),
});
export type SourceRights = z.infer<typeof sourceRightsSchema>;

/**
 * A source whose audio is not in this library, and the package to import for it.
 *
 * @example
 * const { missing } = await bridge.call('projects.importFile', { source: { path: 'copper-sky-remix.stemroom' } });
 * for (const m of missing) console.log(`${m.name}: import ${m.packageTitle}`);
 */
export const missingSourceSchema = z.object({ sourceId: z.string(), name: z.string(), packageId: z.string(), packageTitle: z.string() });
export type MissingSource = z.infer<typeof missingSourceSchema>;

/**
 * An opened project: its summary, document, undo state, sources' rights and missing audio.
 *
 * @example
 * const { document, history, rights } = await bridge.call('projects.open', { projectId });
 */
export const openProjectSchema = z.object({
  project: projectSummarySchema,
  document: projectDocumentSchema,
  history: historyStateSchema,
  /** Licence state of each catalog source (and of own audio that is catalog audio) for the project's kind, by source id. */
  rights: z.record(z.string(), sourceRightsSchema),
  /** Sources whose audio is not in this library, and the package that provides them. */
  missing: z.array(missingSourceSchema),
});
export type OpenProject = z.infer<typeof openProjectSchema>;

/**
 * The project channels: list, create, open, edit with undo and redo, duplicate, trash and restore, revisions, project files.
 *
 * @example
 * const project = await bridge.call('projects.create', { recordingId: 'tdw-r-lantern-harbour', kind: 'cover' });
 * await bridge.call('projects.edit', { projectId: project.id, commands });
 * const { document } = await bridge.call('projects.undo', { projectId: project.id });
 */
export const projectsEndpoints = {
  'projects.list': endpoint(z.object({ trashed: z.boolean().default(false) }).strict(), z.array(projectSummarySchema)),
  'projects.create': endpoint(
    z
      .object({
        recordingId: z.string().min(1).max(100),
        kind: z.enum(['remix', 'cover']),
        name: z.string().min(1).max(200).superRefine(refuseUnsafeCharacters).optional(),
      })
      .strict(),
    projectSummarySchema,
  ),
  'projects.open': endpoint(z.object({ projectId }).strict(), openProjectSchema),
  /** Licence state and missing audio of the project's sources as they are now (after sources were added). */
  'projects.rights': endpoint(z.object({ projectId }).strict(), openProjectSchema.pick({ rights: true, missing: true })),
  'projects.edit': endpoint(
    z.object({ projectId, commands: z.array(commandSchema).min(1).max(1000), label: z.string().max(100).optional() }).strict(),
    historyStateSchema,
  ),
  'projects.undo': endpoint(z.object({ projectId }).strict(), z.object({ document: projectDocumentSchema, history: historyStateSchema })),
  'projects.redo': endpoint(z.object({ projectId }).strict(), z.object({ document: projectDocumentSchema, history: historyStateSchema })),
  'projects.duplicate': endpoint(
    z
      .object({ projectId, revision: z.number().int().positive().optional(), name: z.string().min(1).max(200).superRefine(refuseUnsafeCharacters).optional() })
      .strict(),
    projectSummarySchema,
  ),
  'projects.delete': endpoint(z.object({ projectId }).strict(), projectSummarySchema),
  'projects.restore': endpoint(z.object({ projectId }).strict(), projectSummarySchema),
  'projects.revisions': endpoint(
    z.object({ projectId }).strict(),
    z.array(z.object({ revision: z.number(), createdAt: z.string(), label: z.string(), documentSha256: z.string() })),
  ),
  'projects.restoreRevision': endpoint(
    z.object({ projectId, revision: z.number().int().positive() }).strict(),
    z.object({ document: projectDocumentSchema, history: historyStateSchema }),
  ),
  'projects.exportFile': endpoint(
    z.object({ projectId, path: z.string().min(1).max(4096) }).strict(),
    z.object({ path: z.string(), bytes: z.number(), recordings: z.number() }),
  ),
  'projects.importFile': endpoint(
    z.object({ source: packageSourceSchema }).strict(),
    z.object({ project: projectSummarySchema, missing: z.array(missingSourceSchema) }),
  ),
};
