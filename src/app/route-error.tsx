import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '../lib/paths.ts';

/** Replaces a crashed page with a readable message and a way back, never a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <section className="message-page" role="alert">
      <h1>Something went wrong</h1>
      <p>This page could not be shown: {message}</p>
      <p>
        <Link to={paths.groups.href()}>Back to Groups</Link> or <a href={window.location.href}>reload</a>.
      </p>
    </section>
  );
}
