import { parse } from 'csv-parse/sync';
import {
  type BadRow,
  type ImportRequest,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type MembershipFileKind,
} from '../../contract/membership-csv.ts';
import { OperationInputError } from '../operations/plan-draft.ts';
import { restoreFormula } from './csv-cells.ts';

/** Who a row names: a user id, or an email (a Box login for Box). */
export type PersonRef = { id: string } | { email: string };
/** Where a row puts them: an id, or a name (an all-digit name is tried as an id too). */
export type TargetRef = { id: string } | { name: string };

export type ImportRow = {
  line: number;
  text: string;
  person: PersonRef;
  target: TargetRef;
  /** `default` column (groups, organizations): true, false, or not said. */
  makeDefault: boolean | undefined;
  /** `role` column (Box): member or admin, or not said. */
  role: 'member' | 'admin' | undefined;
};

export type ImportFile = { rows: ImportRow[]; bad: BadRow[]; dataRows: number };

type Columns = {
  personId: string[];
  personEmail: string[];
  targetId: string[];
  targetName: string[];
  extra: 'default' | 'role';
};

const COLUMNS: Record<MembershipFileKind, Columns & { expected: string }> = {
  group_memberships: {
    personId: ['user_id'],
    personEmail: ['email', 'user_email'],
    targetId: ['group_id'],
    targetName: ['group', 'group_name'],
    extra: 'default',
    expected: 'email (or user_id), group (a name, or group_id)[, default]',
  },
  organization_memberships: {
    personId: ['user_id'],
    personEmail: ['email', 'user_email'],
    targetId: ['organization_id'],
    targetName: ['organization', 'organization_name'],
    extra: 'default',
    expected: 'email (or user_id), organization (a name, or organization_id)[, default]',
  },
  box_group_memberships: {
    personId: ['box_user_id'],
    personEmail: ['login', 'box_user_login', 'email'],
    targetId: ['box_group_id'],
    targetName: ['box_group', 'box_group_name', 'group'],
    extra: 'role',
    expected: 'login (or box_user_id), box group (a name, or box_group_id)[, role]',
  },
};

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'default']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);
const MAX_TEXT = 200;

/** A refusal of the whole file; 413 names the limit it passed. */
const fileError = (status: 400 | 413 | 422, code: string, message: string) =>
  new OperationInputError(status, code, message);

/** The file's text: its bytes checked for size, binary content and UTF-8 (an upload), or the text as pasted. */
export function importText(request: ImportRequest): string {
  const limit = `${MAX_IMPORT_BYTES / 1024 / 1024} MB`;
  if (request.csv_base64 !== undefined) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(request.csv_base64))
      throw fileError(400, 'InvalidFile', 'csv_base64 is not base64');
    const bytes = Buffer.from(request.csv_base64, 'base64');
    if (bytes.length > MAX_IMPORT_BYTES)
      throw fileError(
        413,
        'FileTooLarge',
        `The file is ${megabytes(bytes.length)}; an import may be at most ${limit}`,
      );
    if (bytes.includes(0)) throw notText();
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const line = lineOfFirstBadByte(bytes);
      throw fileError(
        422,
        'NotUtf8',
        `The file is not UTF-8 text (line ${line} has a byte UTF-8 does not allow; Latin-1 or Windows-1252 perhaps): save it as "CSV UTF-8" and import it again`,
      );
    }
  }
  const text = request.csv ?? '';
  const size = Buffer.byteLength(text);
  if (size > MAX_IMPORT_BYTES)
    throw fileError(413, 'FileTooLarge', `The text is ${megabytes(size)}; an import may be at most ${limit}`);
  if (text.includes('\u0000')) throw notText();
  if (text.includes('\uFFFD')) {
    throw fileError(
      422,
      'NotUtf8',
      'The text holds characters that were not UTF-8 (shown as �): save the file as "CSV UTF-8" and import it again',
    );
  }
  return text;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const notText = () =>
  fileError(422, 'NotText', 'This is a binary file, not CSV text: export the sheet as CSV and import that');

function lineOfFirstBadByte(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      decoder.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    line++;
    start = stop + 1;
  }
  return line;
}

function columnIndex(header: readonly string[], names: readonly string[]): number {
  for (const name of names) {
    const index = header.indexOf(name);
    if (index !== -1) return index;
  }
  return -1;
}

type CsvRecord = { record: string[]; line: number; raw: string };
type Parsed = { record: string[]; raw: string; info: { lines: number } };

/** A quoted cell may hold newlines; one that has not closed after this many lines is a broken line. */
const MAX_LINES_PER_RECORD = 20;

const malformed = (line: number, text: string, message: string): BadRow => ({
  line,
  text: text.slice(0, MAX_TEXT),
  reason: 'malformed_line',
  description: `Not a CSV line: ${message.replace(/ at line \d+/, '')}`,
});

/**
 * The file's records with the line each starts on. csv-parse reads the whole file at once; when a
 * line is broken (a stray quote), its recovery can swallow the lines after it, so the file is then
 * read again record by record, and each broken line is reported on its own.
 */
