/** Why a membership cannot be created: becomes a 422 detail for single creates and a failed job item in bulk. */
export type MembershipRefusal = {
  field: 'user_id' | 'group_id' | 'organization_id';
  error: 'InvalidValue' | 'DuplicateValue';
  description: string;
};

export type CreateOutcome<Row> = { row: Row; refusal?: never } | { row?: never; refusal: MembershipRefusal };
