import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState } from 'react';

/** `open`: changes arrive as they happen; otherwise the views that show operations poll. */
export type OperationStreamStatus = 'connecting' | 'open' | 'down';

export const OperationStreamContext = createContext<OperationStreamStatus>('down');

/** How often a view of operations asks again, which it only needs to while the stream is not open. */
export function useOperationPollInterval(everyMs: number): number | false {
  return useContext(OperationStreamContext) === 'open' ? false : everyMs;
}

/**
 * Keeps every cached view of operations current from the server's event stream
 * (operation-event-stream.ts), while `enabled`. That code loads once the page is on screen: no
 * first view needs it, and until it runs the views poll, as they do whenever the stream is down.
 */
export function useOperationEvents(enabled: boolean, viewerId: string | undefined): OperationStreamStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<OperationStreamStatus>('connecting');
  useEffect(() => {
    if (!enabled) return;
    let close: (() => void) | undefined;
    let ended = false;
    import('./operation-event-stream.ts').then(
      ({ openOperationEvents }) => {
        if (!ended) close = openOperationEvents(queryClient, viewerId, setStatus);
      },
      () => {
        if (!ended) setStatus('down');
      },
    );
    return () => {
      ended = true;
      close?.();
      setStatus('connecting');
    };
  }, [enabled, viewerId, queryClient]);
  return enabled ? status : 'down';
}
