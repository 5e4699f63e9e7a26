import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { allGroupsQueryOptions } from '../../api/groups.ts';
import type { Permission } from '../../api/membership-permissions.ts';
import { useRowFocusRecovery } from '../../components/data-table/use-row-focus-recovery.ts';
import { formatDay } from '../../components/dates.tsx';
import { ListStates } from '../../components/list-states.tsx';
import type { GroupMembership } from '../../contract/group-membership.ts';
import { groupOptionsFor } from '../../lib/membership-target-options.ts';
import { paths } from '../../lib/paths.ts';
import { PersonAddForm } from './person-add-form.tsx';
import type { PersonSectionProps } from './person-section-props.ts';

/** An agent's groups on their page: the default toggle, removal, and the add-to-group picker. */
export function PersonGroupsSection({
  userId,
  personName,
  canEdit,
  permission,
  memberships,
  makeDefault,
  add,
  onRemove,
}: PersonSectionProps<GroupMembership> & { permission: Permission }) {
  const groups = useQuery({ ...allGroupsQueryOptions(), enabled: canEdit });
  const [text, setText] = useState('');
  const table = useRowFocusRecovery();
  const groupName = new Map((groups.data ?? []).map((group) => [group.id, group.name]));
  const memberOf = new Set((memberships.data ?? []).map((m) => m.group_id));
  const onlyGroup = (memberships.data ?? []).length === 1;
  const name = personName ?? `user ${userId}`;

  return (
    <section className="person-section" aria-labelledby="person-groups">
      <h2 id="person-groups" className="section-title">
        Groups
      </h2>
      {!permission.allowed && canEdit && <p className="permission-note">{permission.reason}</p>}
      <ListStates query={memberships} what="their groups" isEmpty={false} empty={null}>
        <table className="person-table" aria-label="Group memberships" ref={table} tabIndex={-1}>
          <thead>
            <tr>
              <th>Group</th>
              <th>Default group</th>
              <th className="align-end">Member since</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(memberships.data ?? []).map((membership) => (
              <tr key={membership.id}>
                <td>
                  <Link to={paths.group.href(membership.group_id)}>
                    {groupName.get(membership.group_id) ?? `Group ${membership.group_id}`}
                  </Link>
                </td>
                <td>
                  <label className="radio-default">
                    <input
                      type="radio"
                      name="default-group"
                      checked={membership.default}
                      disabled={makeDefault.isPending}
                      onChange={() =>
                        makeDefault.mutate({ userId, membershipId: membership.id, userName: name })
                      }
                    />
                    {membership.default ? 'Default' : 'Make default'}
                  </label>
                </td>
                <td className="align-end">{formatDay(membership.created_at)}</td>
                <td className="align-end">
                  <button
                    type="button"
                    className="button-quiet"
                    disabled={onlyGroup || !permission.allowed}
                    title={onlyGroup ? 'An agent must belong to at least one group' : undefined}
                    onClick={() =>
                      onRemove({
                        kind: 'group_memberships.destroy',
                        membershipId: membership.id,
                        personName: name,
                        targetName: groupName.get(membership.group_id) ?? `group ${membership.group_id}`,
                      })
                    }
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListStates>
      {onlyGroup && (
        <p className="cell-muted">This is their only group: an agent must belong to at least one.</p>
      )}
      <PersonAddForm
        userId={userId}
        add={add}
        text={text}
        onTextChange={setText}
        options={groupOptionsFor(groups.data ?? [], text, memberOf)}
        label="Group to add"
        placeholder="Add to a group: type part of its name…"
        status={groups.isPending ? 'Loading groups…' : `No group name contains “${text.trim()}”.`}
        submitLabel="Add to group"
        disabled={!permission.allowed}
      />
    </section>
  );
}
