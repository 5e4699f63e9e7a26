import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { type SessionUser, sessionUserSchema } from '../../contract/roster-session.ts';
import type { SecretBox } from './secret-box.ts';
import { type UpstreamCredential, upstreamCredentialSchema } from './upstream-credential.ts';

export type Session = {
  /** The hash that names the session in the database; the cookie's value itself is never stored. */
  key: string;
  user: SessionUser;
  credential: UpstreamCredential;
};

type SessionRow = { key: string; sealed: string; created_at: number; last_seen_at: number };

const sealedSchema = z.object({ user: sessionUserSchema, credential: upstreamCredentialSchema });

/** Touching the row on every request would write on every API call; once a minute is enough for idle expiry. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionStore = ReturnType<typeof openSessionStore>;

/**
 * Sessions in SQLite, so a restart signs no one out. Each row holds the person's upstream
 * credential sealed with the server's key, and expires after `idleMs` without use or `maxAgeMs`
 * after sign-in, whichever comes first.
 */
export function openSessionStore(options: {
  file: string;
  box: SecretBox;
  idleMs: number;
  maxAgeMs: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS sessions (
    key TEXT PRIMARY KEY,
    sealed TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  )`);
  const insert = db.prepare(
    'INSERT INTO sessions (key, sealed, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
  );
  const select = db.prepare('SELECT * FROM sessions WHERE key = ?');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE key = ?');
  const reseal = db.prepare('UPDATE sessions SET sealed = ? WHERE key = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE key = ?');
  const purge = db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?');

  const keyOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');
  /** Sealed for its own row: a sealed value copied into another row does not open. */
  const seal = (key: string, user: SessionUser, credential: UpstreamCredential) =>
    options.box.seal(JSON.stringify({ user, credential }), `session:${key}`);
  const purgeExpired = () => purge.run(now() - options.idleMs, now() - options.maxAgeMs);

  purgeExpired();

  return {
    /** Returns the new session's id, the cookie value. */
    create(user: SessionUser, credential: UpstreamCredential): string {
      purgeExpired();
      const sessionId = randomBytes(32).toString('base64url');
      const key = keyOf(sessionId);
      const at = now();
      insert.run(key, seal(key, user, credential), at, at);
      return sessionId;
    },

    /** The live session for a cookie value; an expired or unreadable one is deleted. */
    find(sessionId: string): Session | undefined {
      const key = keyOf(sessionId);
      const row = select.get(key) as SessionRow | undefined;
      if (!row) return undefined;
      const at = now();
      const opened = options.box.open(row.sealed, `session:${key}`);
      const parsed = opened === undefined ? undefined : sealedSchema.safeParse(JSON.parse(opened));
      if (
        !parsed?.success ||
        at - row.last_seen_at > options.idleMs ||
        at - row.created_at > options.maxAgeMs
      ) {
        remove.run(key);
        return undefined;
      }
      if (at - row.last_seen_at > TOUCH_INTERVAL_MS) touch.run(at, key);
      return { key, user: parsed.data.user, credential: parsed.data.credential };
    },

    updateCredential(session: Session, credential: UpstreamCredential): void {
      reseal.run(seal(session.key, session.user, credential), session.key);
    },

    delete(sessionKey: string): void {
      remove.run(sessionKey);
    },

    close(): void {
      db.close();
    },
  };
}
