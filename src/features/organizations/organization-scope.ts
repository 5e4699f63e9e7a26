/** The scope an organization page's bulk operations carry, so the page finds them again after a reload. */
export function organizationScope(organizationId: number): string {
  return `organization:${organizationId}`;
}
