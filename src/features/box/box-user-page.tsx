import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, describeError } from '../../api/api-error.ts';
import { boxGroupsQueryOptions } from '../../api/box/box-groups.ts';
import {
  boxUserMembershipsQueryOptions,
  createBoxMembershipMutationOptions,
} from '../../api/box/box-memberships.ts';
import { boxUserQueryOptions } from '../../api/box/box-users.ts';
import { BoxUserGroupsTable } from '../../components/box-user-groups-table.tsx';
import { EmptyState, ErrorState, ListStates } from '../../components/list-states.tsx';
import { NotFoundMessage } from '../../components/not-found-message.tsx';
import { paths } from '../../lib/paths.ts';
import { parseBoxId } from './parse-box-id.ts';

/** A Box user's groups with their role in each, and a picker to add them to another group. */
export function BoxUserPage() {
  const userId = parseBoxId(useParams().userId);
  if (userId === undefined) {
    return (
      <NotFoundMessage
        title="No such Box user"
        back={{ to: paths.boxUsers.href(), label: 'All Box users' }}
      />
    );
  }
  return <BoxUserDetail key={userId} userId={userId} />;
}

function BoxUserDetail({ userId }: { userId: string }) {
  const user = useQuery(boxUserQueryOptions(userId));
  const known = user.isSuccess;
  const memberships = useInfiniteQuery({ ...boxUserMembershipsQueryOptions(userId), enabled: known });
  const groups = useInfiniteQuery({ ...boxGroupsQueryOptions({ name: '' }), enabled: known });
  const rows = useMemo(() => memberships.data?.pages.flatMap((page) => page.items) ?? [], [memberships.data]);
  const person = user.data;
  const joined = new Set(rows.map((m) => m.group.id));
  const choices = (groups.data?.pages.flatMap((page) => page.items) ?? []).filter((g) => !joined.has(g.id));
  const [groupId, setGroupId] = useState('');
  const add = useMutation(createBoxMembershipMutationOptions());
  const refusal =
    add.error instanceof ApiError && add.error.code === 'conflict'
      ? 'Already a member of that group.'
      : add.isError
        ? describeError(add.error)
        : undefined;

  if (user.isError) {
    return user.error instanceof ApiError && user.error.kind === 'not_found' ? (
      <NotFoundMessage
        title="Box user not found"
        back={{ to: paths.boxUsers.href(), label: 'All Box users' }}
      >
        There is no Box user {userId} in this enterprise.
      </NotFoundMessage>
    ) : (
      <ErrorState what="this Box user" error={user.error} onRetry={() => user.refetch()} />
    );
  }

  return (
    <section className="page">
      <title>{`${person?.name ?? 'Box user'} · Roster`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.boxUsers.href()}>Box users</Link> <span aria-hidden="true">/</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{person?.name ?? '…'}</h1>
          <p className="lede">{person?.login ?? ' '}</p>
        </div>
      </header>
      <form
        className="page-tools"
        onSubmit={(event) => {
          event.preventDefault();
          if (groupId) add.mutate({ userId, groupId }, { onSuccess: () => setGroupId('') });
        }}
      >
        <label>
          <span className="visually-hidden">Group to add to</span>
          <select value={groupId} disabled={!known} onChange={(event) => setGroupId(event.target.value)}>
            <option value="">Add to a group…</option>
            {choices.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button-primary" disabled={!groupId || add.isPending}>
          Add to group
        </button>
        {refusal && (
          <span className="form-error" role="alert">
            {refusal}
          </span>
        )}
      </form>
      <ListStates
        query={memberships}
        what="this user's groups"
        isEmpty={rows.length === 0}
        empty={<EmptyState title="Not in any Box group yet." />}
      >
        <BoxUserGroupsTable rows={rows} label="Box groups of this user" />
      </ListStates>
    </section>
  );
}
