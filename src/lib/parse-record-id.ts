/** A record id from a URL segment: a positive safe integer, or undefined for anything else. */
export function parseRecordId(raw: string | undefined): number | undefined {
  const id = Number(raw);
  return raw && /^\d{1,16}$/.test(raw) && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
