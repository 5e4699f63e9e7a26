import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { allGroupsQueryOptions } from '../../api/groups.ts';
import { allOrganizationsQueryOptions } from '../../api/organizations.ts';
import { planOperationMutationOptions } from '../../api/roster-operation-actions.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { PlanStep } from '../../components/operations/plan-step.tsx';
import { plural } from '../../contract/plural.ts';
import { type AssignKind, assignmentRequest } from '../../lib/assignment-request.ts';
import type { ChosenPerson } from './use-chosen-people.ts';
import './assign-memberships-dialog.css';

type Target = { id: number; name: string };

const WORDS = {
  groups: { one: 'group', other: 'groups' },
  organizations: { one: 'organization', other: 'organizations' },
} as const;

/** Zendesk's group rules: end users cannot join groups, and an agent must keep one. */
const REFUSED_FROM_GROUPS = {
  add: { one: 'not an agent', other: 'not agents' },
  remove: { one: 'would leave an agent with no group', other: 'would leave agents with no group' },
} as const;

export function AssignMembershipsDialog({
  mode,
  kind,
  people,
  onClose,
  onStarted,
}: {
  mode: 'add' | 'remove';
  kind: AssignKind;
  people: readonly ChosenPerson[];
  onClose: () => void;
  onStarted: () => void;
}) {
  const words = WORDS[kind];
  const groups = useQuery({ ...allGroupsQueryOptions(), enabled: kind === 'groups' });
  const organizations = useQuery({ ...allOrganizationsQueryOptions(), enabled: kind === 'organizations' });
  const targets: Target[] =
    kind === 'groups' ? (groups.data ?? []).filter((group) => !group.deleted) : (organizations.data ?? []);
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const shown = targets.filter((target) => target.name.toLowerCase().includes(filter.trim().toLowerCase()));
  const review = useMutation(planOperationMutationOptions());
  const request = () =>
    assignmentRequest(
      mode,
      kind,
      people.map((person) => person.id),
      [...chosen],
    );

  const plan = review.data;
  const verb = mode === 'add' ? 'Add' : 'Remove';
  return (
    <ModalDialog
      title={`${verb} ${plural(people.length, 'person', 'people')} ${mode === 'add' ? 'to' : 'from'} ${words.other}`}
      onClose={onClose}
      wide
    >
      {!plan ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            review.mutate(request());
          }}
        >
          <label className="field">
            <span>Choose {words.other}</span>
            <input
              type="search"
              placeholder={`Filter ${words.other}…`}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
          </label>
          <fieldset className="target-list">
            <legend className="visually-hidden">{words.other}</legend>
            {shown.map((target) => (
              <label key={target.id} className="target-option">
                <input
                  type="checkbox"
                  checked={chosen.has(target.id)}
                  onChange={(event) => {
                    const next = new Set(chosen);
                    if (event.target.checked) next.add(target.id);
                    else next.delete(target.id);
                    setChosen(next);
                  }}
                />
                <span className="truncate" title={target.name}>
                  {target.name}
                </span>
              </label>
            ))}
          </fieldset>
          {review.isError && (
            <p className="form-error" role="alert">
              Could not review these changes: {describeError(review.error)}
            </p>
          )}
          <div className="dialog-actions">
            <span className="cell-muted">{plural(chosen.size, words.one, words.other)} chosen</span>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button-primary" disabled={chosen.size === 0 || review.isPending}>
              {review.isPending ? 'Reviewing…' : 'Review'}
            </button>
          </div>
        </form>
      ) : (
        <PlanStep
          key={plan.id}
          plan={plan}
          review={kind === 'groups' ? { refused: REFUSED_FROM_GROUPS[mode] } : undefined}
          danger={mode === 'remove'}
          startLabel={`${verb} ${plural(plan.total, 'membership', 'memberships')}`}
          onBack={() => review.reset()}
          onCancel={onClose}
          onReviewAgain={() => review.mutate(request())}
          onStarted={() => {
            onStarted();
            onClose();
          }}
        />
      )}
    </ModalDialog>
  );
}
