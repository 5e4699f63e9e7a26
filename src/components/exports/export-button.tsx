import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { downloadExport, type ExportProgress, type ExportScope } from '../../api/membership-exports.ts';
import type { MembershipFileKind } from '../../contract/membership-csv.ts';
import { saveFile } from '../../lib/save-file.ts';
import { ProgressBar } from '../progress-bar.tsx';

/**
 * "Export CSV": streams the server's export with a progress bar (rows read of the total the server
 * announced), then saves the file. Cancel stops the download.
 */
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
  const [progress, setProgress] = useState<ExportProgress>({ rows: 0, total: 0 });
  const abort = useRef<AbortController | null>(null);
  const download = useMutation({
    mutationFn: async () => {
      abort.current = new AbortController();
      const file = await downloadExport(kind, scope, setProgress, abort.current.signal);
      saveFile(file.fileName, file.blob);
      return file.rows;
    },
  });
  const cancelled = download.error instanceof DOMException && download.error.name === 'AbortError';
  return (
    <span className="export-action">
      <button
        type="button"
        onClick={() => download.mutate()}
        disabled={download.isPending}
        aria-label={description ? `${label}: ${description}` : undefined}
      >
        <span aria-hidden="true">⤓</span> {download.isPending ? 'Exporting…' : label}
      </button>
      {download.isPending && (
        <span className="export-progress" role="status">
          {progress.total > 0 ? (
            <ProgressBar value={progress.rows} max={progress.total} label="Rows exported" />
          ) : (
            <span className="cell-muted">{progress.rows.toLocaleString()} rows</span>
          )}
          <button type="button" className="button-small" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </span>
      )}
      {download.isSuccess && (
        <span className="cell-muted" role="status">
          Saved {download.data.toLocaleString()} rows
        </span>
      )}
      {download.isError && !cancelled && (
        <span className="form-error" role="alert">
          Export failed: {describeError(download.error)}
        </span>
      )}
    </span>
  );
}
