import { lazy, Suspense, useCallback, useMemo, useReducer, useRef, useState } from 'react';
import { Link } from 'react-router';
import { planQueryOptions } from '../../api/roster-operation-actions.ts';
import { cellsOf, type GridCell, type GridRectangle } from '../../components/grid/grid-rectangle.ts';
import { type GridCellView, MembershipGrid } from '../../components/grid/membership-grid.tsx';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import type { Plan } from '../../contract/roster-operations.ts';
import { type MatrixModel, willBeMember } from './matrix-model.ts';
import {
  type CellFacts,
  cellKey,
  changesToSend,
  describePending,
  NO_PENDING_CHANGES,
  type PendingCell,
  pendingChangesReducer,
  summarizePending,
} from './pending-changes.ts';
import './matrix.css';

/** The review loads when it is opened: most visits to the grid only look. */
const PlanDialog = lazy(async () => ({
  default: (await import('../../components/operations/plan-dialog.tsx')).PlanDialog,
}));

function cellWord(model: MatrixModel, personId: string, placeId: string, change: PendingCell | undefined) {
  const membership = model.memberships.get(personId)?.get(placeId);
  if (change?.refusal) return { text: '⊘ Not possible', tone: 'is-refused', title: change.refusal };
  if (change?.membership === 'add') {
    return {
      text: change.makeDefault ? '+ Add, default' : change.role === 'admin' ? '+ Add, admin' : '+ Add',
      tone: 'is-adding',
    };
  }
  if (change?.membership === 'remove') return { text: '− Remove', tone: 'is-removing' };
  if (change?.makeDefault) return { text: '→ Default', tone: 'is-changing' };
  if (change?.role) return { text: change.role === 'admin' ? '→ Admin' : '→ Member', tone: 'is-changing' };
  if (!membership) return { text: '', tone: 'is-empty' };
  if (membership.isDefault) return { text: '★ Default', tone: 'is-default' };
  if (membership.role === 'admin') return { text: '◆ Admin', tone: 'is-member' };
  return { text: '✓ Member', tone: 'is-member' };
}

/** Says what the focused cell holds and what will change there, for everyone (and screen readers). */
function describeCell(
  model: MatrixModel,
  personId: string,
  placeId: string,
  change: PendingCell | undefined,
) {
  const person = model.people.find((p) => p.id === personId);
  const place = model.places.find((p) => p.id === placeId);
  if (!person || !place) return '';
  const membership = model.memberships.get(personId)?.get(placeId);
  const today = !model.isLoaded(placeId)
    ? 'loading'
    : membership
      ? `${membership.role === 'admin' ? 'admin' : 'member'}${membership.isDefault ? ', their default' : ''}`
      : 'not a member';
  const pending = change?.refusal
    ? ` Not possible: ${change.refusal}`
    : change
      ? ` Pending: ${cellWord(model, personId, placeId, change).text.replace(/^[^A-Za-z]+/, '')}.`
      : '';
  return `${person.name} in ${place.name}: ${today}.${pending}`;
}

/**
 * A grid of people × places with its pending changes: cells toggle, rectangles and whole rows or
 * columns change at once, and the changes go to the server's review, then run as one operation.
 */
