import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { PersonAddition } from '../../api/add-person-membership.ts';
import { type NamedOption, NamedPicker } from '../../components/members/named-picker.tsx';
import { chosenTarget } from '../../lib/membership-target-options.ts';

/**
 * "Add to a group / an organization" on a person's page: a picker over the options found for the
 * typed text (the section finds them, since groups and organizations are searched differently),
 * and a button that adds the one picked or named exactly; the picker empties once it is added.
 */
export function PersonAddForm({
  userId,
  add,
  text,
  onTextChange,
  options,
  label,
  placeholder,
  status,
  submitLabel,
  disabled = false,
}: {
  userId: number;
  add: UseMutationResult<unknown, Error, PersonAddition>;
  text: string;
  onTextChange: (text: string) => void;
  options: readonly NamedOption[];
  label: string;
  placeholder: string;
  status: string;
  submitLabel: string;
  disabled?: boolean;
}) {
  const [picked, setPicked] = useState<NamedOption | null>(null);
  const chosen = chosenTarget(picked, options, text);
  return (
    <form
      className="page-tools person-add"
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) return;
        add.mutate(
          { userId, targetId: chosen.id },
          {
            onSuccess: () => {
              onTextChange('');
              setPicked(null);
            },
          },
        );
      }}
    >
      <NamedPicker
        label={label}
        placeholder={placeholder}
        text={text}
        onTextChange={onTextChange}
        options={options}
        chosen={chosen}
        onChoose={setPicked}
        status={status}
        disabled={disabled}
      />
      <button type="submit" disabled={!chosen || add.isPending || disabled}>
        {submitLabel}
      </button>
    </form>
  );
}
