import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

const OWNER_ONLY_DIRECTORY = 0o700;
const OWNER_ONLY_FILE = 0o600;

/**
 * The databases hold sealed credentials, tokens and everyone's memberships: other accounts on the
 * machine have no business reading them. A directory that already exists keeps the mode its owner gave it.
 */
export function ensureOwnerOnlyDirectory(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: OWNER_ONLY_DIRECTORY });
}

/**
 * Creates the database file owner-only before SQLite opens it, and tightens one left by an older
 * version. SQLite gives its `-wal` and `-shm` files the database file's mode; those left from
 * before are tightened too.
 */
export function prepareOwnerOnlyDatabaseFile(file: string): void {
  ensureOwnerOnlyDirectory(dirname(file));
  closeSync(openSync(file, 'a', OWNER_ONLY_FILE));
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(`${file}${suffix}`)) chmodSync(`${file}${suffix}`, OWNER_ONLY_FILE);
  }
}
