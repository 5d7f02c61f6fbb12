import type { Migration } from '../Migration';
import { migration0001 } from './0001-library';
import { migration0002 } from './0002-catalog';
import { migration0003 } from './0003-projects';
import { migration0004 } from './0004-exports';
import { migration0005 } from './0005-export-identity';
import { migration0006 } from './0006-catalog-sort-indexes';
import { migration0007 } from './0007-rights-integrity';
import { migration0008 } from './0008-lineage';

/** Every schema step in order; `version` must equal its position + 1. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
];

export const latestSchemaVersion = migrations.length;
