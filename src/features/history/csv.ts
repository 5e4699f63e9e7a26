import { saveFile } from '../../lib/save-file.ts';

/**
 * RFC 4180 fields, plus a leading quote on anything a spreadsheet would run as a formula, since
 * names and the upstream's details are text that other people typed.
 */
function field(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header line and one line per row, CRLF-terminated. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return `${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Saves text as a file; nothing leaves the browser. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  saveFile(filename, new Blob([text], { type }));
}
