import { TerritorySelect } from '../../components/TerritorySelect';

export interface FilterValues {
  readonly text: string;
  readonly bpmMin: string;
  readonly bpmMax: string;
  readonly key: string;
  readonly mayRemix: boolean;
  readonly mayCover: boolean;
}

export const emptyFilters: FilterValues = { text: '', bpmMin: '', bpmMax: '', key: '', mayRemix: false, mayCover: false };

/** Search box and filters; the territory is the library setting the "I may…" filters judge by. */
export function CatalogFilters({
  values,
  onChange,
  keys,
  territory,
  onTerritory,
}: {
  values: FilterValues;
  onChange: (values: FilterValues) => void;
  keys: readonly string[];
  territory: string | undefined;
  onTerritory: (code: string) => void;
}) {
  const set = (changes: Partial<FilterValues>) => onChange({ ...values, ...changes });
  return (
    <div className="catalog-filters" role="search">
      <input
        type="search"
        aria-label="Search title, artist, writer, label or ISRC"
        placeholder="Search title, artist, writer, label, ISRC…"
        value={values.text}
        onChange={(e) => set({ text: e.target.value })}
        autoFocus
      />
      <div className="filter-row">
        <label>
          BPM
          <input
            type="number"
            aria-label="Minimum BPM"
            placeholder="min"
            min={20}
            max={400}
            value={values.bpmMin}
            onChange={(e) => set({ bpmMin: e.target.value })}
          />
        </label>
        <span aria-hidden="true">–</span>
        <input
          type="number"
          aria-label="Maximum BPM"
          placeholder="max"
          min={20}
          max={400}
          value={values.bpmMax}
          onChange={(e) => set({ bpmMax: e.target.value })}
        />
        <label>
          Key
          <select aria-label="Key" value={values.key} onChange={(e) => set({ key: e.target.value })}>
            <option value="">any</option>
            {keys.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="filter-row">
        <label className="check">
          <input type="checkbox" checked={values.mayRemix} onChange={(e) => set({ mayRemix: e.target.checked })} /> I may remix
        </label>
        <label className="check">
          <input type="checkbox" checked={values.mayCover} onChange={(e) => set({ mayCover: e.target.checked })} /> I may cover
        </label>
        <label>
          in
          <TerritorySelect label="My territory" value={territory} onChange={onTerritory} />
        </label>
      </div>
    </div>
  );
}
