import { VirtualList } from '../../components/virtual-list.tsx';
import type { ChosenPerson } from './use-chosen-people.ts';
import './chosen-people-list.css';

/**
 * The people chosen so far, whichever search found them: opened from the bulk bar to check the
 * choice before an action and to take someone out of it.
 */
export function ChosenPeopleList({
  people,
  onRemove,
}: {
  people: readonly ChosenPerson[];
  onRemove: (person: ChosenPerson) => void;
}) {
  return (
    <details className="chosen-people">
      <summary>
        Review the {people.length === 1 ? 'person' : `${people.length.toLocaleString()} people`} chosen
      </summary>
      <VirtualList
        label="Chosen people"
        items={people}
        rowHeight={32}
        rowKey={(person) => String(person.id)}
        renderRow={(person) => (
          <span className="chosen-person">
            <span className="truncate">{person.name}</span>
            <span className="cell-muted truncate">{person.email ?? ''}</span>
            <button
              type="button"
              className="button-quiet"
              aria-label={`Take ${person.name} out of the selection`}
              onClick={() => onRemove(person)}
            >
              Remove
            </button>
          </span>
        )}
      />
    </details>
  );
}
