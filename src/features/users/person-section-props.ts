import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { PersonAddition } from '../../api/add-person-membership.ts';
import type { MakeDefaultMutation } from '../../api/make-default-membership.ts';
import type { PersonRemoval } from './remove-person-membership-dialog.tsx';

/**
 * What a section of a person's page gets from the page: the page holds the writes, so their
 * errors show together under its header.
 */
export type PersonSectionProps<Membership> = {
  userId: number;
  personName: string | undefined;
  canEdit: boolean;
  memberships: UseQueryResult<Membership[]>;
  makeDefault: MakeDefaultMutation;
  add: UseMutationResult<unknown, Error, PersonAddition>;
  onRemove: (removal: PersonRemoval) => void;
};
