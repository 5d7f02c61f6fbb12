import type { ServiceErrorCode } from '../../../shared/contract';
import type { DerivativeStem, DerivativeStemsJob } from './renderDerivativeStems';

/** What the publishing thread sends the stems worker: one job. */
export type StemsWorkerRequest = { readonly job: DerivativeStemsJob };

/** What the worker answers: progress (stems rendered so far), then the stems, or an error (a refusal with its code). */
export type StemsWorkerReply =
  | { readonly progress: { readonly done: number; readonly total: number } }
  | { readonly rendered: { readonly stems: DerivativeStem[]; readonly nullTestDb: number } }
  | { readonly error: { readonly name: string; readonly message: string; readonly code?: ServiceErrorCode } };
