import { useState } from 'react';

export type PickerPlace = { id: number; name: string; count?: number };

/**
 * Which columns the grid shows: a searchable list (the name contains the text) with a box per
 * place, all or none at once. The choice is the URL's; this only reports it.
 */
export function ColumnPicker({
  noun,
  places,
  chosen,
  onChange,
}: {
  noun: string;
  places: readonly PickerPlace[];
  /** Undefined: all of them. */
  chosen: readonly number[] | undefined;
  onChange: (chosen: number[] | undefined) => void;
}) {
  const [text, setText] = useState('');
  const wanted = text.trim().toLowerCase();
  const shown = wanted ? places.filter((place) => place.name.toLowerCase().includes(wanted)) : places;
  const chosenSet = new Set(chosen ?? places.map((place) => place.id));
  const toggle = (id: number) => {
    const next = new Set(chosenSet);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next.size === places.length ? undefined : places.filter((p) => next.has(p.id)).map((p) => p.id));
  };
  return (
    <details className="column-picker">
      <summary>
        {noun}: {chosen === undefined ? 'all' : chosenSet.size.toLocaleString()} of{' '}
        {places.length.toLocaleString()}
      </summary>
      <div className="column-picker-panel">
        <label className="search">
          <span className="visually-hidden">Find {noun.toLowerCase()} by name</span>
          <input
            type="search"
            placeholder={`Find ${noun.toLowerCase()}…`}
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={100}
          />
        </label>
        <div className="column-picker-actions">
          <button type="button" className="button-quiet" onClick={() => onChange(undefined)}>
            All
          </button>
          <button type="button" className="button-quiet" onClick={() => onChange([])}>
            None
          </button>
          {wanted && (
            <button
              type="button"
              className="button-quiet"
              onClick={() => onChange(shown.map((place) => place.id))}
            >
              Only these {shown.length.toLocaleString()}
            </button>
          )}
        </div>
        {shown.length === 0 ? (
          <p className="field-hint">
            No {noun.toLowerCase()} name contains “{text.trim()}”.
          </p>
        ) : (
          <ul className="column-picker-list">
            {shown.map((place) => (
              <li key={place.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosenSet.has(place.id)}
                    onChange={() => toggle(place.id)}
                  />
                  <span className="truncate">{place.name}</span>
                  {place.count !== undefined && (
                    <span className="cell-muted">{place.count.toLocaleString()}</span>
                  )}
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
