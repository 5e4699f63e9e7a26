import type { BoxUserRow } from '../db/box-rows.ts';

export type BoxIdentity = {
  user: BoxUserRow;
  /** Enterprise admins and co-admins manage every group. */
  isAdmin: boolean;
};

export type BoxEnv = { Variables: { boxIdentity: BoxIdentity } };
