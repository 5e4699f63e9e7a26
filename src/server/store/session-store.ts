import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { type SessionUser, sessionUserSchema } from '../../contract/roster-session.ts';
import type { SecretBox } from '../session/secret-box.ts';
import {
  oauthCredentialSchema,
  type UpstreamCredential,
  upstreamCredentialSchema,
} from '../session/upstream-credential.ts';
import type { RosterDatabase } from './roster-database.ts';
import type { SessionsTable } from './roster-tables.ts';
import { lockedForUpdate } from './store-dialect.ts';

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

/** Touching the row on every request would write on every API call; once a minute is enough for idle expiry. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionStore = Awaited<ReturnType<typeof openSessionStore>>;

/**
 * Sessions in Roster's store, so a restart signs no one out and every instance on a shared
 * database knows every session. Each row holds the person's upstream credential sealed with the
 * server's key, and expires after `idleMs` without use or `maxAgeMs` after sign-in, whichever
 * comes first. Demo sessions, which anyone can open with one anonymous request, end sooner
 * (`demo.idleMs`), and at most `demo.limit` of them live at once: a new one ends the ones unused
 * the longest.
 */
export async function openSessionStore(options: {
  database: RosterDatabase;
  box: SecretBox;
  idleMs: number;
  maxAgeMs: number;
  demo: { idleMs: number; limit: number };
  now?: () => number;
}) {
  const { db, dialect } = options.database;
  const now = options.now ?? Date.now;

  const keyOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');
  /** Sealed for its own row: a sealed value copied into another row does not open. */
  const seal = (key: string, sealed: Sealed) => options.box.seal(JSON.stringify(sealed), `session:${key}`);
  const open = (row: Pick<Selectable<SessionsTable>, 'key' | 'sealed'>) => {
    const opened = options.box.open(row.sealed, `session:${row.key}`);
    return opened === undefined ? undefined : sealedSchema.safeParse(JSON.parse(opened)).data;
  };
  const remove = (key: string) => db.deleteFrom('sessions').where('key', '=', key).execute();
  const purgeExpired = () =>
    db
      .deleteFrom('sessions')
      .where((eb) =>
        eb.or([
          eb('last_seen_at', '<', now() - options.idleMs),
          eb('created_at', '<', now() - options.maxAgeMs),
          eb.and([eb('demo', '=', 1), eb('last_seen_at', '<', now() - options.demo.idleMs)]),
        ]),
      )
      .execute();
  /** Keeps the `keep` demo sessions used most recently. */
  const trimDemo = async (keep: number) => {
    const kept = db
      .selectFrom('sessions')
      .select('key')
      .where('demo', '=', 1)
      .orderBy('last_seen_at', 'desc')
      .orderBy('created_at', 'desc')
      .limit(keep);
    await db.deleteFrom('sessions').where('demo', '=', 1).where('key', 'not in', kept).execute();
  };

  await purgeExpired();

  const store = {
    /** Returns the new session's id, the cookie value. */
    async create(
      user: SessionUser,
      credential: UpstreamCredential,
      { demo = false }: { demo?: boolean } = {},
    ): Promise<string> {
      await purgeExpired();
      if (demo) await trimDemo(options.demo.limit - 1);
      const sessionId = randomBytes(32).toString('base64url');
      const key = keyOf(sessionId);
      const at = now();
      await db
        .insertInto('sessions')
        .values({
          key,
          sealed: seal(key, { user, credential, box: null }),
          created_at: at,
          last_seen_at: at,
          demo: demo ? 1 : 0,
          user_id: String(user.id),
        })
        .execute();
      return sessionId;
    },

    /** The live session for a cookie value; an expired or unreadable one is deleted. */
    find(sessionId: string): Promise<Session | undefined> {
      return store.findByKey(keyOf(sessionId));
    },

    /** The same, by the key a sealed OAuth flow names its session with (the cookie is not sent back from Box). */
    async findByKey(key: string, { touch = true }: { touch?: boolean } = {}): Promise<Session | undefined> {
      const row = await db.selectFrom('sessions').selectAll().where('key', '=', key).executeTakeFirst();
      if (!row) return undefined;
      const at = now();
      const sealed = open(row);
      const idleMs = row.demo === 1 ? options.demo.idleMs : options.idleMs;
      if (!sealed || at - row.last_seen_at > idleMs || at - row.created_at > options.maxAgeMs) {
        await remove(key);
        return undefined;
      }
      if (touch && at - row.last_seen_at > TOUCH_INTERVAL_MS) {
        await db.updateTable('sessions').set({ last_seen_at: at }).where('key', '=', key).execute();
      }
      return { key, ...sealed };
    },

    /** The person's most recently used live session, for work that runs on their behalf. */
    async findByUser(userId: string): Promise<Session | undefined> {
      const rows = await db
        .selectFrom('sessions')
        .select('key')
        .where('user_id', '=', userId)
        .orderBy('last_seen_at', 'desc')
        .execute();
      for (const { key } of rows) {
        // Work in the background is not the person using Roster: it does not keep the session alive.
        const session = await store.findByKey(key, { touch: false });
        if (session) return session;
      }
      return undefined;
    },

    /**
     * Changes the Zendesk credential or the Box link in what the row holds now, not in an older read:
     * a Zendesk and a Box refresh may finish in either order (on any instance), and each must keep
     * the other's tokens.
     */
    async update(sessionKey: string, change: Partial<Pick<Sealed, 'credential' | 'box'>>): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await lockedForUpdate(
          dialect,
          trx.selectFrom('sessions').select(['key', 'sealed']).where('key', '=', sessionKey),
        ).executeTakeFirst();
        const sealed = row && open(row);
        if (!sealed) return;
        await trx
          .updateTable('sessions')
          .set({ sealed: seal(sessionKey, { ...sealed, ...change }) })
          .where('key', '=', sessionKey)
          .execute();
      });
    },

    /**
     * Takes the right to refresh the session's OAuth tokens for `forMs`: false while another
     * instance holds it. A refresh token works once, so two instances refreshing together would
     * sign the person out.
     */
    async claimRefresh(sessionKey: string, forMs: number): Promise<boolean> {
      const at = now();
      const { numUpdatedRows } = await db
        .updateTable('sessions')
        .set({ refreshing_until: at + forMs })
        .where('key', '=', sessionKey)
        .where((eb) => eb.or([eb('refreshing_until', 'is', null), eb('refreshing_until', '<', at)]))
        .executeTakeFirst();
      return numUpdatedRows > 0n;
    },

    async releaseRefresh(sessionKey: string): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ refreshing_until: null })
        .where('key', '=', sessionKey)
        .execute();
    },

    async delete(sessionKey: string): Promise<void> {
      await remove(sessionKey);
    },
  };
  return store;
}
