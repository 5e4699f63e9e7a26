import { describe, expect, it } from 'vitest';
import { FIRST_VIEW_STATE_ID, type FirstViewState, firstViewStateScript } from './first-view-state.ts';

const hostile = '</script><script>alert(1)</script><!-- \u2028 & >';

function stateNamed(name: string): FirstViewState {
  return {
    router: { loaderData: { '1-1-1': null }, actionData: null },
    queries: {
      mutations: [],
      queries: [
        {
          queryKey: ['users', 1],
          queryHash: '["users",1]',
          dehydratedAt: 0,
          state: {
            data: { name },
            dataUpdateCount: 1,
            dataUpdatedAt: 0,
            error: null,
            errorUpdateCount: 0,
            errorUpdatedAt: 0,
            fetchFailureCount: 0,
            fetchFailureReason: null,
            fetchMeta: null,
            isInvalidated: false,
            status: 'success',
            fetchStatus: 'idle',
          },
        },
      ],
    },
  };
}

describe('firstViewStateScript', () => {
  it('writes a JSON data block that no text inside it can end or turn into markup', () => {
    const script = firstViewStateScript(stateNamed(hostile));
    const body = script.slice(script.indexOf('>') + 1, script.lastIndexOf('</script>'));
    expect(script.startsWith(`<script type="application/json" id="${FIRST_VIEW_STATE_ID}">`)).toBe(true);
    expect(body).not.toMatch(/[<>&\u2028\u2029]/);
    expect(script.match(/<\/script/gi)).toHaveLength(1);
  });

  it('gives back exactly the state it was given when the browser parses the block', () => {
    const state = stateNamed(hostile);
    const script = firstViewStateScript(state);
    const body = script.slice(script.indexOf('>') + 1, script.lastIndexOf('</script>'));
    expect(JSON.parse(body)).toEqual(state);
  });
});
