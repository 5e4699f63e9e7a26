import { useCombobox } from 'downshift';
import './named-picker.css';

export type NamedOption = {
  id: number;
  name: string;
  /** Why this one cannot be chosen (e.g. "already a member"), or undefined when it can. */
  refusal?: string;
};

/**
 * One group or organization chosen by typing part of its name: an accessible combobox (arrow keys,
 * Enter, Escape) whose options the caller finds for the text. Options that cannot be chosen are
 * listed with the reason, so a search for them does not look like "not found".
 */
export function NamedPicker({
  label,
  placeholder,
  text,
  onTextChange,
  options,
  chosen,
  onChoose,
  status,
  disabled = false,
}: {
  label: string;
  placeholder: string;
  text: string;
  onTextChange: (text: string) => void;
  options: readonly NamedOption[];
  chosen: NamedOption | null;
  onChoose: (option: NamedOption | null) => void;
  /** What the list shows when it has no options: "Searching…", "No group contains “x”." */
  status: string | undefined;
  disabled?: boolean;
}) {
  const combobox = useCombobox<NamedOption>({
    items: [...options],
    inputValue: text,
    selectedItem: chosen,
    itemToString: (option) => option?.name ?? '',
    itemToKey: (option) => option?.id,
    isItemDisabled: (option) => option.refusal !== undefined,
    onInputValueChange: ({ inputValue }) => {
      onTextChange(inputValue);
      if (chosen && inputValue !== chosen.name) onChoose(null);
    },
    onSelectedItemChange: ({ selectedItem }) => onChoose(selectedItem ?? null),
  });
  const open = combobox.isOpen && text.trim().length > 0;
  return (
    <div className="picker named-picker">
      {/* biome-ignore lint/a11y/noLabelWithoutControl: downshift's getLabelProps sets htmlFor */}
      <label className="visually-hidden" {...combobox.getLabelProps()}>
        {label}
      </label>
      <input
        className="named-picker-input"
        placeholder={placeholder}
        disabled={disabled}
        maxLength={100}
        {...combobox.getInputProps()}
      />
      <ul className={`picker-menu${open ? '' : ' is-hidden'}`} {...combobox.getMenuProps()}>
        {open && options.length === 0 && status && <li className="picker-note">{status}</li>}
        {open &&
          options.map((option, index) => (
            <li
              key={option.id}
              className={`picker-option${combobox.highlightedIndex === index ? ' is-highlighted' : ''}${
                option.refusal ? ' is-disabled' : ''
              }`}
              {...combobox.getItemProps({ item: option, index })}
            >
              <span className="truncate">{option.name}</span>
              {option.refusal && <span className="picker-reason">{option.refusal}</span>}
            </li>
          ))}
      </ul>
    </div>
  );
}
