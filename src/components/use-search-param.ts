import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { withSearchText } from './search-param.ts';

/** The pause after the last key before the search goes into the URL (and the list asks again). */
const SEARCH_DELAY_MS = 250;

/**
 * A search box whose search lives in the URL (`?q=` by default), so every view is a link and Back
 * works: the box follows the URL when it changes from outside (Back, a link), and the URL follows
 * the box a pause after the last key, replacing the history entry rather than adding one per pause.
 */
export function useSearchParam(name = 'q'): {
  /** The search as the URL has it: what the list shows. */
  search: string;
  /** What the box shows. */
  typed: string;
  setTyped: (text: string) => void;
} {
  const [params, setParams] = useSearchParams();
  const search = params.get(name) ?? '';
  const [typed, setTyped] = useState(search);
  const [shownSearch, setShownSearch] = useState(search);
  if (search !== shownSearch) {
    setShownSearch(search);
    setTyped(search);
  }
  // Pages re-render as their lists stream in; the pause after typing must not restart each time.
  const set = useRef(setParams);
  set.current = setParams;
  useEffect(() => {
    if (typed.trim() === search) return;
    const timer = setTimeout(() => {
      set.current((current) => withSearchText(current, name, typed) ?? current, { replace: true });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, search, name]);
  return { search, typed, setTyped };
}
