import { useQuery } from '@tanstack/react-query';
import { groupMemberCountsQueryOptions } from '../../api/groups.ts';
import { MemberCountCell } from '../../components/member-count-cell.tsx';

/** One cell of the Groups list; every cell reads the same one query, so the list costs one request. */
export function GroupMemberCount({ groupId }: { groupId: number }) {
  const counts = useQuery({
    ...groupMemberCountsQueryOptions(),
    select: (all) => all[String(groupId)],
  });
  return <MemberCountCell count={counts.data} failed={counts.isError} />;
}
