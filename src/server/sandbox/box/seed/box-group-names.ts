/**
 * Box groups as a company names them: teams, departments, regions and projects. The first five
 * make up the tiny scale; the demo scale takes all forty.
 */
// biome-ignore format: word lists read better packed
export const BOX_GROUP_NAMES: readonly string[] = [
  'Support Team', 'Support Leads', 'Finance', 'Legal', 'Marketing',
  'Engineering', 'Product Management', 'Design', 'Sales EMEA', 'Sales Americas',
  'Sales APAC', 'Customer Success', 'People Operations', 'Recruiting', 'IT Help Desk',
  'Security', 'Data Science', 'Analytics', 'Brand Studio', 'Content Writers',
  'Procurement', 'Facilities', 'Executive Team', 'Board Materials', 'Partner Program',
  'Training Library', 'Compliance', 'Internal Audit', 'Investor Relations', 'Public Relations',
  'Events', 'Field Marketing', 'Solutions Engineering', 'Professional Services', 'Quality Assurance',
  'Release Managers', 'Mobile Team', 'Platform Team', 'Localization', 'Interns 2026',
];

/** Large scale only: a group of exactly this many members, for paging up to Box's offset ceiling. */
export const BOX_LARGE_GROUP_NAME = 'All Contractors';
export const BOX_LARGE_GROUP_MEMBERS = 10_000;

export const BOX_USER_DOMAIN = 'company.roster.example';
