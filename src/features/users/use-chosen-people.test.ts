import { describe, expect, it } from 'vitest';
import { type ChosenPerson, withPeopleSet } from './use-chosen-people.ts';

const ada: ChosenPerson = { id: 1, name: 'Ada Admin', email: 'ada@example.com' };
const alan: ChosenPerson = { id: 2, name: 'Alan Agent', email: 'alan@example.com' };
const grace: ChosenPerson = { id: 3, name: 'Grace Groupmanager', email: 'grace@example.com' };

describe('the people chosen on the Users page', () => {
  it('keeps people chosen under an earlier search when rows of a new search are chosen', () => {
    const underFirstSearch = withPeopleSet(new Map(), [ada, alan], true);
    const afterNewSearch = withPeopleSet(underFirstSearch, [grace], true);
    expect([...afterNewSearch.keys()]).toEqual([1, 2, 3]);
  });

  it('lets go only of the people cleared, shown or not', () => {
    const chosen = withPeopleSet(new Map(), [ada, alan, grace], true);
    expect([...withPeopleSet(chosen, [alan], false).values()]).toEqual([ada, grace]);
  });

  it('keeps each person once, with the name and email the chosen list shows', () => {
    const chosen = withPeopleSet(withPeopleSet(new Map(), [ada], true), [{ ...ada }], true);
    expect([...chosen.values()]).toEqual([ada]);
  });
});
