import { useQuery } from '@tanstack/react-query';
import { listedOrganizationMemberCountQueryOptions } from '../../api/organization-member-counts.ts';
import { MemberCountCell } from '../../components/member-count-cell.tsx';
import { useHydrated } from '../../components/use-hydrated.ts';

export function OrganizationMemberCount({ organizationId }: { organizationId: number }) {
  // Counted by the browser once the page has hydrated: each count costs the server one upstream
  // request per organization, which the server-rendered first rows must not wait for.
  const count = useQuery({
    ...listedOrganizationMemberCountQueryOptions(organizationId),
    enabled: useHydrated(),
  });
  return <MemberCountCell count={count.data} failed={count.isError} />;
}
