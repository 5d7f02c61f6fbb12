import { endpoints, isChannel, type Channel, type ParsedRequestOf, type ResponseOf, type Result } from '../../shared/contract';
import { formatIssues } from '../../shared/contract/formatIssues';
import { ServiceError } from './ServiceError';
import { logInternalError } from './logInternalError';

/** Who is calling; transports fill it in so handlers can tell Electron from the browser host. */
export interface CallContext {
  readonly host: 'electron' | 'browser' | 'cli';
}

/** One implementation per contract channel; the type makes a missing or misspelt handler a compile error. */
export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>, context: CallContext) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/**
 * The receiving side of the contract, shared by both transports: rejects
 * unknown channels, validates the request with the channel's schema, runs
 * the handler, and turns every failure into a readable `Result` error.
 */
export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly onInternalError: (channel: string, error: unknown, context: CallContext) => void = reportInternalError,
  ) {}

  async dispatch(channel: unknown, payload: unknown, context: CallContext): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'invalid-request', message: `Unknown request "${String(channel).slice(0, 80)}".` } };
    }
    const parsed = endpoints[channel].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const problems = formatIssues(parsed.error);
      return { ok: false, error: { code: 'invalid-request', message: `Invalid ${channel} request: ${problems.join('; ')}`, details: problems } };
    }
    try {
      const handler = this.handlers[channel] as (request: unknown, context: CallContext) => unknown;
      const value = await handler(parsed.data, context);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ServiceError) return { ok: false, error: error.toShape() };
      this.onInternalError(channel, error, context);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `${channel} failed: ${message}` } };
    }
  }
}

/**
 * Hosts log a handler's bug once, on one line. The CLI prints the error
 * result itself as its one line, so here it only adds the stack when
 * STEMROOM_DEBUG=1 asks for it.
 */
function reportInternalError(channel: string, error: unknown, context: CallContext): void {
  if (context.host !== 'cli') logInternalError(`${channel} failed`, error);
  else if (process.env.STEMROOM_DEBUG === '1' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
}
