import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { currentUserQueryOptions } from '../api/current-user.ts';
import { LoadingRows } from '../components/list-states.tsx';
import { paths } from '../lib/paths.ts';

/** Staff start at the groups; an end user, who may only see their own memberships, at their page. */
export function HomeRedirect() {
  const user = useQuery(currentUserQueryOptions());
  if (user.isPending) return <LoadingRows label="Loading" rows={3} />;
  return (
    <Navigate
      to={user.data?.role === 'end-user' ? paths.user.href(user.data.id) : paths.groups.href()}
      replace
    />
  );
}
