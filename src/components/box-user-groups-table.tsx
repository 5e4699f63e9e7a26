import { Link } from 'react-router';
import type { BoxGroupMembership } from '../contract/box/box-group-membership.ts';
import { paths } from '../lib/paths.ts';

/** A Box user's groups, each linked, with their role in it: on the Box user page and a person's page. */
export function BoxUserGroupsTable({ rows, label }: { rows: readonly BoxGroupMembership[]; label: string }) {
  return (
    <table className="person-table" aria-label={label}>
      <thead>
        <tr>
          <th>Group</th>
          <th>Role</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((membership) => (
          <tr key={membership.id}>
            <td>
              <Link to={paths.boxGroup.href(membership.group.id)}>{membership.group.name}</Link>
            </td>
            <td>{membership.role === 'admin' ? <span className="badge">Admin</span> : 'Member'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
