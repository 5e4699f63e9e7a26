/** One line of a results table, for the screen and for CSV. */
export type ResultLine = {
  item: string;
  action: string;
  outcome: 'Succeeded' | 'Failed' | 'Pending' | 'Expired';
  error: string;
  details: string;
};

const HEADER = ['Item', 'Action', 'Outcome', 'Error', 'Details'] as const;

/**
 * RFC 4180 fields, plus a leading quote on anything a spreadsheet would run as a formula, since
 * names and Zendesk's details are text that other people typed.
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function resultsCsv(lines: readonly ResultLine[]): string {
  const rows = lines.map((line) => [line.item, line.action, line.outcome, line.error, line.details]);
  return `${[HEADER, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
