import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { findPastedUsersMutationOptions, type PastedUsers } from '../../api/pasted-users.ts';
import { DialogFooter } from '../../components/dialog-footer.tsx';
import { PastedPeopleField, pastedPeopleCount } from '../../components/members/pasted-people-field.tsx';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { VirtualList } from '../../components/virtual-list.tsx';
import type { PastedEntry } from '../../contract/pasted-people.ts';
import { plural } from '../../contract/plural.ts';
import type { User } from '../../contract/user.ts';

type Unmatched = PastedEntry & { why: string };

/** Every entry that found no one, in the order pasted, with why. */
function unmatchedOf(result: PastedUsers): Unmatched[] {
  return [
    ...result.notFound.map((entry) => ({ ...entry, why: 'No one has this email or id.' })),
    ...result.invalid.map((entry) => ({ ...entry, why: 'Not an email address or a user id.' })),
    ...result.tooLong.map((entry) => ({ ...entry, why: 'Longer than an email address may be.' })),
    ...result.duplicates.map((entry) => ({ ...entry, why: 'Given more than once.' })),
  ].sort((a, b) => a.line - b.line);
}

/**
 * "Paste emails or ids" on the Users page: finds the people the text names and adds them to the
 * page's selection, listing every entry that found no one with its line and why.
 */
export function PastePeopleDialog({
  onChoose,
  onClose,
}: {
  onChoose: (people: readonly User[]) => void;
  onClose: () => void;
}) {
  const [pasted, setPasted] = useState('');
  const count = pastedPeopleCount(pasted);
  const lookup = useMutation(findPastedUsersMutationOptions());
  const result = lookup.data;
  const unmatched = result ? unmatchedOf(result) : [];

  return (
    <ModalDialog title="Choose people by email or id" onClose={onClose} wide>
      {result ? (
        <div className="plan">
          <p className="plan-summary" data-testid="paste-summary">
            <strong>
              {plural(result.found.length, 'person', 'people')} found
              {unmatched.length > 0 && `, ${plural(unmatched.length, 'entry', 'entries')} found no one`}
            </strong>
            .
          </p>
          {unmatched.length > 0 && (
            <section className="plan-section">
              <h3>Not found ({unmatched.length.toLocaleString()})</h3>
              <VirtualList
                label="Entries that found no one"
                className="plan-skipped-list"
                items={unmatched}
                rowKey={(entry, index) => `${index}:${entry.text}`}
                renderRow={(entry) => (
                  <span className="plan-skipped">
                    <span className="cell-muted">Line {entry.line}</span>
                    <span className="truncate" title={entry.text}>
                      {entry.text}
                    </span>
                    <span className="truncate">{entry.why}</span>
                  </span>
                )}
              />
            </section>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => lookup.reset()}>
              Back
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="button-primary"
              disabled={result.found.length === 0}
              onClick={() => {
                onChoose(result.found);
                onClose();
              }}
            >
              Choose {plural(result.found.length, 'person', 'people')}
            </button>
          </div>
        </div>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            lookup.mutate(pasted);
          }}
        >
          <PastedPeopleField
            label="Emails or user ids"
            rows={8}
            value={pasted}
            onChange={setPasted}
            count={count}
            hint="They join the people already chosen."
          />
          <DialogFooter error={lookup.error} errorLead="Could not look these people up" onCancel={onClose}>
            <button
              type="submit"
              className="button-primary"
              disabled={lookup.isPending || count.tooMany || count.entries === 0}
            >
              {lookup.isPending ? 'Finding…' : 'Find people'}
            </button>
          </DialogFooter>
        </form>
      )}
    </ModalDialog>
  );
}
