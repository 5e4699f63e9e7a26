import { NavLink } from 'react-router';

/** The three grids: Zendesk groups, Zendesk organizations, Box groups. */
export function MatrixTabs({ box }: { box: boolean }) {
  return (
    <nav aria-label="Grids" className="matrix-tabs">
      <NavLink to="/matrix" end>
        Groups
      </NavLink>
      <NavLink to="/matrix/organizations">Organizations</NavLink>
      {box && <NavLink to="/box/matrix">Box groups</NavLink>}
    </nav>
  );
}
