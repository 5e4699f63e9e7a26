import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { MEMBERSHIP_AFFECTED_KEYS } from '../../api/membership-affected-keys.ts';
import { allOrganizationsQueryOptions } from '../../api/organizations.ts';
import {
  allGroupsQueryOptions,
  userGroupMembershipsQueryOptions,
  userOrganizationMembershipsQueryOptions,
} from '../../api/user-memberships.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { isAgentRole, type User } from '../../contract/user.ts';
import { useBulkEngine } from '../../lib/bulk-operations/use-bulk-operations.ts';

export type AssignKind = 'groups' | 'organizations';
type Target = { id: number; name: string };
type Pair = { person: User; target: Target; membershipId?: number };

const WORDS = {
  groups: { one: 'group', other: 'groups' },
  organizations: { one: 'organization', other: 'organizations' },
} as const;

/** The pairs a person × target choice becomes, sorted by what will happen to each. */
type PairPlan = { act: Pair[]; skip: Pair[]; refused: Pair[] };

export function AssignMembershipsDialog({
  mode,
  kind,
  people,
  onClose,
  onStarted,
}: {
  mode: 'add' | 'remove';
  kind: AssignKind;
  people: User[];
  onClose: () => void;
  onStarted: () => void;
}) {
  const queryClient = useQueryClient();
  const engine = useBulkEngine();
  const words = WORDS[kind];
  const groups = useQuery({ ...allGroupsQueryOptions(), enabled: kind === 'groups' });
  const organizations = useQuery({ ...allOrganizationsQueryOptions(), enabled: kind === 'organizations' });
  const targets: Target[] =
    kind === 'groups' ? (groups.data ?? []).filter((group) => !group.deleted) : (organizations.data ?? []);
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const shown = targets.filter((target) => target.name.toLowerCase().includes(filter.trim().toLowerCase()));

  /** Each person's current memberships of this kind decide which pairs are new and which exist. */
  const review = useMutation({
    mutationFn: async (): Promise<PairPlan> => {
      const plan: PairPlan = { act: [], skip: [], refused: [] };
      const picked = targets.filter((target) => chosen.has(target.id));
      for (const person of people) {
        const memberships =
          kind === 'groups'
            ? (await queryClient.fetchQuery(userGroupMembershipsQueryOptions(person.id))).map((m) => ({
                id: m.id,
                target: m.group_id,
              }))
            : (await queryClient.fetchQuery(userOrganizationMembershipsQueryOptions(person.id))).map((m) => ({
                id: m.id,
                target: m.organization_id,
              }));
        const byTarget = new Map(memberships.map((m) => [m.target, m.id]));
        // Zendesk requires an agent to keep one group: removing every one of theirs is refused.
        const wouldLeaveNoGroup =
          mode === 'remove' && kind === 'groups' && memberships.every((m) => chosen.has(m.target));
        for (const target of picked) {
          const membershipId = byTarget.get(target.id);
          const pair: Pair = { person, target, ...(membershipId !== undefined && { membershipId }) };
          if (mode === 'add' && kind === 'groups' && !isAgentRole(person.role)) plan.refused.push(pair);
          else if (wouldLeaveNoGroup && membershipId !== undefined) plan.refused.push(pair);
          else if ((mode === 'add') === (membershipId === undefined)) plan.act.push(pair);
          else plan.skip.push(pair);
        }
      }
      return plan;
    },
  });

  function run(plan: PairPlan) {
    const count = plan.act.length;
    const membershipKind = kind === 'groups' ? 'group_memberships' : 'organization_memberships';
    engine.start({
      kind: `${membershipKind}.${mode === 'add' ? 'create' : 'destroy'}`,
      label: `${mode === 'add' ? 'Add' : 'Remove'} ${count.toLocaleString()} membership${count === 1 ? '' : 's'}: ${
        people.length
      } ${people.length === 1 ? 'person' : 'people'} ${mode === 'add' ? 'to' : 'from'} ${chosen.size} ${
        chosen.size === 1 ? words.one : words.other
      }`,
      items: plan.act.map(({ person, target, membershipId }) => ({
        label: `${person.name} ${mode === 'add' ? 'to' : 'from'} ${target.name}`,
        payload:
          mode === 'remove'
            ? { membership_id: membershipId ?? 0 }
            : kind === 'groups'
              ? { user_id: person.id, group_id: target.id }
              : { user_id: person.id, organization_id: target.id },
      })),
      invalidates: MEMBERSHIP_AFFECTED_KEYS,
      scope: 'users',
    });
    onStarted();
    onClose();
  }

  const plan = review.data;
  const verb = mode === 'add' ? 'Add' : 'Remove';
  return (
    <ModalDialog
      title={`${verb} ${people.length} ${people.length === 1 ? 'person' : 'people'} ${mode === 'add' ? 'to' : 'from'} ${words.other}`}
      onClose={onClose}
      wide
    >
      {!plan ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            review.mutate();
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
                {target.name}
              </label>
            ))}
          </fieldset>
          {review.isError && (
            <p className="form-error" role="alert">
              Could not check their memberships: {describeError(review.error)}
            </p>
          )}
          <div className="dialog-actions">
            <span className="cell-muted">
              {chosen.size} {chosen.size === 1 ? words.one : words.other} chosen
            </span>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button-primary" disabled={chosen.size === 0 || review.isPending}>
              {review.isPending ? 'Checking…' : 'Review'}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <p className="plan-summary" data-testid="assign-plan-summary">
            <strong>
              {plan.act.length} {mode === 'add' ? 'new' : 'to remove'}
            </strong>
            , {plan.skip.length} {mode === 'add' ? 'already existing' : 'not members'}
            {plan.refused.length > 0 &&
              `, ${plan.refused.length} not possible (${mode === 'add' ? 'end users cannot join groups' : 'an agent must keep one group'})`}{' '}
            of {(plan.act.length + plan.skip.length + plan.refused.length).toLocaleString()} pairs.
          </p>
          <ul className="pair-list">
            {[...plan.act, ...plan.skip, ...plan.refused].map((pair) => (
              <li key={`${pair.person.id}-${pair.target.id}`}>
                {pair.person.name} {mode === 'add' ? '→' : '✕'} {pair.target.name}
                {plan.skip.includes(pair) && (
                  <span className="cell-muted">
                    {' '}
                    — {mode === 'add' ? 'already a member' : 'not a member'}
                  </span>
                )}
                {plan.refused.includes(pair) && (
                  <span className="cell-muted">
                    {' '}
                    — {mode === 'add' ? 'end user' : 'would leave them with no group'}
                  </span>
                )}
              </li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" onClick={() => review.reset()}>
              Back
            </button>
            <button
              type="button"
              className={mode === 'add' ? 'button-primary' : 'button-danger'}
              disabled={plan.act.length === 0}
              onClick={() => run(plan)}
            >
              {verb} {plan.act.length} membership{plan.act.length === 1 ? '' : 's'}
            </button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
