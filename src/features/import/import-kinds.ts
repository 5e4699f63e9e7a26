import type { ImportMode, MembershipFileKind } from '../../contract/membership-csv.ts';

/** What the page says about each kind of file: its columns, and what "exactly" means for it. */
export const KIND_WORDS: Record<
  MembershipFileKind,
  { label: string; columns: string; place: string; places: string; example: string }
> = {
  group_memberships: {
    label: 'Group memberships',
    columns:
      'email (or user_id), group (a name, or group_id), and optionally default (true to make it their default group)',
    place: 'group',
    places: 'groups',
    example: 'email,group,default\nada@example.com,Tier 1 Support,true\nalan@example.com,Billing,',
  },
  organization_memberships: {
    label: 'Organization memberships',
    columns:
      'email (or user_id), organization (a name, or organization_id), and optionally default (true to make it their default organization)',
    place: 'organization',
    places: 'organizations',
    example: 'email,organization\nada@example.com,Acme Inc.',
  },
  box_group_memberships: {
    label: 'Box group memberships',
    columns:
      'login (or box_user_id), box group (a name, or box_group_id), and optionally role (member or admin)',
    place: 'Box group',
    places: 'Box groups',
    example: 'login,box group,role\nada@example.com,Engineering,admin',
  },
};

export const MODE_WORDS: Record<ImportMode, (places: string) => { label: string; hint: string }> = {
  add: () => ({ label: 'Add what is missing', hint: 'Nobody is removed.' }),
  exactly: (places) => ({
    label: `Make these ${places} exactly this`,
    hint: `Also removes everyone the file does not list from the ${places} it names; other ${places} are not touched.`,
  }),
};
