import { useCallback, useMemo, useState } from 'react';
import type { User } from '../../contract/user.ts';

/** Who a person picked on the Users page, with what the chosen list shows of them. */
export type ChosenPerson = Pick<User, 'id' | 'name' | 'email'>;

/** These people chosen or let go; everyone else chosen stays, whether the list shows them or not. */
export function withPeopleSet(
  chosen: ReadonlyMap<number, ChosenPerson>,
  people: readonly ChosenPerson[],
  selected: boolean,
): ReadonlyMap<number, ChosenPerson> {
  const next = new Map(chosen);
  for (const { id, name, email } of people) {
    if (selected) next.set(id, { id, name, email });
    else next.delete(id);
  }
  return next;
}

/**
 * The people picked on the Users page. Kept by id with their name and email, so the choice
 * survives a new search or filter (which loads other rows) and can be reviewed and pruned.
 */
export function useChosenPeople() {
  const [chosen, setChosen] = useState<ReadonlyMap<number, ChosenPerson>>(new Map());
  const setMany = useCallback(
    (people: readonly ChosenPerson[], selected: boolean) =>
      setChosen((current) => withPeopleSet(current, people, selected)),
    [],
  );
  const clear = useCallback(() => setChosen(new Map()), []);
  return useMemo(() => ({ chosen, people: [...chosen.values()], setMany, clear }), [chosen, setMany, clear]);
}
