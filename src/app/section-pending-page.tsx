import { Link } from 'react-router';

/** Sections whose pages are not built yet say so plainly instead of showing an empty screen. */
export function SectionPendingPage({ title }: { title: string }) {
  return (
    <section className="message-page">
      <h1>{title}</h1>
      <p>This section is not available yet. Group and organization memberships can be managed today.</p>
      <Link to="/groups">Go to Groups</Link>
    </section>
  );
}
