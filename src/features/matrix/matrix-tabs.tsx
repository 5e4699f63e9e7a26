import { NavLink } from 'react-router';
import { paths } from '../../lib/paths.ts';

/** The three grids: Zendesk groups, Zendesk organizations, Box groups. */
export function MatrixTabs({ box }: { box: boolean }) {
  return (
    <nav aria-label="Grids" className="matrix-tabs">
      <NavLink to={paths.groupMatrix.href()} end>
        Groups
      </NavLink>
      <NavLink to={paths.organizationMatrix.href()}>Organizations</NavLink>
      {box && <NavLink to={paths.boxMatrix.href()}>Box groups</NavLink>}
    </nav>
  );
}
