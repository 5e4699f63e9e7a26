/** A group or organization a person's picker offers, with why it cannot be chosen when it cannot. */
export type TargetOption = { id: number; name: string; refusal?: string };

const ALREADY_MEMBER = 'already a member';

/** Groups whose name contains the text, anywhere, ignoring case; deleted ones are left out, those joined say so. */
export function groupOptionsFor(
  groups: readonly { id: number; name: string; deleted: boolean }[],
  text: string,
  memberOf: ReadonlySet<number>,
): TargetOption[] {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return [];
  return groups
    .filter((group) => !group.deleted && group.name.toLowerCase().includes(wanted))
    .map((group) => ({
      id: group.id,
      name: group.name,
      ...(memberOf.has(group.id) && { refusal: ALREADY_MEMBER }),
    }));
}

/** Organizations the search found (it matches the start of names), those joined saying so. */
export function organizationOptionsFor(
  organizations: readonly { id: number; name: string }[],
  memberOf: ReadonlySet<number>,
): TargetOption[] {
  return organizations.map((organization) => ({
    id: organization.id,
    name: organization.name,
    ...(memberOf.has(organization.id) && { refusal: ALREADY_MEMBER }),
  }));
}

/**
 * What the picker's button adds: the option picked from the list, or else the one option whose
 * name is exactly what was typed (ignoring case and spaces around it) and that may be chosen.
 */
export function chosenTarget<Option extends TargetOption>(
  picked: Option | null,
  options: readonly Option[],
  text: string,
): Option | null {
  if (picked) return picked;
  const wanted = text.trim().toLowerCase();
  return (
    options.find((option) => option.refusal === undefined && option.name.toLowerCase() === wanted) ?? null
  );
}
