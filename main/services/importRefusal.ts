import { ServiceError } from './ServiceError';

/** An import refused: names the file and field, lists every problem found. */
export function importRefusal(file: string, problems: readonly string[]): ServiceError {
  const [first, ...rest] = problems;
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return new ServiceError('invalid-request', `${file}: ${first}${more}. Nothing was imported.`, { file, problems });
}
