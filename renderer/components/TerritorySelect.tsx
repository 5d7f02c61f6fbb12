import { countryCodes, countryName } from '../../shared/rights/territories';

/**
 * The one territory picker: every country the rights rules know, by name,
 * valued by its ISO code. Empty until the territory is known.
 *
 * @example
 * <TerritorySelect label="My territory" value={territory} onChange={setTerritory} />
 */
export function TerritorySelect({ label, value, onChange }: { label: string; value: string | undefined; onChange: (code: string) => void }) {
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      {countryCodes.map((code) => (
        <option key={code} value={code}>
          {countryName(code)}
        </option>
      ))}
    </select>
  );
}
