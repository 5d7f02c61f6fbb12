import type { ServiceErrorCode, ServiceErrorShape } from '../../shared/contract';

/** An error meant for the user: its message is shown as is, its code picks the wording around it. */
export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  toShape(): ServiceErrorShape {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
}
