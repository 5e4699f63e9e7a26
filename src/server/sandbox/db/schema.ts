/**
 * The sandbox's tables. Ids start in separate ranges per table (see `ID_RANGES`) so that a user id
 * used where a group id belongs finds nothing instead of the wrong record.
 */
export const SCHEMA_VERSION = 1;

export const ID_RANGES = {
  groups: 360_000_000,
  organizations: 370_000_000,
  users: 380_000_000,
  group_memberships: 400_000_000,
  organization_memberships: 500_000_000,
  custom_roles: 10_000,
} as const;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS sandbox_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS custom_roles (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  manage_group_memberships INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('end-user', 'agent', 'admin')),
  custom_role_id INTEGER REFERENCES custom_roles(id),
  default_group_id INTEGER,
  organization_id INTEGER,
  suspended INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  time_zone TEXT NOT NULL DEFAULT 'UTC',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS users_by_role ON users(role, id);
CREATE INDEX IF NOT EXISTS users_by_name ON users(name COLLATE NOCASE, id);

CREATE TABLE IF NOT EXISTS groups (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  is_default INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0,
  is_public INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS groups_by_name ON groups(name COLLATE NOCASE, id);

CREATE TABLE IF NOT EXISTS organizations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  details TEXT,
  notes TEXT,
  domain_names TEXT NOT NULL DEFAULT '[]',
  external_id TEXT,
  group_id INTEGER,
  shared_tickets INTEGER NOT NULL DEFAULT 0,
  shared_comments INTEGER NOT NULL DEFAULT 0,
  tags TEXT NOT NULL DEFAULT '[]',
  organization_fields TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS group_memberships (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users(id),
  group_id INTEGER NOT NULL REFERENCES groups(id),
  is_default INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (user_id, group_id)
);
CREATE INDEX IF NOT EXISTS group_memberships_by_group ON group_memberships(group_id, id);
CREATE INDEX IF NOT EXISTS group_memberships_by_group_user ON group_memberships(group_id, user_id);
CREATE INDEX IF NOT EXISTS group_memberships_by_created ON group_memberships(created_at, id);
CREATE INDEX IF NOT EXISTS group_memberships_by_updated ON group_memberships(updated_at, id);
CREATE UNIQUE INDEX IF NOT EXISTS group_memberships_one_default ON group_memberships(user_id) WHERE is_default = 1;

CREATE TABLE IF NOT EXISTS organization_memberships (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users(id),
  organization_id INTEGER NOT NULL REFERENCES organizations(id),
  is_default INTEGER NOT NULL DEFAULT 0,
  view_tickets INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (user_id, organization_id)
);
CREATE INDEX IF NOT EXISTS organization_memberships_by_org ON organization_memberships(organization_id, id);
CREATE INDEX IF NOT EXISTS organization_memberships_by_org_user ON organization_memberships(organization_id, user_id);
CREATE INDEX IF NOT EXISTS organization_memberships_by_created ON organization_memberships(created_at, id);
CREATE INDEX IF NOT EXISTS organization_memberships_by_updated ON organization_memberships(updated_at, id);
CREATE UNIQUE INDEX IF NOT EXISTS organization_memberships_one_default
  ON organization_memberships(user_id) WHERE is_default = 1;

CREATE TABLE IF NOT EXISTS api_tokens (
  token TEXT PRIMARY KEY,
  description TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE IF NOT EXISTS oauth_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  token TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  client_id TEXT NOT NULL,
  scopes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT
);

-- OAuth clients that may run the authorization-code flow. Redirect URLs are newline-separated;
-- a loopback URL (127.0.0.1, localhost, [::1]) matches on any port, as Zendesk allows for local apps.
CREATE TABLE IF NOT EXISTS oauth_clients (
  identifier TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  secret TEXT,
  redirect_uris TEXT NOT NULL
);

-- Authorization codes are stored hashed and single use.
CREATE TABLE IF NOT EXISTS oauth_codes (
  code_hash TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  redirect_uri TEXT NOT NULL,
  scopes TEXT NOT NULL,
  code_challenge TEXT,
  expires_at TEXT NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
);

-- Refresh tokens rotate: each is good for one refresh and names the access token it replaces.
CREATE TABLE IF NOT EXISTS oauth_refresh_tokens (
  token TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  scopes TEXT NOT NULL,
  access_token TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
);

-- seq orders jobs (newest first) and backs their cursors; id is Zendesk's opaque string id.
CREATE TABLE IF NOT EXISTS job_statuses (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  job_type TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'working', 'completed', 'failed', 'killed')),
  total INTEGER NOT NULL,
  progress INTEGER NOT NULL DEFAULT 0,
  message TEXT,
  payload TEXT NOT NULL,
  requested_by INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS job_statuses_active ON job_statuses(status, seq);

CREATE TABLE IF NOT EXISTS job_results (
  job_seq INTEGER NOT NULL REFERENCES job_statuses(seq),
  item_index INTEGER NOT NULL,
  result TEXT NOT NULL,
  PRIMARY KEY (job_seq, item_index)
) WITHOUT ROWID;
`;
