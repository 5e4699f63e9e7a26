import type { UserRow } from '../db/rows.ts';
import type { CursorCodec } from '../pagination/cursor-codec.ts';

export type Identity = {
  user: UserRow;
  /** Admins, and agents whose custom role may manage group memberships. */
  canManageGroupMemberships: boolean;
  /** OAuth scopes; API-token identities hold both. */
  scopes: ReadonlySet<'read' | 'write'>;
  /** What the rate limit counts against. */
  rateLimitKey: string;
};

export type SandboxEnv = {
  Variables: {
    identity: Identity;
    /** Absolute URL of the API root as the client addressed it, e.g. `http://127.0.0.1:4780/sandbox/api/v2`. */
    apiBase: string;
    cursors: CursorCodec;
  };
};
