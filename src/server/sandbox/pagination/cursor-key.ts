import { randomBytes } from 'node:crypto';
import { readMeta, type SandboxDatabase, writeMeta } from '../db/open-database.ts';

const META_KEY = 'cursor_key';

/**
 * The secret cursors are signed with: made once per sandbox database and kept in it, so cursors
 * survive a restart and no two sandboxes accept each other's.
 */
export function loadCursorKey(db: SandboxDatabase): Buffer {
  const stored = readMeta(db, META_KEY);
  if (stored !== undefined) return Buffer.from(stored, 'base64');
  const key = randomBytes(32);
  writeMeta(db, META_KEY, key.toString('base64'));
  return key;
}
