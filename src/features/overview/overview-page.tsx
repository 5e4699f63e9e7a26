import { useQuery } from '@tanstack/react-query';
import { type CountedResource, countQueryOptions } from '../../api/counts.ts';

const CARDS: { resource: CountedResource; label: string }[] = [
  { resource: 'groups', label: 'Groups' },
  { resource: 'organizations', label: 'Organizations' },
  { resource: 'agents', label: 'Agents and admins' },
];

function CountCard({ resource, label }: { resource: CountedResource; label: string }) {
  const count = useQuery(countQueryOptions(resource));
  return (
    <div className="count-card" data-testid={`count-${resource}`}>
      <span className="count-label">{label}</span>
      <span className="count-value">
        {count.data !== undefined ? count.data.toLocaleString() : count.isError ? '—' : '…'}
      </span>
      {count.isError && (
        <span className="count-error" role="alert">
          {count.error.message}{' '}
          <button type="button" onClick={() => count.refetch()}>
            Retry
          </button>
        </span>
      )}
    </div>
  );
}

export function OverviewPage() {
  return (
    <section className="overview">
      <h1>Overview</h1>
      <p className="lede">
        Who belongs where in this account. Group and organization pages are on their way.
      </p>
      <div className="count-grid">
        {CARDS.map((card) => (
          <CountCard key={card.resource} {...card} />
        ))}
      </div>
    </section>
  );
}
