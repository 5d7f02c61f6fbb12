import type { ExportAudioFacts, ExportAudioRequest } from './exportAudioJob';
import type { EncodedParts } from './encodeExport';

/** What the export thread sends the worker: a job. */
export type ExportWorkerRequest = { readonly job: ExportAudioRequest };

/** What the worker answers: progress, then the rendered facts with the encoded audio (transferred), or an error. */
export type ExportWorkerReply =
  | { readonly progress: { readonly label: string; readonly done: number; readonly total: number } }
  | { readonly rendered: { readonly facts: ExportAudioFacts; readonly parts: EncodedParts } }
  | { readonly error: { readonly name: string; readonly message: string } };
