import { formatWhen } from './formatWhen';

/** What an export is besides its title. */
export interface ExportFacts {
  readonly format: string;
  readonly createdAt: string;
  readonly ledgerPosition?: number;
  readonly revision?: number;
}

/**
 * What tells apart exports that share a title (versions of one project
 * all read "Copper Sky (Remix)"): the format, the project revision it was
 * rendered from, when, and its ledger entry.
 *
 * @example exportIdentity({ format: 'flac', revision: 4, createdAt: '2026-12-01T17:02:03Z', ledgerPosition: 2 }) // "FLAC · rev 4 · Dec 1, 2026, 5:02:03 PM · #2"
 */
export function exportIdentity(facts: ExportFacts): string {
  return [
    facts.format.toUpperCase(),
    facts.revision === undefined ? null : `rev ${facts.revision}`,
    formatWhen(facts.createdAt),
    facts.ledgerPosition === undefined ? null : `#${facts.ledgerPosition}`,
  ]
    .filter(Boolean)
    .join(' · ');
}
