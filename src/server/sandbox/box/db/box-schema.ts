/**
 * The Box sandbox's tables, beside the Zendesk ones in the same database. Box ids are strings of
 * digits; each table's ids start in their own range so an id of the wrong kind finds nothing.
 */
export const BOX_ID_RANGES = {
  box_users: 20_000_000,
  box_groups: 30_000_000,
  box_group_memberships: 40_000_000,
} as const;

export const BOX_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS box_users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  login TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'coadmin', 'user')),
  status TEXT NOT NULL DEFAULT 'active',
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS box_users_by_name ON box_users(name COLLATE NOCASE, id);

CREATE TABLE IF NOT EXISTS box_groups (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  group_type TEXT NOT NULL DEFAULT 'managed_group',
  description TEXT,
  provenance TEXT,
  external_sync_identifier TEXT,
  invitability_level TEXT NOT NULL DEFAULT 'admins_only',
  member_viewability_level TEXT NOT NULL DEFAULT 'admins_only',
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS box_group_memberships (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES box_users(id),
  group_id INTEGER NOT NULL REFERENCES box_groups(id),
  role TEXT NOT NULL CHECK (role IN ('member', 'admin')),
  -- JSON of the four configurable permissions; NULL for members.
  configurable_permissions TEXT,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  UNIQUE (group_id, user_id)
);
CREATE INDEX IF NOT EXISTS box_group_memberships_by_user ON box_group_memberships(user_id, id);
-- A group's members are paged in id order: without it SQLite sorts the whole group for each page.
CREATE INDEX IF NOT EXISTS box_group_memberships_by_group ON box_group_memberships(group_id, id);

-- Bearer tokens: the demo identities' fixed ones.
CREATE TABLE IF NOT EXISTS box_tokens (
  token TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES box_users(id)
);

-- OAuth 2, shaped as the Zendesk sandbox's oauth_* tables (one grant store serves both).
-- Access tokens issued by the token endpoint, good until expires_at.
CREATE TABLE IF NOT EXISTS box_oauth_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  token TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES box_users(id),
  client_id TEXT NOT NULL,
  scopes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT
);
CREATE TABLE IF NOT EXISTS box_oauth_clients (
  identifier TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  secret TEXT,
  redirect_uris TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS box_oauth_codes (
  code_hash TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES box_users(id),
  redirect_uri TEXT NOT NULL,
  scopes TEXT NOT NULL,
  code_challenge TEXT,
  expires_at TEXT NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
);
-- Box's refresh tokens are single use: each refresh spends one and issues a new pair.
CREATE TABLE IF NOT EXISTS box_oauth_refresh_tokens (
  token TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES box_users(id),
  scopes TEXT NOT NULL,
  access_token TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
);
`;
