import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { type SessionUser, sessionUserSchema } from '../../contract/roster-session.ts';
import { prepareOwnerOnlyDatabaseFile } from '../security/owner-only-files.ts';
import type { SecretBox } from './secret-box.ts';
import {
  oauthCredentialSchema,
  type UpstreamCredential,
  upstreamCredentialSchema,
} from './upstream-credential.ts';

/** The Box account a person connected to their session, and its OAuth tokens. */
const boxLinkSchema = z.object({
  account: z.object({ id: z.string(), name: z.string(), login: z.string() }),
  credential: oauthCredentialSchema,
});
export type BoxLink = z.infer<typeof boxLinkSchema>;

const sealedSchema = z.object({
  user: sessionUserSchema,
  credential: upstreamCredentialSchema,
  /** Absent in sessions sealed before Box could be connected. */
  box: boxLinkSchema.nullable().default(null),
});
type Sealed = z.infer<typeof sealedSchema>;

export type Session = Sealed & {
  /** The hash that names the session in the database; the cookie's value itself is never stored. */
  key: string;
};

type SessionRow = { key: string; sealed: string; created_at: number; last_seen_at: number; demo: 0 | 1 };

/** Touching the row on every request would write on every API call; once a minute is enough for idle expiry. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionStore = ReturnType<typeof openSessionStore>;

/**
 * Sessions in SQLite, so a restart signs no one out. Each row holds the person's upstream
 * credential sealed with the server's key, and expires after `idleMs` without use or `maxAgeMs`
 * after sign-in, whichever comes first. Demo sessions, which anyone can open with one anonymous
 * request, end sooner (`demo.idleMs`), and at most `demo.limit` of them live at once: a new one
 * ends the one unused the longest.
 */
export function openSessionStore(options: {
  file: string;
  box: SecretBox;
  idleMs: number;
  maxAgeMs: number;
  demo: { idleMs: number; limit: number };
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  prepareOwnerOnlyDatabaseFile(options.file);
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS sessions (
    key TEXT PRIMARY KEY,
    sealed TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0
  )`);
  // Databases made before demo sessions were told apart gain the column.
  if (!db.prepare(`SELECT 1 FROM pragma_table_info('sessions') WHERE name = 'demo'`).get()) {
    db.exec('ALTER TABLE sessions ADD COLUMN demo INTEGER NOT NULL DEFAULT 0');
  }
  // Operations run with their starter's credential: the runner finds a session by the person.
  if (!db.prepare(`SELECT 1 FROM pragma_table_info('sessions') WHERE name = 'user_id'`).get()) {
    db.exec('ALTER TABLE sessions ADD COLUMN user_id TEXT');
  }
  db.exec('CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id, last_seen_at)');
  const insert = db.prepare(
    'INSERT INTO sessions (key, sealed, created_at, last_seen_at, demo, user_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare('SELECT * FROM sessions WHERE key = ?');
  const selectByUser = db.prepare('SELECT key FROM sessions WHERE user_id = ? ORDER BY last_seen_at DESC');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE key = ?');
  const reseal = db.prepare('UPDATE sessions SET sealed = ? WHERE key = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE key = ?');
  const purge = db.prepare(
    'DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ? OR (demo = 1 AND last_seen_at < ?)',
  );
  /** Keeps the `?` demo sessions used most recently. */
  const trimDemo = db.prepare(
    'DELETE FROM sessions WHERE key IN (SELECT key FROM sessions WHERE demo = 1 ORDER BY last_seen_at DESC, created_at DESC LIMIT -1 OFFSET ?)',
  );

  const keyOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');
  /** Sealed for its own row: a sealed value copied into another row does not open. */
  const seal = (key: string, sealed: Sealed) => options.box.seal(JSON.stringify(sealed), `session:${key}`);
  const open = (row: SessionRow) => {
    const opened = options.box.open(row.sealed, `session:${row.key}`);
    return opened === undefined ? undefined : sealedSchema.safeParse(JSON.parse(opened)).data;
  };
  const purgeExpired = () =>
    purge.run(now() - options.idleMs, now() - options.maxAgeMs, now() - options.demo.idleMs);

  purgeExpired();

  return {
    /** Returns the new session's id, the cookie value. */
    create(
      user: SessionUser,
      credential: UpstreamCredential,
      { demo = false }: { demo?: boolean } = {},
    ): string {
      purgeExpired();
      if (demo) trimDemo.run(options.demo.limit - 1);
      const sessionId = randomBytes(32).toString('base64url');
      const key = keyOf(sessionId);
      const at = now();
      insert.run(key, seal(key, { user, credential, box: null }), at, at, demo ? 1 : 0, String(user.id));
      return sessionId;
    },

    /** The live session for a cookie value; an expired or unreadable one is deleted. */
    find(sessionId: string): Session | undefined {
      return this.findByKey(keyOf(sessionId));
    },

    /** The same, by the key a sealed OAuth flow names its session with (the cookie is not sent back from Box). */
    findByKey(key: string, { touch: touchIt = true }: { touch?: boolean } = {}): Session | undefined {
      const row = select.get(key) as SessionRow | undefined;
      if (!row) return undefined;
      const at = now();
      const sealed = open(row);
      const idleMs = row.demo === 1 ? options.demo.idleMs : options.idleMs;
      if (!sealed || at - row.last_seen_at > idleMs || at - row.created_at > options.maxAgeMs) {
        remove.run(key);
        return undefined;
      }
      if (touchIt && at - row.last_seen_at > TOUCH_INTERVAL_MS) touch.run(at, key);
      return { key, ...sealed };
    },

    /** The person's most recently used live session, for work that runs on their behalf. */
    findByUser(userId: string): Session | undefined {
      const rows = selectByUser.all(userId) as { key: string }[];
      for (const { key } of rows) {
        // Work in the background is not the person using Roster: it does not keep the session alive.
        const session = this.findByKey(key, { touch: false });
        if (session) return session;
      }
      return undefined;
    },

    /**
     * Changes the Zendesk credential or the Box link in what the row holds now, not in an older read:
     * a Zendesk and a Box refresh may finish in either order, and each must keep the other's tokens.
     */
    update(sessionKey: string, change: Partial<Pick<Sealed, 'credential' | 'box'>>): void {
      const row = select.get(sessionKey) as SessionRow | undefined;
      const sealed = row && open(row);
      if (sealed) reseal.run(seal(sessionKey, { ...sealed, ...change }), sessionKey);
    },

    delete(sessionKey: string): void {
      remove.run(sessionKey);
    },

    close(): void {
      db.close();
    },
  };
}
