/** Rows as SQLite returns them: booleans are 0/1, JSON columns are text. */
export type UserRow = {
  id: number;
  name: string;
  email: string;
  role: 'end-user' | 'agent' | 'admin';
  custom_role_id: number | null;
  default_group_id: number | null;
  organization_id: number | null;
  suspended: number;
  active: number;
  time_zone: string;
  created_at: string;
  updated_at: string;
};

export type GroupRow = {
  id: number;
  name: string;
  description: string;
  is_default: number;
  deleted: number;
  is_public: number;
  created_at: string;
  updated_at: string;
};

export type OrganizationRow = {
  id: number;
  name: string;
  details: string | null;
  notes: string | null;
  domain_names: string;
  external_id: string | null;
  group_id: number | null;
  shared_tickets: number;
  shared_comments: number;
  tags: string;
  organization_fields: string;
  created_at: string;
  updated_at: string;
};

export type GroupMembershipRow = {
  id: number;
  user_id: number;
  group_id: number;
  is_default: number;
  created_at: string;
  updated_at: string;
};

export type OrganizationMembershipRow = {
  id: number;
  user_id: number;
  organization_id: number;
  is_default: number;
  view_tickets: number;
  created_at: string;
  updated_at: string;
  /** Joined from organizations for every read. */
  organization_name: string;
};
