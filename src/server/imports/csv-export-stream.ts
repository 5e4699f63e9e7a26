import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from './csv-cells.ts';

export type CsvCell = string | number | boolean | null;

/** Spreadsheets (Excel above all) read a file as UTF-8 only when it starts with a byte-order mark. */
const BOM = '\uFEFF';

function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  const cells = rows.map((row) =>
    row.map((cell) =>
      cell === null ? '' : typeof cell === 'string' ? neutraliseFormula(cell) : String(cell),
    ),
  );
  return stringify(cells, { quoted: true, record_delimiter: 'windows' });
}

/**
 * A CSV file as a byte stream: the header, then each page of rows as `pages` yields it. The stream
 * pulls the next page only when the client has taken the previous one, so a slow download holds
 * one page in memory however many rows the export has.
 */
export function csvExportStream(
  header: readonly string[],
  pages: AsyncIterator<readonly (readonly CsvCell[])[]>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(BOM + csvLines([header])));
      },
      async pull(controller) {
        try {
          // A pull that enqueues nothing is not called again: skip empty pages here.
          for (;;) {
            const next = await pages.next();
            if (next.done) return controller.close();
            if (next.value.length > 0) return controller.enqueue(encoder.encode(csvLines(next.value)));
          }
        } catch (error) {
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        await pages.return?.();
      },
    },
    // One page queued ahead at most: the rest waits for the socket to drain.
    { highWaterMark: 1 },
  );
}
