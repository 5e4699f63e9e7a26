/** A Box id from a URL segment: digits only. */
export function parseBoxId(raw: string | undefined): string | undefined {
  return raw && /^\d{1,20}$/.test(raw) ? raw : undefined;
}
