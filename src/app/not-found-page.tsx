import { NotFoundMessage } from '../components/not-found-message.tsx';
import { paths } from '../lib/paths.ts';

export function NotFoundPage() {
  return (
    <NotFoundMessage title="Page not found" back={{ to: paths.groups.href(), label: 'Go to Groups' }}>
      There is nothing at this address. It may have moved, or the link may be mistyped.
    </NotFoundMessage>
  );
}
