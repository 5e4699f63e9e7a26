/**
 * Every page's address, in one place: the router declares its routes with `pattern`, and links,
 * redirects and navigation build addresses with `href`, so renaming a page is one edit here.
 */

type Id = string | number;
/** A page's own parameters: named values (an empty one is left out), or the URL's parameters as they are. */
type Query = Record<string, string | undefined> | URLSearchParams;

/** `?a=1&b=2` from the entries that have a value; nothing when none has. */
function withQuery(path: string, query: Query = {}): string {
  const params =
    query instanceof URLSearchParams
      ? query
      : new URLSearchParams(
          Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])),
        );
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function segment(id: Id): string {
  return encodeURIComponent(String(id));
}

export const paths = {
  signIn: {
    pattern: '/sign-in',
    /** Where the person goes after signing in; the dashboard's home needs no `next`. */
    href: (next?: string) =>
      next === undefined || next === '/' ? '/sign-in' : withQuery('/sign-in', { next }),
  },

  groups: { pattern: '/groups', href: (query?: Query) => withQuery('/groups', query) },
  group: { pattern: '/groups/:groupId', href: (id: Id) => `/groups/${segment(id)}` },
  organizations: { pattern: '/organizations', href: (query?: Query) => withQuery('/organizations', query) },
  organization: {
    pattern: '/organizations/:organizationId',
    href: (id: Id) => `/organizations/${segment(id)}`,
  },
  users: { pattern: '/users', href: (query?: Query) => withQuery('/users', query) },
  user: { pattern: '/users/:userId', href: (id: Id) => `/users/${segment(id)}` },

  /** The grid of people × groups; `in` narrows the rows to one group's members. */
  groupMatrix: { pattern: '/matrix', href: (query?: Query) => withQuery('/matrix', query) },
  organizationMatrix: {
    pattern: '/matrix/organizations',
    href: (query?: Query) => withQuery('/matrix/organizations', query),
  },

  history: { pattern: '/history', href: (query?: Query) => withQuery('/history', query) },
  operation: {
    pattern: '/history/:operationId',
    href: (id: string, query?: Query) => withQuery(`/history/${segment(id)}`, query),
  },
  zendeskJob: {
    pattern: '/history/zendesk-jobs/:jobId',
    href: (id: string) => `/history/zendesk-jobs/${segment(id)}`,
  },
  /** Old addresses of the Jobs page, kept so bookmarks still land in History. */
  jobs: { pattern: '/jobs' },
  job: { pattern: '/jobs/:jobId' },
  import: { pattern: '/import', href: () => '/import' },

  box: { pattern: '/box', href: () => '/box' },
  boxGroups: { pattern: '/box/groups', href: (query?: Query) => withQuery('/box/groups', query) },
  boxGroup: { pattern: '/box/groups/:groupId', href: (id: Id) => `/box/groups/${segment(id)}` },
  boxUsers: { pattern: '/box/users', href: (query?: Query) => withQuery('/box/users', query) },
  boxUser: { pattern: '/box/users/:userId', href: (id: Id) => `/box/users/${segment(id)}` },
  boxMatrix: { pattern: '/box/matrix', href: (query?: Query) => withQuery('/box/matrix', query) },
  boxImport: { pattern: '/box/import', href: () => '/box/import' },
} as const;

/** Whether an address is in the Box workspace, whose pages all live under `/box`. */
export function isBoxPath(pathname: string): boolean {
  return pathname === paths.box.pattern || pathname.startsWith(`${paths.box.pattern}/`);
}
