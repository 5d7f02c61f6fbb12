import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import type { StemroomServices } from '../services/StemroomServices';
import { ServiceError } from '../services/ServiceError';

/** The CLI is a client of the same contract: same validation, same errors as the app. */
export async function callContract<C extends Channel>(services: StemroomServices, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await services.dispatcher.dispatch(channel, request, { host: 'cli' });
  if (!result.ok) throw new ServiceError(result.error.code, result.error.message, result.error.details);
  return result.value as ResponseOf<C>;
}
