import { Navigate } from 'react-router';
import { paths } from '../lib/paths.ts';

export function BoxHomeRedirect() {
  return <Navigate to={paths.boxGroups.href()} replace />;
}
