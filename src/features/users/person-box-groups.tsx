import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useBoxAvailable } from '../../api/box/box-availability.ts';
import { boxUserMembershipsQueryOptions } from '../../api/box/box-memberships.ts';
import { boxUserByLoginQueryOptions } from '../../api/box/box-users.ts';
import { BoxUserGroupsTable } from '../../components/box-user-groups-table.tsx';
import { ErrorState, LoadingRows } from '../../components/list-states.tsx';
import { paths } from '../../lib/paths.ts';

/**
 * The person's Box groups beside their Zendesk ones: the Box user whose login is their email, when
 * there is one. Shown only while Box is open to the signed-in person, as the Box pages are.
 */
export function PersonBoxGroups({ email }: { email: string | null }) {
  const available = useBoxAvailable();
  if (!available || !email) return null;
  return <BoxGroupsOf email={email} />;
}

function BoxGroupsOf({ email }: { email: string }) {
  const boxUser = useQuery(boxUserByLoginQueryOptions(email));
  const boxUserId = boxUser.data?.id;
  const memberships = useInfiniteQuery({
    ...boxUserMembershipsQueryOptions(boxUserId ?? ''),
    enabled: boxUserId !== undefined,
  });
  const rows = memberships.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="person-section" aria-labelledby="person-box-groups">
      <h2 id="person-box-groups" className="section-title">
        Box groups
      </h2>
      {boxUser.isError ? (
        <ErrorState what="their Box account" error={boxUser.error} onRetry={() => boxUser.refetch()} />
      ) : boxUser.isPending ? (
        <LoadingRows label="Looking for their Box account" rows={2} />
      ) : boxUser.data === null ? (
        <p className="cell-muted">
          No Box user has the login {email}, so Box shows no groups for this person.
        </p>
      ) : memberships.isError ? (
        <ErrorState what="their Box groups" error={memberships.error} onRetry={() => memberships.refetch()} />
      ) : memberships.isPending ? (
        <LoadingRows label="Loading their Box groups" rows={2} />
      ) : rows.length === 0 ? (
        <p className="cell-muted">
          Box user <Link to={paths.boxUser.href(boxUser.data.id)}>{boxUser.data.name}</Link> is in no Box
          group.
        </p>
      ) : (
        <BoxUserGroupsTable rows={rows} label="Their Box groups" />
      )}
      {memberships.hasNextPage && (
        <button
          type="button"
          onClick={() => void memberships.fetchNextPage()}
          disabled={memberships.isFetchingNextPage}
        >
          Show more
        </button>
      )}
    </section>
  );
}
