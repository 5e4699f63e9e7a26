/** Ids in the address that name no column: said, with a way to drop them, while the grid shows the rest. */
export function UnknownColumnsNotice({
  noun,
  ids,
  extra,
  onDrop,
}: {
  noun: string;
  ids: readonly string[];
  /** Another sentence about the address, e.g. a filter naming a group that does not exist. */
  extra?: string | false;
  onDrop: () => void;
}) {
  if (ids.length === 0 && !extra) return null;
  return (
    <p className="notice notice-error" role="alert">
      {ids.length > 0 &&
        `No ${noun} has the id ${ids.join(', ')} in this address (it may have been deleted); the grid shows the others. `}
      {extra && `${extra} `}
      <button type="button" className="button-quiet" onClick={onDrop}>
        Drop them from the address
      </button>
    </p>
  );
}
