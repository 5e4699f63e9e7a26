import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A page's whole answer when what its address names does not exist: what is missing, why, and where to go. */
export function NotFoundMessage({
  title,
  children,
  back,
}: {
  /** e.g. "Group not found"; the heading and the tab's title. */
  title: string;
  children?: ReactNode;
  back: { to: string; label: string };
}) {
  return (
    <section className="message-page">
      <title>{`${title} · Roster`}</title>
      <h1>{title}</h1>
      {children && <p>{children}</p>}
      <Link to={back.to}>{back.label}</Link>
    </section>
  );
}
