/** The scope a group page's bulk operations carry, so the page finds them again after a reload. */
export function groupScope(groupId: number): string {
  return `group:${groupId}`;
}
