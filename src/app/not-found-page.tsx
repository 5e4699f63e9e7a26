import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="message-page">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <Link to="/groups">Go to Groups</Link>
    </section>
  );
}
