import type { DehydratedState } from '@tanstack/react-query';
import type { HydrationState } from 'react-router';

/** The id of the data block in which the server hands the browser what it rendered the first view with. */
export const FIRST_VIEW_STATE_ID = 'roster-first-view';

export type FirstViewState = {
  /** The route loaders' data, so the browser's router starts where the server's stopped. */
  router: Pick<HydrationState, 'loaderData' | 'actionData'>;
  /** The queries the first view read, so the browser shows the same rows without asking again. */
  queries: DehydratedState;
};

/**
 * The state as the text of a `<script type="application/json">` data block. A data block is never
 * run, so the strict CSP needs no nonce for it; every `<` becomes `\u003c` so no text from the
 * upstream (a name like `</script><script>…`) can end the block, and the line separators JSON
 * allows but old parsers do not are escaped too.
 */
export function firstViewStateScript(state: FirstViewState): string {
  const json = JSON.stringify(state)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${FIRST_VIEW_STATE_ID}">${json}</script>`;
}

/** The state the server rendered this page with, or undefined when it sent only the shell. */
export function readFirstViewState(document: Document): FirstViewState | undefined {
  const text = document.getElementById(FIRST_VIEW_STATE_ID)?.textContent;
  if (!text) return undefined;
  try {
    // Written by our own server into this page, not input from a person or the upstream.
    return JSON.parse(text) as FirstViewState;
  } catch {
    return undefined;
  }
}
