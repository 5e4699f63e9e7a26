/** A list row's member count: "…" while it is counted, "—" when it could not be read. */
export function MemberCountCell({ count, failed }: { count: number | undefined; failed: boolean }) {
  if (failed)
    return (
      <span className="cell-muted" title="The member counts could not be read">
        —
      </span>
    );
  if (count === undefined)
    return (
      <span className="cell-muted" title="Counting members…">
        …
      </span>
    );
  return <>{count.toLocaleString()}</>;
}
