import type { Migration } from '../Migration';
import { analyticsMigration0001 } from './0001-plays';
import { analyticsMigration0002 } from './0002-play-days';
import { analyticsMigration0003 } from './0003-simulated-export';

/** The analytics database's schema steps, numbered separately from the library's. */
export const analyticsMigrations: readonly Migration[] = [analyticsMigration0001, analyticsMigration0002, analyticsMigration0003];
