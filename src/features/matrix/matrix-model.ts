import type { GridMembership } from '../../api/grid-memberships.ts';
import type { OperationRequest } from '../../contract/roster-operations.ts';
import type { Judge, PendingCell, PendingChanges } from './pending-changes.ts';
import { cellKey } from './pending-changes.ts';

/** A row of the grid. */
export type MatrixPerson = { id: string; name: string; detail: string; href?: string };

/** A column of the grid: a group, an organization or a Box group. */
export type MatrixPlace = { id: string; name: string; detail?: string; href?: string };

/** Memberships by person, then by place. */
export type MembershipIndex = ReadonlyMap<string, ReadonlyMap<string, GridMembership>>;

export function indexMemberships(pages: readonly (readonly GridMembership[])[]): MembershipIndex {
  const index = new Map<string, Map<string, GridMembership>>();
  for (const page of pages) {
    for (const membership of page) {
      let ofPerson = index.get(membership.userId);
      if (!ofPerson) {
        ofPerson = new Map();
        index.set(membership.userId, ofPerson);
      }
      ofPerson.set(membership.targetId, membership);
    }
  }
  return index;
}

/** What the shared grid view needs from each kind of grid. */
export type MatrixModel = {
  /** "Groups", "Organizations", "Box groups": what the columns are. */
  placesNoun: string;
  people: readonly MatrixPerson[];
  places: readonly MatrixPlace[];
  memberships: MembershipIndex;
  /** Whether a column's memberships are all in; its cells show a loading state until then. */
  isLoaded: (placeId: string) => boolean;
  judge: Judge;
  toRequest: (changes: readonly PendingCell[]) => OperationRequest;
  /** Zendesk: each person has one default group or organization. */
  defaults: boolean;
  /** Box: member or admin. */
  roles: boolean;
};

/** Whether the person will be a member once the pending changes are applied. */
export function willBeMember(model: MatrixModel, pending: PendingChanges, personId: string, placeId: string) {
  const change = pending.get(cellKey(personId, placeId));
  const member = model.memberships.get(personId)?.has(placeId) === true;
  return member ? change?.membership !== 'remove' : change?.membership === 'add';
}

/** By name, as a person reads a list; one collator, since sorting 1,200 names calls it often. */
export const BY_NAME = new Intl.Collator(undefined, { sensitivity: 'base' }).compare;
