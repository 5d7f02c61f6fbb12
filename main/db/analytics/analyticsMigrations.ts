import type { Migration } from '../Migration';
import { analyticsMigration0001 } from './0001-plays';
import { analyticsMigration0002 } from './0002-play-days';
import { analyticsMigration0003 } from './0003-keyed-listeners';
import { analyticsMigration0004 } from './0004-simulated-export';

/** The analytics schema's latest version. */
export const ANALYTICS_SCHEMA_VERSION = 4;

/**
 * The analytics database's schema steps, numbered separately from the
 * library's. `rekeyListener` turns an unkeyed listener hash into the keyed
 * one (needs the library's secret, which this database never holds).
 */
export function analyticsMigrations(rekeyListener: (oldKey: number) => number): readonly Migration[] {
  return [analyticsMigration0001, analyticsMigration0002, analyticsMigration0003(rekeyListener), analyticsMigration0004];
}
