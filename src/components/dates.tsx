/**
 * Every date Roster shows, in one format: the day as "Mar 4, 2026" ("Member since", a person's
 * memberships), and a moment as that day with its time (History, operations, Zendesk jobs).
 */
const day = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const moment = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });

export function formatDay(iso: string): string {
  return day.format(new Date(iso));
}

/** When something happened, as a `<time>` a person reads, the full date and time on hover. */
export function At({ iso }: { iso: string }) {
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={full.format(date)} className="moment">
      {moment.format(date)}
    </time>
  );
}
