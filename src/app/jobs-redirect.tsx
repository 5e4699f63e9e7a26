import { Navigate, useLocation, useParams } from 'react-router';

/** `/jobs` became History: old links and bookmarks land on the same view there. */
export function JobsRedirect() {
  const { jobId } = useParams();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  // The old Jobs page's `show=` filter is History's `status=`.
  const show = params.get('show');
  params.delete('show');
  if (show && show !== 'all') params.set('status', show);
  const query = params.toString();
  const path = jobId ? `/history/${encodeURIComponent(jobId)}` : '/history';
  return <Navigate to={`${path}${query ? `?${query}` : ''}`} replace />;
}
