import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { downloadExport, type ExportProgress, type ExportScope } from '../../api/membership-exports.ts';
import type { MembershipFileKind } from '../../contract/membership-csv.ts';
import { plural } from '../../contract/plural.ts';
import { saveFile } from '../../lib/save-file.ts';
import { ProgressBar } from '../progress-bar.tsx';

/**
 * One export, started when it mounts: streams the server's file with a progress bar (rows read of
 * the total the server announced), then saves it. Cancel stops the download.
 */
export default function ExportRun({
  kind,
  scope,
  onPendingChange,
}: {
  kind: MembershipFileKind;
  scope: ExportScope;
  onPendingChange: (pending: boolean) => void;
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
  const { mutate, isPending } = download;
  // A ref, not the mutation's state: React's development double effect must not start two downloads.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutate();
  }, [mutate]);
  useEffect(() => onPendingChange(isPending), [isPending, onPendingChange]);

  const cancelled = download.error instanceof DOMException && download.error.name === 'AbortError';
  if (download.isPending || download.isIdle) {
    return (
      <span className="export-progress" role="status">
        {progress.total > 0 ? (
          <ProgressBar value={progress.rows} max={progress.total} label="Rows exported" />
        ) : (
          <span className="cell-muted">{plural(progress.rows, 'row', 'rows')}</span>
        )}
        <button type="button" className="button-small" onClick={() => abort.current?.abort()}>
          Cancel
        </button>
      </span>
    );
  }
  if (download.isSuccess) {
    return (
      <span className="cell-muted" role="status">
        Saved {plural(download.data, 'row', 'rows')}
      </span>
    );
  }
  return cancelled ? null : (
    <span className="form-error" role="alert">
      Export failed: {describeError(download.error)}
    </span>
  );
}
