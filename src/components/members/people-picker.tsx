import { useQuery } from '@tanstack/react-query';
import { useCombobox, useMultipleSelection } from 'downshift';
import { useDeferredValue, useState } from 'react';
import { userSearchQueryOptions } from '../../api/users.ts';
import type { User } from '../../contract/user.ts';

/**
 * Find people by name or email and pick several. People who cannot join are listed but cannot be
 * picked, with the reason, so a search for them does not look like "not found".
 */
export function PeoplePicker({
  label,
  picked,
  onChange,
  refusal,
}: {
  label: string;
  picked: User[];
  onChange: (users: User[]) => void;
  /** Why this person cannot be picked, or undefined when they can. */
  refusal: (user: User) => string | undefined;
}) {
  const canPick = (user: User) => refusal(user) === undefined;
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text.trim());
  const search = useQuery(userSearchQueryOptions(deferred));
  const pickedIds = new Set(picked.map((user) => user.id));
  const options = (search.data ?? []).filter((user) => !pickedIds.has(user.id));

  const multiple = useMultipleSelection<User>({
    selectedItems: picked,
    onSelectedItemsChange: ({ selectedItems }) => onChange(selectedItems),
    itemToKey: (user) => user?.id,
  });
  const combobox = useCombobox<User>({
    items: options,
    inputValue: text,
    selectedItem: null,
    itemToString: (user) => user?.name ?? '',
    isItemDisabled: (user) => !canPick(user),
    onInputValueChange: ({ inputValue, type }) => {
      if (
        type !== useCombobox.stateChangeTypes.ItemClick &&
        type !== useCombobox.stateChangeTypes.InputKeyDownEnter
      ) {
        setText(inputValue);
      }
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem && canPick(selectedItem)) onChange([...picked, selectedItem]);
    },
    stateReducer: (_state, { changes, type }) =>
      type === useCombobox.stateChangeTypes.InputKeyDownEnter ||
      type === useCombobox.stateChangeTypes.ItemClick
        ? { ...changes, isOpen: true, highlightedIndex: 0 }
        : changes,
  });

  return (
    <div className="picker">
      {/* biome-ignore lint/a11y/noLabelWithoutControl: downshift's getLabelProps sets htmlFor */}
      <label {...combobox.getLabelProps()}>{label}</label>
      <div className="picker-box">
        {picked.map((user, index) => (
          <span
            key={user.id}
            className="chip"
            {...multiple.getSelectedItemProps({ selectedItem: user, index })}
          >
            {user.name}
            <button
              type="button"
              aria-label={`Remove ${user.name}`}
              onClick={(event) => {
                event.stopPropagation();
                multiple.removeSelectedItem(user);
              }}
            >
              ×
            </button>
          </span>
        ))}
        <input
          placeholder={picked.length ? '' : 'Type at least 2 letters…'}
          {...combobox.getInputProps(multiple.getDropdownProps({ preventKeyAction: combobox.isOpen }))}
        />
      </div>
      <ul
        className={`picker-menu${combobox.isOpen && deferred.length >= 2 ? '' : ' is-hidden'}`}
        {...combobox.getMenuProps()}
      >
        {combobox.isOpen && deferred.length >= 2 && search.isFetching && options.length === 0 && (
          <li className="picker-note">Searching…</li>
        )}
        {combobox.isOpen && deferred.length >= 2 && search.isSuccess && options.length === 0 && (
          <li className="picker-note">No one matches “{deferred}”.</li>
        )}
        {combobox.isOpen && search.isError && (
          <li className="picker-note">Search failed: {search.error.message}</li>
        )}
        {combobox.isOpen &&
          options.map((user, index) => (
            <li
              key={user.id}
              className={`picker-option${combobox.highlightedIndex === index ? ' is-highlighted' : ''}${
                canPick(user) ? '' : ' is-disabled'
              }`}
              {...combobox.getItemProps({ item: user, index })}
            >
              <span>{user.name}</span>
              <span className="cell-muted">{user.email}</span>
              {!canPick(user) && <span className="picker-reason">{refusal(user)}</span>}
            </li>
          ))}
      </ul>
    </div>
  );
}
