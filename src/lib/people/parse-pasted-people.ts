/** What a person pasted, sorted into what can be looked up and what cannot. */
export type PastedPeople = {
  ids: number[];
  emails: string[];
  /** Entries that are neither an email address nor an id, as typed. */
  invalid: string[];
  /** Entries given more than once (after normalising), as typed the second time. */
  duplicates: string[];
};

const EMAIL = /^[^\s@<>(),;]+@[^\s@<>(),;]+\.[^\s@<>(),;]+$/;
const MAX_ID = Number.MAX_SAFE_INTEGER;

/**
 * Accepts one entry per line or separated by commas, semicolons or spaces; `Name <email>` as mail
 * clients copy it; ids as digits. Emails compare case-insensitively.
 */
export function parsePastedPeople(text: string): PastedPeople {
  const result: PastedPeople = { ids: [], emails: [], invalid: [], duplicates: [] };
  const seen = new Set<string>();
  const entries = text
    .replace(/(?:"[^"]*"|[^<>,;\n])*<([^<>\s]+@[^<>\s]+)>/g, ' $1 ')
    .split(/[\s,;]+/)
    .map((entry) => entry.trim().replace(/^["'(]+|["')]+$/g, ''))
    .filter(Boolean);
  for (const entry of entries) {
    const isId = /^\d{1,16}$/.test(entry) && Number(entry) > 0 && Number(entry) <= MAX_ID;
    const isEmail = !isId && EMAIL.test(entry);
    if (!isId && !isEmail) {
      result.invalid.push(entry);
      continue;
    }
    const key = isId ? `id:${Number(entry)}` : `email:${entry.toLowerCase()}`;
    if (seen.has(key)) {
      result.duplicates.push(entry);
      continue;
    }
    seen.add(key);
    if (isId) result.ids.push(Number(entry));
    else result.emails.push(entry.toLowerCase());
  }
  return result;
}
