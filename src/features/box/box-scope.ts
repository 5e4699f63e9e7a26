/** The scope a Box group page's bulk operations carry, so the page finds them again after a reload. */
export function boxGroupScope(groupId: string): string {
  return `box-group:${groupId}`;
}

/** A Box id from a URL segment: digits only. */
export function parseBoxId(raw: string | undefined): string | undefined {
  return raw && /^\d{1,20}$/.test(raw) ? raw : undefined;
}
