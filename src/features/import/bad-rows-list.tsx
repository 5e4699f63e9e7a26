import { VirtualList } from '../../components/virtual-list.tsx';
import type { BadRow, BadRowReason } from '../../contract/membership-csv.ts';

const REASON_WORDS: Record<BadRowReason, string> = {
  malformed_line: 'Not a CSV line',
  missing_value: 'Missing value',
  unknown_person: 'Unknown person',
  unknown_target: 'Unknown place',
  end_user_in_group: 'End user in a group',
  duplicate_row: 'Repeated',
  two_defaults: 'Second default',
  invalid_value: 'Invalid value',
};

function BadRowLine({ row }: { row: BadRow }) {
  return (
    <span className="bad-row">
      <span className="cell-muted tabular">Line {row.line.toLocaleString()}</span>
      <span className="badge badge-warn">{REASON_WORDS[row.reason]}</span>
      <span className="truncate" title={row.description}>
        {row.description}
      </span>
      <code className="truncate cell-muted" title={row.text}>
        {row.text}
      </code>
    </span>
  );
}

/** Every line the review could not use, in file order, with its reason. */
export function BadRowsList({ rows }: { rows: readonly BadRow[] }) {
  return (
    <section className="plan-section" aria-labelledby="bad-rows-title">
      <h3 id="bad-rows-title">Lines that could not be used ({rows.length.toLocaleString()})</h3>
      <VirtualList
        label="Lines that could not be used"
        className="bad-rows"
        items={rows}
        rowKey={(row, index) => `${row.line}:${index}`}
        renderRow={(row) => <BadRowLine row={row} />}
      />
    </section>
  );
}
