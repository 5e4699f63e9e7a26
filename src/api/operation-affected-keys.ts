import type { OperationKind } from '../contract/roster-operations.ts';
import { boxMembershipKeys } from './box/box-memberships.ts';
import { MEMBERSHIP_AFFECTED_KEYS } from './membership-affected-keys.ts';

const BOX_AFFECTED_KEYS = [boxMembershipKeys.all] as const;

/** The cached lists an operation of this kind changes as its items succeed. */
export function affectedKeysOf(kind: OperationKind): readonly (readonly string[])[] {
  return kind.startsWith('box_') ? BOX_AFFECTED_KEYS : MEMBERSHIP_AFFECTED_KEYS;
}
