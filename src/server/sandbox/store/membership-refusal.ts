/** Why a membership cannot be created: becomes a 422 detail for single creates and a failed job item in bulk. */
export type MembershipRefusal = {
  field: 'user_id' | 'group_id' | 'organization_id';
  error: 'InvalidValue' | 'DuplicateValue';
  description: string;
  /** The membership that is already there, for a duplicate: bulk results name it as the contract's `id`. */
  existingId?: number;
};

export type CreateOutcome<Row> = { row: Row; refusal?: never } | { row?: never; refusal: MembershipRefusal };
