import { useQuery } from '@tanstack/react-query';
import { groupMemberCountsQueryOptions } from '../../api/groups.ts';

/** One cell of the Groups list; every cell reads the same one query, so the list costs one request. */
export function GroupMemberCount({ groupId }: { groupId: number }) {
  const counts = useQuery({
    ...groupMemberCountsQueryOptions(),
    select: (all) => all[String(groupId)],
  });
  if (counts.isError)
    return (
      <span className="cell-muted" title="The member counts could not be read">
        —
      </span>
    );
  if (counts.data === undefined)
    return (
      <span className="cell-muted" title="Counting members…">
        …
      </span>
    );
  return <>{counts.data.toLocaleString()}</>;
}
