import { lazy, Suspense, useState } from 'react';
import type { ExportScope } from '../../api/membership-exports.ts';
import type { MembershipFileKind } from '../../contract/membership-csv.ts';

// Loaded on the first click: the pages that offer an export stay within their first-route JS budget.
const ExportRun = lazy(() => import('./export-run.tsx'));

/** "Export CSV": each click starts one export of what the page shows, with its progress beside the button. */
export function ExportButton({
  kind,
  scope,
  label = 'Export CSV',
  description,
}: {
  kind: MembershipFileKind;
  scope: ExportScope;
  label?: string;
  /** What the file holds, for the button's accessible name ("Export Tier 1's members as CSV"). */
  description?: string;
}) {
  const [run, setRun] = useState(0);
  const [pending, setPending] = useState(false);
  return (
    <span className="export-action">
      <button
        type="button"
        onClick={() => {
          setPending(true);
          setRun((count) => count + 1);
        }}
        disabled={pending}
        aria-label={description ? `${label}: ${description}` : undefined}
      >
        <span aria-hidden="true">⤓</span> {pending ? 'Exporting…' : label}
      </button>
      {run > 0 && (
        <Suspense fallback={null}>
          <ExportRun key={run} kind={kind} scope={scope} onPendingChange={setPending} />
        </Suspense>
      )}
    </span>
  );
}
