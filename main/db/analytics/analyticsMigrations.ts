import type { Migration } from '../Migration';
import { analyticsMigration0001 } from './0001-plays';
import { analyticsMigration0002 } from './0002-play-days';

/** The analytics database's schema steps, numbered separately from the library's. */
export const analyticsMigrations: readonly Migration[] = [analyticsMigration0001, analyticsMigration0002];
