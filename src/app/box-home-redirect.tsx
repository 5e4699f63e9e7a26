import { Navigate } from 'react-router';

export function BoxHomeRedirect() {
  return <Navigate to="/box/groups" replace />;
}
