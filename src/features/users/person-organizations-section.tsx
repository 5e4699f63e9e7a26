import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { organizationsQueryOptions } from '../../api/organizations.ts';
import { useRowFocusRecovery } from '../../components/data-table/use-row-focus-recovery.ts';
import { ListStates } from '../../components/list-states.tsx';
import type { OrganizationMembership } from '../../contract/organization-membership.ts';
import { organizationOptionsFor } from '../../lib/membership-target-options.ts';
import { paths } from '../../lib/paths.ts';
import { PersonAddForm } from './person-add-form.tsx';
import type { PersonSectionProps } from './person-section-props.ts';

/**
 * A person's organizations on their page (default first, as Zendesk orders them). Only someone who
 * may edit gets the default toggle, unassign and the add-to-organization picker.
 */
export function PersonOrganizationsSection({
  userId,
  personName,
  canEdit,
  memberships,
  makeDefault,
  add,
  onRemove,
}: PersonSectionProps<OrganizationMembership>) {
  const [text, setText] = useState('');
  const searched = useDeferredValue(text.trim());
  const organizations = useInfiniteQuery({
    ...organizationsQueryOptions({ name: searched }),
    enabled: canEdit && searched.length > 0,
  });
  const table = useRowFocusRecovery();
  const memberOf = new Set((memberships.data ?? []).map((m) => m.organization_id));
  const name = personName ?? `user ${userId}`;

  return (
    <section className="person-section" aria-labelledby="person-organizations">
      <h2 id="person-organizations" className="section-title">
        Organizations
      </h2>
      <ListStates
        query={memberships}
        what="their organizations"
        isEmpty={memberships.data?.length === 0}
        empty={<p className="cell-muted">Not in any organization.</p>}
      >
        <table className="person-table" aria-label="Organization memberships" ref={table} tabIndex={-1}>
          <thead>
            <tr>
              <th>Organization</th>
              <th>Default organization</th>
              <th>Org tickets</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(memberships.data ?? []).map((membership) => (
              <tr key={membership.id} data-testid="organization-membership">
                <td>
                  {canEdit ? (
                    <Link to={paths.organization.href(membership.organization_id)}>
                      {membership.organization_name}
                    </Link>
                  ) : (
                    <span className="cell-main">{membership.organization_name}</span>
                  )}
                </td>
                <td>
                  {canEdit ? (
                    <label className="radio-default">
                      <input
                        type="radio"
                        name="default-organization"
                        checked={membership.default === true}
                        disabled={makeDefault.isPending}
                        onChange={() =>
                          makeDefault.mutate({ userId, membershipId: membership.id, userName: name })
                        }
                      />
                      {membership.default ? 'Default' : 'Make default'}
                    </label>
                  ) : membership.default ? (
                    'Default'
                  ) : (
                    '—'
                  )}
                </td>
                <td>{membership.view_tickets ? 'Yes' : 'No'}</td>
                <td className="align-end">
                  {canEdit && (
                    <button
                      type="button"
                      className="button-quiet"
                      onClick={() =>
                        onRemove({
                          kind: 'organization_memberships.destroy',
                          membershipId: membership.id,
                          personName: name,
                          targetName: membership.organization_name,
                        })
                      }
                    >
                      Unassign
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListStates>
      {canEdit && (
        <PersonAddForm
          userId={userId}
          add={add}
          text={text}
          onTextChange={setText}
          options={organizationOptionsFor(organizations.data?.pages[0]?.items ?? [], memberOf)}
          label="Organization to add"
          placeholder="Add to an organization: type the start of its name…"
          status={
            organizations.isFetching || searched !== text.trim()
              ? 'Searching…'
              : `No organization name starts with “${text.trim()}”.`
          }
          submitLabel="Add to organization"
        />
      )}
    </section>
  );
}
