/** A secondary cell value cut to one line, whole in its tooltip; a dash when there is none. */
export function MutedText({ text }: { text: string | null | undefined }) {
  return (
    <span className="cell-muted truncate" title={text || undefined}>
      {text || '—'}
    </span>
  );
}
