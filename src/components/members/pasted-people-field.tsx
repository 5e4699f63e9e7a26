import { MAX_PASTED_ENTRIES } from '../../contract/operation-limits.ts';
import { parsePastedPeople, pastedEntryCount } from '../../contract/pasted-people.ts';
import { plural } from '../../contract/plural.ts';

export type PastedCount = { entries: number; tooMany: boolean };

/** What a paste of emails and user ids reads as: how many entries, and whether that is over the limit. */
export function pastedPeopleCount(text: string): PastedCount {
  const entries = pastedEntryCount(parsePastedPeople(text));
  return { entries, tooMany: entries > MAX_PASTED_ENTRIES };
}

/**
 * The box people paste emails or user ids into, saying how many entries it read and when that is
 * more than one paste may hold; the dialog that holds it keeps the text and its count.
 */
export function PastedPeopleField(props: {
  label: string;
  rows: number;
  value: string;
  onChange: (text: string) => void;
  count: PastedCount;
  /** A sentence after the format's, e.g. where the people go. */
  hint?: string;
}) {
  const { entries, tooMany } = props.count;
  return (
    <>
      <label className="field">
        <span>{props.label}</span>
        <textarea
          rows={props.rows}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          placeholder={'ada@example.com\nalan@example.com, 380000123'}
        />
        <span className="field-hint">
          One per line, or separated by commas or spaces.{props.hint && ` ${props.hint}`}{' '}
          {entries > 0 && `${plural(entries, 'entry', 'entries')} read.`}
        </span>
      </label>
      {tooMany && (
        <p className="form-error" role="alert">
          Paste at most {MAX_PASTED_ENTRIES.toLocaleString()} entries at a time.
        </p>
      )}
    </>
  );
}
