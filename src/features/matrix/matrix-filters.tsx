import type { ReactNode } from 'react';
import type { UserRoleFilter } from '../../api/user-keys.ts';
import { ROLE_FILTERS } from '../../components/role-filters.ts';
import { useSearchParam } from '../../components/use-search-param.ts';
import type { MatrixParams } from './matrix-params.ts';

/** The grid's row filters and, as children, its column controls; every value lives in the URL. */
export function MatrixFilters({
  view,
  roles,
  memberOfNoun,
  memberOfOptions,
  outsideLabel,
  onChange,
  count,
  children,
}: {
  view: MatrixParams;
  roles: readonly UserRoleFilter[];
  memberOfNoun: string;
  memberOfOptions: readonly { id: number; name: string }[];
  /** Offered when rows can be people outside every chosen column. */
  outsideLabel?: string;
  onChange: (name: string, value: string | undefined) => void;
  count: string | undefined;
  children?: ReactNode;
}) {
  const { typed, setTyped } = useSearchParam();
  return (
    <div className="page-tools matrix-filters">
      <label className="search">
        <span className="visually-hidden">Filter people by name or email</span>
        <input
          type="search"
          placeholder="Name or email contains…"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          maxLength={100}
        />
      </label>
      {roles.length > 0 && (
        <label>
          <span className="visually-hidden">People</span>
          <select
            value={view.role}
            onChange={(event) =>
              onChange('role', event.target.value === 'staff' ? undefined : event.target.value)
            }
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {ROLE_FILTERS[role]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span className="visually-hidden">Only members of a {memberOfNoun}</span>
        <select
          value={view.memberOf === undefined ? '' : String(view.memberOf)}
          onChange={(event) => onChange('in', event.target.value || undefined)}
        >
          <option value="">In any {memberOfNoun}</option>
          {memberOfOptions.map((option) => (
            <option key={option.id} value={option.id}>
              Member of {option.name}
            </option>
          ))}
        </select>
      </label>
      {outsideLabel && (
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={view.outside}
            onChange={(event) => onChange('outside', event.target.checked ? '1' : undefined)}
          />
          {outsideLabel}
        </label>
      )}
      {children}
      {count && (
        <span className="result-count" aria-live="polite">
          {count}
        </span>
      )}
    </div>
  );
}
