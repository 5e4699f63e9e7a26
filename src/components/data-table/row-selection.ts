import { useCallback, useMemo, useState } from 'react';

/**
 * Either some rows by id, or every row of the list except some: "select all N" must cover rows
 * that are not loaded yet, whose ids are fetched only when an action runs.
 */
export type RowSelection<Id> =
  | { mode: 'some'; ids: ReadonlySet<Id> }
  | { mode: 'all'; except: ReadonlySet<Id> };

const NONE = { mode: 'some', ids: new Set() } as const;

export function selectedCount<Id>(selection: RowSelection<Id>, total: number): number {
  return selection.mode === 'some' ? selection.ids.size : Math.max(0, total - selection.except.size);
}

export function isSelected<Id>(selection: RowSelection<Id>, id: Id): boolean {
  return selection.mode === 'some' ? selection.ids.has(id) : !selection.except.has(id);
}

export function toggled<Id>(selection: RowSelection<Id>, id: Id): RowSelection<Id> {
  const flip = (set: ReadonlySet<Id>) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  return selection.mode === 'some'
    ? { mode: 'some', ids: flip(selection.ids) }
    : { mode: 'all', except: flip(selection.except) };
}

export function useRowSelection<Id>() {
  const [selection, setSelection] = useState<RowSelection<Id>>(NONE as RowSelection<Id>);
  const toggle = useCallback((id: Id) => setSelection((current) => toggled(current, id)), []);
  const clear = useCallback(() => setSelection(NONE as RowSelection<Id>), []);
  const selectAll = useCallback(() => setSelection({ mode: 'all', except: new Set() }), []);
  const setLoaded = useCallback(
    (ids: readonly Id[], selected: boolean) =>
      setSelection((current) => {
        if (current.mode === 'all') {
          const except = new Set(current.except);
          for (const id of ids) {
            if (selected) except.delete(id);
            else except.add(id);
          }
          return { mode: 'all', except };
        }
        const next = new Set(current.ids);
        for (const id of ids) {
          if (selected) next.add(id);
          else next.delete(id);
        }
        return { mode: 'some', ids: next };
      }),
    [],
  );
  return useMemo(
    () => ({ selection, toggle, clear, selectAll, setLoaded }),
    [selection, toggle, clear, selectAll, setLoaded],
  );
}
