import { useQuery } from '@tanstack/react-query';
import { listedOrganizationMemberCountQueryOptions } from '../../api/organization-member-counts.ts';
import { MemberCountCell } from '../../components/member-count-cell.tsx';

export function OrganizationMemberCount({ organizationId }: { organizationId: number }) {
  const count = useQuery(listedOrganizationMemberCountQueryOptions(organizationId));
  return <MemberCountCell count={count.data} failed={count.isError} />;
}
