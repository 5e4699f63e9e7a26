/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): the export
 * prefixes such a cell with an apostrophe, which spreadsheets show as text, and the import takes it off.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
