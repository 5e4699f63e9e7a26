import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../../api/api-error.ts';
import { type ImportSource, reviewImportMutationOptions } from '../../api/membership-imports.ts';
import { ExportButton } from '../../components/exports/export-button.tsx';
import {
  type ImportMode,
  importModeSchema,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type MembershipFileKind,
} from '../../contract/membership-csv.ts';
import { MAX_CHANGES } from '../../contract/operation-limits.ts';
import { KIND_WORDS, MODE_WORDS } from './import-kinds.ts';
import { ImportReviewPanel } from './import-review-panel.tsx';
import './import-page.css';

const ZENDESK_KINDS = ['group_memberships', 'organization_memberships'] as const;

/**
 * `/import` (Zendesk) and `/box/import`: export today's memberships, or import a CSV of who should
 * be where, review the difference the server finds, and apply it as one operation.
 */
export const ZendeskImportPage = () => <ImportPage workspace="zendesk" />;
export const BoxImportPage = () => <ImportPage workspace="box" />;

function ImportPage({ workspace }: { workspace: 'zendesk' | 'box' }) {
  const [params, setParams] = useSearchParams();
  const kinds: readonly MembershipFileKind[] =
    workspace === 'box' ? ['box_group_memberships'] : ZENDESK_KINDS;
  const kind = kinds.find((k) => k === params.get('kind')) ?? (kinds[0] as MembershipFileKind);
  const mode: ImportMode = importModeSchema.safeParse(params.get('mode')).data ?? 'add';
  const words = KIND_WORDS[kind];
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = { file: useId(), paste: useId(), help: useId() };
  const review = useMutation(reviewImportMutationOptions(kind, mode));
  const setParam = (name: string, value: string) => {
    review.reset();
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );
  };
  const source: ImportSource | null = file ? { file } : text.trim() ? { text } : null;
  const submit = () => source && review.mutate(source);
  return (
    <section className="page import-page">
      <title>Import and export · Roster</title>
      <header className="page-header">
        <div>
          <h1>Import and export</h1>
          <p className="lede">
            Export today's memberships as CSV, or import a spreadsheet of who should be where: Roster shows
            the difference from today before anything changes.
          </p>
        </div>
      </header>

      <section className="import-card" aria-labelledby="export-title">
        <h2 id="export-title">Export</h2>
        <p className="cell-muted">
          UTF-8 CSV with a byte-order mark, every cell quoted; a cell that a spreadsheet would run as a
          formula starts with an apostrophe. An exported file imports again unchanged.
        </p>
        <div className="export-list">
          {kinds.map((k) => (
            <ExportButton
              key={k}
              kind={k}
              scope={{}}
              label={`Export all ${KIND_WORDS[k].label.toLowerCase()}`}
            />
          ))}
        </div>
      </section>

      <form
        className="import-card"
        aria-labelledby="import-title"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <h2 id="import-title">Import</h2>
        {kinds.length > 1 && (
          <fieldset className="choice-row">
            <legend>What the file holds</legend>
            {kinds.map((k) => (
              <label key={k}>
                <input type="radio" name="kind" checked={k === kind} onChange={() => setParam('kind', k)} />{' '}
                {KIND_WORDS[k].label}
              </label>
            ))}
          </fieldset>
        )}
        <p id={ids.help} className="cell-muted">
          A header line, then one row per membership: {words.columns}. Other columns are ignored, in any order
          and case. At most {MAX_IMPORT_BYTES / 1024 / 1024} MB and {MAX_IMPORT_ROWS.toLocaleString()} rows;
          one import applies at most {MAX_CHANGES.toLocaleString()} changes.
        </p>
        <fieldset className="choice-row">
          <legend>Mode</legend>
          {importModeSchema.options.map((m) => {
            const mw = MODE_WORDS[m](words.places);
            return (
              <label key={m} title={mw.hint}>
                <input type="radio" name="mode" checked={m === mode} onChange={() => setParam('mode', m)} />{' '}
                {mw.label}
              </label>
            );
          })}
        </fieldset>
        <p className="cell-muted">{MODE_WORDS[mode](words.places).hint}</p>
        <div className="import-sources">
          <div>
            <label htmlFor={ids.file}>CSV file</label>
            <input
              ref={fileInput}
              id={ids.file}
              type="file"
              accept=".csv,text/csv,text/plain"
              aria-describedby={ids.help}
              onChange={(event) => {
                review.reset();
                setFile(event.target.files?.[0] ?? null);
              }}
            />
            {file && (
              <button
                type="button"
                className="button-small"
                onClick={() => {
                  setFile(null);
                  if (fileInput.current) fileInput.current.value = '';
                }}
              >
                Clear file
              </button>
            )}
          </div>
          <div>
            <label htmlFor={ids.paste}>…or paste the rows</label>
            <textarea
              id={ids.paste}
              rows={6}
              value={text}
              disabled={file !== null}
              placeholder={words.example}
              aria-describedby={ids.help}
              onChange={(event) => {
                review.reset();
                setText(event.target.value);
              }}
            />
          </div>
        </div>
        <div className="dialog-actions">
          <button type="submit" className="button-primary" disabled={!source || review.isPending}>
            {review.isPending ? 'Reviewing…' : 'Review the difference'}
          </button>
        </div>
        {review.isError && (
          <p className="form-error" role="alert">
            {describeError(review.error)}
          </p>
        )}
      </form>

      {review.data && (
        <ImportReviewPanel key={review.data.plan?.id ?? 'none'} review={review.data} onReviewAgain={submit} />
      )}
    </section>
  );
}
