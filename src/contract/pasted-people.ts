import { MAX_PASTED_ENTRY_LENGTH } from './operation-limits.ts';

/** One pasted entry and the line it was on (1-based), so a review can point at it. */
export type PastedEntry = { text: string; line: number };

/** What a person pasted, sorted into what can be looked up and what cannot. */
export type PastedPeople = {
  ids: (PastedEntry & { id: number })[];
  emails: (PastedEntry & { email: string })[];
  /** Entries that are neither an email address nor an id, as typed. */
  invalid: PastedEntry[];
  /** Entries longer than any email address may be, shortened for display. */
  tooLong: PastedEntry[];
  /** Entries given more than once (after normalising), as typed the second time. */
  duplicates: PastedEntry[];
};

const EMAIL = /^[^\s@<>(),;]+@[^\s@<>(),;]+\.[^\s@<>(),;]+$/;
const MAX_ID = Number.MAX_SAFE_INTEGER;

/** How many entries the text holds, of every kind: what a form shows while the person types. */
export function pastedEntryCount(people: PastedPeople): number {
  return (
    people.ids.length +
    people.emails.length +
    people.invalid.length +
    people.tooLong.length +
    people.duplicates.length
  );
}

/**
 * Accepts one entry per line or separated by commas, semicolons or spaces; `Name <email>` as mail
 * clients copy it; ids as digits. Emails compare case-insensitively.
 */
export function parsePastedPeople(text: string): PastedPeople {
  const result: PastedPeople = { ids: [], emails: [], invalid: [], tooLong: [], duplicates: [] };
  const seen = new Set<string>();
  for (const [lineIndex, rawLine] of text.split(/\r\n|\r|\n/).entries()) {
    const line = lineIndex + 1;
    const entries = rawLine
      .replace(/(?:"[^"]*"|[^<>,;])*<([^<>\s]+@[^<>\s]+)>/g, ' $1 ')
      .split(/[\s,;]+/)
      .map((entry) => entry.trim().replace(/^["'(]+|["')]+$/g, ''))
      .filter(Boolean);
    for (const entry of entries) {
      if (entry.length > MAX_PASTED_ENTRY_LENGTH) {
        result.tooLong.push({ text: `${entry.slice(0, 40)}…`, line });
        continue;
      }
      const isId = /^\d{1,16}$/.test(entry) && Number(entry) > 0 && Number(entry) <= MAX_ID;
      const isEmail = !isId && EMAIL.test(entry);
      if (!isId && !isEmail) {
        result.invalid.push({ text: entry, line });
        continue;
      }
      const key = isId ? `id:${Number(entry)}` : `email:${entry.toLowerCase()}`;
      if (seen.has(key)) {
        result.duplicates.push({ text: entry, line });
        continue;
      }
      seen.add(key);
      if (isId) result.ids.push({ text: entry, line, id: Number(entry) });
      else result.emails.push({ text: entry, line, email: entry.toLowerCase() });
    }
  }
  return result;
}
