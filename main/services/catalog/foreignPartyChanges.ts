import type { CatalogPackage } from '../../../shared/catalog/catalogPackageSchema';
import type { StoredParty } from '../../db/catalogWriteQueries';

const fields = ['name', 'kind', 'isni', 'ipi'] as const;

/**
 * Parties another package delivered may be named (as a writer, owner or
 * licensor) but not changed: one problem per party this package would
 * rename or whose identifiers it would change or wipe. Nor may the package
 * that delivered a party change it while another package credits it: whoever
 * declared a label's writer first (a shell copying the label's parties)
 * would otherwise rename the writer in the label's credits and splits.
 *
 * @example
 * foreignPartyChanges(pkg, (id) => writes.party(id));
 * // → ['parties[0]: "emb-p-mira-vale" belongs to package "ember-lane-glass-orchard"; … (name "Mira Vale" → "Impostor")']
 */
export function foreignPartyChanges(
  pkg: CatalogPackage,
  stored: (partyId: string) => StoredParty | undefined,
  creditedElsewhere: (partyId: string, packageId: string) => string[] = () => [],
): string[] {
  const problems: string[] = [];
  pkg.parties.forEach((party, index) => {
    const existing = stored(party.id);
    if (!existing || existing.packageId === null) return;
    const incoming = { name: party.name, kind: party.kind, isni: party.isni ?? null, ipi: party.ipi ?? null };
    const changes = fields.filter((f) => incoming[f] !== existing[f]).map((f) => `${f} ${show(existing[f])} → ${show(incoming[f])}`);
    if (!changes.length) return;
    if (existing.packageId !== pkg.package.id) {
      problems.push(
        `parties[${index}]: "${party.id}" belongs to package "${existing.packageId}"; a package may name another package's parties but not change them (${changes.join(', ')})`,
      );
      return;
    }
    const others = creditedElsewhere(party.id, pkg.package.id);
    if (others.length) {
      problems.push(
        `parties[${index}]: "${party.id}" is also credited by package ${others.map((o) => `"${o}"`).join(', ')}; a party several packages credit cannot be changed by one of them (${changes.join(', ')})`,
      );
    }
  });
  return problems;
}

const show = (value: string | null) => (value === null ? 'none' : `"${value}"`);
