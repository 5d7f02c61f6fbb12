import type { TagSet } from '../../media/metadata/TagSet';
import type { ExportAudioFacts, ExportAudioRequest } from './exportAudioJob';

/** What the export thread sends the worker: a job, then the tags for its file. */
export type ExportWorkerRequest = { readonly job: ExportAudioRequest } | { readonly tag: TagSet };

/** What the worker answers: progress, the rendered facts, the tagged file, or an error. */
export type ExportWorkerReply =
  | { readonly progress: { readonly label: string; readonly done: number; readonly total: number } }
  | { readonly rendered: ExportAudioFacts }
  | { readonly file: Uint8Array }
  | { readonly error: { readonly name: string; readonly message: string } };
