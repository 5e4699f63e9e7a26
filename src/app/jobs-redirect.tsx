import { Navigate, useLocation, useParams } from 'react-router';
import { paths } from '../lib/paths.ts';

/** `/jobs` became History: old links and bookmarks land on the same view there. */
export function JobsRedirect() {
  const { jobId } = useParams();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  // The old Jobs page's `show=` filter is History's `status=`.
  const show = params.get('show');
  params.delete('show');
  if (show && show !== 'all') params.set('status', show);
  return <Navigate to={jobId ? paths.operation.href(jobId, params) : paths.history.href(params)} replace />;
}