export function MatrixView({ model, label }: { model: MatrixModel; label: string }) {
  const [pending, dispatch] = useReducer(pendingChangesReducer, NO_PENDING_CHANGES);
  const [selectedRows, setSelectedRows] = useState<ReadonlySet<string>>(new Set());
  const [focused, setFocused] = useState<GridCell | undefined>();
  const [dialog, setDialog] = useState<'review' | 'discard' | undefined>();
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  const { people, places, judge } = model;

  const facts = useCallback(
    (row: number, column: number): CellFacts | undefined => {
      const person = people[row];
      const place = places[column];
      if (!person || !place || !model.isLoaded(place.id)) return undefined;
      return {
        rowId: person.id,
        columnId: place.id,
        member: model.memberships.get(person.id)?.has(place.id) === true,
      };
    },
    [people, places, model],
  );

  const setMany = (cells: readonly (CellFacts | undefined)[], want: boolean) =>
    dispatch({ type: 'set', cells: cells.filter((c): c is CellFacts => c !== undefined), want, judge });

  const onRectangle = (anchor: GridCell, rectangle: GridRectangle, like: 'anchor' | 'reverse') => {
    const person = people[anchor.row];
    const place = places[anchor.column];
    if (!person || !place) return;
    const anchorWill = willBeMember(model, pendingRef.current, person.id, place.id);
    setMany(
      cellsOf(rectangle).map((cell) => facts(cell.row, cell.column)),
      like === 'anchor' ? anchorWill : !anchorWill,
    );
  };

  const toggleRow = (personId: string) =>
    setSelectedRows((current) => {
      const next = new Set(current);
      if (next.has(personId)) next.delete(personId);
      else next.add(personId);
      return next;
    });

  /** A column's action: the selected people added, or removed when every one of them already will be a member. */
  const applyToColumn = (column: number) => {
    const place = places[column];
    if (!place || selectedRows.size === 0) return;
    const rows = people.flatMap((person, row) => (selectedRows.has(person.id) ? [row] : []));
    const allIn = rows.every((row) =>
      willBeMember(model, pendingRef.current, people[row]?.id ?? '', place.id),
    );
    setMany(
      rows.map((row) => facts(row, column)),
      !allIn,
    );
  };

  const applyToRow = (row: number, want: boolean) =>
    setMany(
      places.map((_, column) => facts(row, column)),
      want,
    );

  const makeDefault = (cell: GridCell) => {
    const f = facts(cell.row, cell.column);
    if (f) dispatch({ type: 'make_default', cell: f, judge });
  };

  const setRole = (cell: GridCell) => {
    const f = facts(cell.row, cell.column);
    if (!f) return;
    const membership = model.memberships.get(f.rowId)?.get(f.columnId);
    const current =
      pendingRef.current.get(cellKey(f.rowId, f.columnId))?.role ?? membership?.role ?? 'member';
    dispatch({
      type: 'set_role',
      cell: f,
      role: current === 'admin' ? 'member' : 'admin',
      currentRole: membership?.role,
      judge,
    });
  };

  const cellView = (row: number, column: number): GridCellView => {
    const person = people[row];
    const place = places[column];
    if (!person || !place) return { text: '', className: 'grid-cell' };
    if (!model.isLoaded(place.id)) return { text: '…', className: 'grid-cell is-loading' };
    const word = cellWord(model, person.id, place.id, pending.get(`${person.id}:${place.id}`));
    return {
      text: word.text,
      className: selectedRows.has(person.id)
        ? `grid-cell ${word.tone} is-row-selected`
        : `grid-cell ${word.tone}`,
      ...(word.title && { title: word.title }),
    };
  };

  const summary = useMemo(() => summarizePending(pending), [pending]);
  const toSend = useMemo(() => changesToSend(pending), [pending]);
  const focusedPerson = focused ? people[focused.row] : undefined;
  const focusedPlace = focused ? places[focused.column] : undefined;
  const focusedChange =
    focusedPerson && focusedPlace ? pending.get(cellKey(focusedPerson.id, focusedPlace.id)) : undefined;

  return (
    <div className="matrix">
      <div className="matrix-summary" data-testid="matrix-summary">
        <p role="status" aria-live="polite" className="matrix-summary-text">
          <strong>{describePending(summary)}</strong>
        </p>
        <button
          type="button"
          className="button-primary"
          disabled={toSend.length === 0}
          onClick={() => setDialog('review')}
        >
          Review changes
        </button>
        <button type="button" disabled={pending.size === 0} onClick={() => setDialog('discard')}>
          Discard…
        </button>
      </div>
      <div className="matrix-tools" role="toolbar" aria-label="Cell, row and column actions">
        <span className="matrix-focus" aria-live="polite" data-testid="matrix-focus">
          {focusedPerson && focusedPlace
            ? describeCell(model, focusedPerson.id, focusedPlace.id, focusedChange)
            : 'Click a cell, or use the arrow keys and Space.'}
        </span>
        {model.defaults && (
          <button type="button" disabled={!focused} onClick={() => focused && makeDefault(focused)}>
            Make default
          </button>
        )}
        {model.roles && (
          <button type="button" disabled={!focused} onClick={() => focused && setRole(focused)}>
            Member ↔ admin
          </button>
        )}
        <button
          type="button"
          disabled={!focused}
          onClick={() => focused && applyToRow(focused.row, true)}
          title={`Add the person to every ${model.placesNoun.toLowerCase()} column shown`}
        >
          Add row to all
        </button>
        <button type="button" disabled={!focused} onClick={() => focused && applyToRow(focused.row, false)}>
          Remove row from all
        </button>
        <button
          type="button"
          disabled={!focused || selectedRows.size === 0}
          onClick={() => focused && applyToColumn(focused.column)}
        >
          Add or remove {selectedRows.size.toLocaleString()} selected in this column
        </button>
        {selectedRows.size > 0 && (
          <button type="button" className="button-quiet" onClick={() => setSelectedRows(new Set())}>
            Clear selection
          </button>
        )}
      </div>
      <MembershipGrid
        label={label}
        rowCount={people.length}
        columnCount={places.length}
        rowKey={(row) => people[row]?.id ?? String(row)}
        columnKey={(column) => places[column]?.id ?? String(column)}
        renderRowHeader={(row) => {
          const person = people[row];
          if (!person) return null;
          return (
            <>
              <input
                type="checkbox"
                tabIndex={-1}
                checked={selectedRows.has(person.id)}
                onChange={() => toggleRow(person.id)}
                aria-label={`Select ${person.name}`}
              />
              <span className="grid-person">
                {person.href ? (
                  <Link to={person.href} tabIndex={-1} className="truncate">
                    {person.name}
                  </Link>
                ) : (
                  <span className="truncate">{person.name}</span>
                )}
                <span className="cell-muted truncate">{person.detail}</span>
              </span>
            </>
          );
        }}
        renderColumnHeader={(column) => {
          const place = places[column];
          if (!place) return null;
          return (
            <>
              {place.href ? (
                <Link to={place.href} tabIndex={-1} className="grid-place-name" title={place.name}>
                  {place.name}
                </Link>
              ) : (
                <span className="grid-place-name" title={place.name}>
                  {place.name}
                </span>
              )}
              {place.detail && <span className="cell-muted">{place.detail}</span>}
              <button
                type="button"
                tabIndex={-1}
                className="grid-column-action"
                disabled={selectedRows.size === 0}
                onClick={() => applyToColumn(column)}
                aria-label={`Add or remove the ${selectedRows.size} selected people in ${place.name}`}
                title={
                  selectedRows.size === 0 ? 'Select people first (the boxes beside their names)' : undefined
                }
              >
                ± selected
              </button>
            </>
          );
        }}
        cellView={cellView}
        onToggle={(cell) => {
          const f = facts(cell.row, cell.column);
          if (f) dispatch({ type: 'toggle', cell: f, judge });
        }}
        onRectangle={onRectangle}
        onRowHeader={(row) => {
          const person = people[row];
          if (person) toggleRow(person.id);
        }}
        onColumnHeader={applyToColumn}
        onCellKey={(cell, key) => {
          if (model.defaults && key === 'd') makeDefault(cell);
          else if (model.roles && key === 'r') setRole(cell);
          else return false;
          return true;
        }}
        onEscape={() => {
          if (pendingRef.current.size > 0) setDialog('discard');
        }}
        onFocusCell={setFocused}
      />
      <p className="field-hint matrix-keys">
        Click or Space toggles a cell; Shift-click or Shift+arrows and Space change a rectangle;
        {model.defaults ? ' D makes a membership the default;' : ''}
        {model.roles ? ' R switches member and admin;' : ''} Space on a name selects the row, on a column
        header adds or removes the selected rows; Escape discards the changes after asking.
      </p>
      {dialog === 'discard' && (
        <ModalDialog title="Discard the pending changes?" onClose={() => setDialog(undefined)}>
          <p>{describePending(summary)}. Nothing has been sent; discarding forgets them.</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setDialog(undefined)}>
              Keep them
            </button>
            <button
              type="button"
              className="button-danger"
              onClick={() => {
                dispatch({ type: 'clear' });
                setDialog(undefined);
              }}
            >
              Discard changes
            </button>
          </div>
        </ModalDialog>
      )}
      {dialog === 'review' && toSend.length > 0 && (
        <Suspense fallback={null}>
          <PlanDialog
            title="Review the grid's changes"
            planQuery={planQueryOptions(model.toRequest(toSend))}
            startLabel={(plan: Plan) =>
              `Apply ${plan.total.toLocaleString()} change${plan.total === 1 ? '' : 's'}`
            }
            danger={(plan: Plan) => plan.items.some((item) => item.action === 'remove')}
            onClose={() => setDialog(undefined)}
            onStarted={() => {
              dispatch({ type: 'clear' });
              setSelectedRows(new Set());
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
