import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { boxMembershipKeys } from '../../api/box/box-memberships.ts';
import { boxUsersQueryOptions, findBoxUserByLogin } from '../../api/box/box-users.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import type { BoxGroup } from '../../contract/box/box-group.ts';
import { useBulkEngine } from '../../lib/bulk-operations/use-bulk-operations.ts';
import { parsePastedPeople } from '../../lib/people/parse-pasted-people.ts';
import { boxGroupScope } from './box-scope.ts';

type Target = { id: string; label: string };
type Plan = { targets: Target[]; unknown: string[]; invalid: string[] };

const LOOKUPS_IN_FLIGHT = 5;

/** Looks each login up (Box's `filter_term` is a prefix, so the exact login is picked out). */
async function planAdditions(text: string): Promise<Plan> {
  const pasted = parsePastedPeople(text);
  const targets: Target[] = pasted.ids.map((id) => ({ id: String(id), label: `User ${id}` }));
  const unknown: string[] = [];
  const logins = [...pasted.emails];
  const found = new Map<string, Target>();
  await Promise.all(
    Array.from({ length: LOOKUPS_IN_FLIGHT }, async () => {
      for (let login = logins.shift(); login !== undefined; login = logins.shift()) {
        const user = await findBoxUserByLogin(login);
        if (user) found.set(login, { id: user.id, label: `${user.name} (${user.login})` });
        else unknown.push(login);
      }
    }),
  );
  for (const login of pasted.emails) {
    const target = found.get(login);
    if (target && !targets.some((t) => t.id === target.id)) targets.push(target);
  }
  return { targets, unknown, invalid: pasted.invalid };
}

/**
 * Add people to a Box group: search by name or login, or paste logins or user ids; "Review" looks
 * them up, then the additions run as one bulk operation of single requests.
 */
export function AddBoxUsersDialog({ group, onClose }: { group: BoxGroup; onClose: () => void }) {
  const engine = useBulkEngine();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const found = useInfiniteQuery({
    ...boxUsersQueryOptions({ name: search.trim() }),
    enabled: search.trim().length >= 2,
  });
  const review = useMutation({ mutationFn: () => planAdditions(text) });
  const plan = review.data;

  function add(login: string) {
    setText((current) => (current.trim() ? `${current.trim()}\n${login}` : login));
    review.reset();
  }

  function start(targets: Target[]) {
    engine.start({
      kind: 'box_group_memberships.create',
      label: `Add ${targets.length.toLocaleString()} user${targets.length === 1 ? '' : 's'} to ${group.name}`,
      items: targets.map((target) => ({
        label: `${target.label} → ${group.name}`,
        payload: { box_user_id: target.id, box_group_id: group.id },
      })),
      invalidates: [boxMembershipKeys.all],
      scope: boxGroupScope(group.id),
    });
    onClose();
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
              <button type="button" className="button-link" onClick={() => add(user.login)}>
                Add {user.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="field">
        <span>Or paste logins or user ids</span>
        <textarea
          rows={6}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            review.reset();
          }}
        />
        <span className="field-hint">One per line, or separated by commas or spaces.</span>
      </label>
      {review.isError && (
        <p className="form-error" role="alert">
          {describeError(review.error)}
        </p>
      )}
      {plan && (
        <div className="plan" data-testid="box-add-plan">
          <p className="plan-summary">
            {plan.targets.length.toLocaleString()} to add
            {plan.unknown.length > 0 && `, ${plan.unknown.length} not found`}
            {plan.invalid.length > 0 && `, ${plan.invalid.length} not a login or id`}
          </p>
          {plan.unknown.length > 0 && <p className="cell-muted">Not found: {plan.unknown.join(', ')}</p>}
          {plan.invalid.length > 0 && (
            <p className="cell-muted">Not a login or id: {plan.invalid.join(', ')}</p>
          )}
          <p className="field-hint">Box has no bulk endpoint: each user is one request, five at a time.</p>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        {plan && plan.targets.length > 0 ? (
          <button type="button" className="button-primary" onClick={() => start(plan.targets)}>
            Add {plan.targets.length.toLocaleString()} user{plan.targets.length === 1 ? '' : 's'}
          </button>
        ) : (
          <button
            type="button"
            className="button-primary"
            onClick={() => review.mutate()}
            disabled={!text.trim() || review.isPending}
          >
            {review.isPending ? 'Looking up…' : 'Review'}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