function parseRecords(text: string): { records: CsvRecord[]; bad: BadRow[] } {
  let failed = false;
  const whole = parse(text, {
    relax_column_count: true,
    info: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: () => {
      failed = true;
      return undefined;
    },
  }) as unknown as Parsed[]; // With info and raw, each record comes wrapped (csv-parse's types do not follow the options).
  if (!failed) {
    return {
      records: whole.map(({ record, raw, info }) => ({
        record,
        raw: raw.replace(/\n$/, ''),
        line: info.lines - (raw.replace(/\n$/, '').match(/\n/g)?.length ?? 0),
      })),
      bad: [],
    };
  }
  const lines = text.split('\n');
  const records: CsvRecord[] = [];
  const bad: BadRow[] = [];
  let start = 0;
  while (start < lines.length) {
    let next = start + 1;
    for (let end = start; ; end++) {
      const raw = lines.slice(start, end + 1).join('\n');
      if (end - start >= MAX_LINES_PER_RECORD || end >= lines.length) {
        bad.push(malformed(start + 1, lines[start] ?? '', 'a quote opens and never closes'));
        break;
      }
      try {
        const [record] = parse(raw, { relax_column_count: true }) as string[][];
        if (record) records.push({ record, raw, line: start + 1 });
        next = end + 1;
        break;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'CSV_QUOTE_NOT_CLOSED') continue;
        bad.push(malformed(start + 1, raw, error instanceof Error ? error.message : 'unreadable'));
        break;
      }
    }
    start = next;
  }
  return { records, bad };
}

/**
 * Reads an import's CSV: any line endings, quoted commas and newlines, a BOM, a header in any case
 * with extra columns (ignored). Every data line becomes a row to review or a bad row with its line
 * number; a file without the columns it needs is refused whole.
 */
export function readImportFile(kind: MembershipFileKind, text: string): ImportFile {
  const columns = COLUMNS[kind];
  const { records, bad } = parseRecords(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const nonBlank = records.filter((r) => r.record.some((cell) => cell.trim() !== ''));
  const first = nonBlank[0];
  if (!first) {
    throw fileError(
      422,
      'EmptyFile',
      `The file is empty: it needs a header line (${columns.expected}) and rows`,
    );
  }
  const header = first.record.map((cell) => cell.trim().toLowerCase().replace(/\s+/g, '_'));
  const at = {
    personId: columnIndex(header, columns.personId),
    personEmail: columnIndex(header, columns.personEmail),
    targetId: columnIndex(header, columns.targetId),
    targetName: columnIndex(header, columns.targetName),
    extra: header.indexOf(columns.extra),
  };
  if ((at.personId === -1 && at.personEmail === -1) || (at.targetId === -1 && at.targetName === -1)) {
    throw fileError(
      422,
      'WrongHeader',
      `Line 1 should name the columns ${columns.expected}; it has ${first.record.map((c) => JSON.stringify(c)).join(', ')}`,
    );
  }
  const data = nonBlank.slice(1);
  if (data.length === 0)
    throw fileError(422, 'NoRows', 'The file has a header and no rows: nothing to import');
  if (data.length + bad.length > MAX_IMPORT_ROWS) {
    throw fileError(
      413,
      'TooManyRows',
      `The file has ${(data.length + bad.length).toLocaleString('en-US')} rows; an import may have at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')}`,
    );
  }
  const rows: ImportRow[] = [];
  for (const { record, raw, line } of data) {
    const cell = (index: number) => (index === -1 ? '' : restoreFormula((record[index] ?? '').trim()));
    const row = rowOf(kind, line, raw.slice(0, MAX_TEXT), {
      personId: cell(at.personId),
      personEmail: cell(at.personEmail),
      targetId: cell(at.targetId),
      targetName: cell(at.targetName),
      extra: cell(at.extra).toLowerCase(),
    });
    if ('reason' in row) bad.push(row);
    else rows.push(row);
  }
  return { rows, bad, dataRows: data.length + bad.filter((row) => row.reason === 'malformed_line').length };
}

function rowOf(
  kind: MembershipFileKind,
  line: number,
  text: string,
  cells: { personId: string; personEmail: string; targetId: string; targetName: string; extra: string },
): ImportRow | BadRow {
  const badRow = (reason: BadRow['reason'], description: string): BadRow => ({
    line,
    text,
    reason,
    description,
  });
  const isBox = kind === 'box_group_memberships';
  const personWord = isBox ? 'login' : 'email';
  let person: PersonRef;
  if (cells.personId !== '') {
    if (!/^\d{1,20}$/.test(cells.personId))
      return badRow('invalid_value', `"${cells.personId}" is not a user id`);
    person = { id: cells.personId };
  } else if (cells.personEmail !== '') {
    if (!/^[^\s@]+@[^\s@]+$/.test(cells.personEmail) || cells.personEmail.length > 254)
      return badRow(
        'invalid_value',
        `"${cells.personEmail}" is not an ${personWord === 'email' ? 'email address' : 'email-like login'}`,
      );
    person = { email: cells.personEmail.toLowerCase() };
  } else return badRow('missing_value', `The line names no person (no ${personWord} or id)`);
  let target: TargetRef;
  if (cells.targetId !== '') {
    if (!/^\d{1,20}$/.test(cells.targetId))
      return badRow('invalid_value', `"${cells.targetId}" is not an id`);
    target = { id: cells.targetId };
  } else if (cells.targetName !== '') target = { name: cells.targetName };
  else
    return badRow(
      'missing_value',
      `The line names no ${isBox ? 'Box group' : kind === 'group_memberships' ? 'group' : 'organization'}`,
    );
  let makeDefault: boolean | undefined;
  let role: ImportRow['role'];
  if (isBox) {
    if (cells.extra === 'member' || cells.extra === 'admin') role = cells.extra;
    else if (cells.extra !== '')
      return badRow('invalid_value', `"${cells.extra}" is not a role: member or admin`);
  } else if (TRUE_WORDS.has(cells.extra)) makeDefault = true;
  else if (FALSE_WORDS.has(cells.extra)) makeDefault = false;
  else if (cells.extra !== '')
    return badRow('invalid_value', `"${cells.extra}" is not a default: true or false`);
  return { line, text, person, target, makeDefault, role };
}
