import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { reviewBoxAdditionsMutationOptions } from '../../api/box/box-additions-review.ts';
import { boxUsersQueryOptions } from '../../api/box/box-users.ts';
import { DialogFooter } from '../../components/dialog-footer.tsx';
import { PastedPeopleField, pastedPeopleCount } from '../../components/members/pasted-people-field.tsx';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { PlanStep } from '../../components/operations/plan-step.tsx';
import type { BoxGroup } from '../../contract/box/box-group.ts';
import { plural } from '../../contract/plural.ts';
import './box.css';

/**
 * Add people to a Box group: search by name or login, or paste logins or user ids; "Review" shows
 * what will happen, then the additions run on the server as one operation of single requests.
 */
export function AddBoxUsersDialog({ group, onClose }: { group: BoxGroup; onClose: () => void }) {
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const found = useInfiniteQuery({
    ...boxUsersQueryOptions({ name: search.trim() }),
    enabled: search.trim().length >= 2,
  });
  const review = useMutation(reviewBoxAdditionsMutationOptions());
  const plan = review.data?.plan;
  const count = pastedPeopleCount(text);

  if (plan) {
    return (
      <ModalDialog title={`Add users to ${group.name}`} onClose={onClose} wide>
        <PlanStep
          key={plan.id}
          plan={plan}
          review={{ extraSkipped: review.data?.skipped ?? [] }}
          startLabel={`Add ${plural(plan.total, 'user', 'users')}`}
          onBack={() => review.reset()}
          onCancel={onClose}
          onReviewAgain={() => review.mutate({ text, groupId: group.id })}
          onStarted={onClose}
        />
      </ModalDialog>
    );
  }

  return (
    <ModalDialog title={`Add users to ${group.name}`} onClose={onClose} wide>
      <label className="field">
        <span>Find users by name or login</span>
        <input
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          maxLength={100}
        />
      </label>
      {found.data && (
        <ul className="search-results" aria-label="Matching users">
          {found.data.pages[0]?.items.slice(0, 8).map((user) => (
            <li key={user.id}>
              <span>
                {user.name} <span className="cell-muted">{user.login}</span>
              </span>
              <button
                type="button"
                className="button-link"
                onClick={() =>
                  setText((current) => (current.trim() ? `${current.trim()}\n${user.login}` : user.login))
                }
              >
                Add {user.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <PastedPeopleField
        label="Or paste logins or user ids"
        rows={6}
        value={text}
        onChange={setText}
        count={count}
      />
      {review.data && !plan && (
        <p className="form-error" role="alert">
          Nothing to add.{' '}
          {review.data.skipped
            .map((entry) => `Line ${entry.line}: ${entry.entry} (${entry.description})`)
            .join(' ')}
        </p>
      )}
      <DialogFooter error={review.error} errorLead="Could not review these people" onCancel={onClose}>
        <button
          type="button"
          className="button-primary"
          onClick={() => review.mutate({ text, groupId: group.id })}
          disabled={count.entries === 0 || count.tooMany || review.isPending}
        >
          {review.isPending ? 'Looking up…' : 'Review'}
        </button>
      </DialogFooter>
    </ModalDialog>
  );
}
