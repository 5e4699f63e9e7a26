import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False while rendering on the server and while hydrating that markup, true from the render right
 * after. The strict CSP refuses `style` attributes in the server's HTML, but allows styles React
 * sets from script: what needs inline styles renders without them until this turns true.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
