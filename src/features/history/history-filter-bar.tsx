import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { boxGroupQueryOptions } from '../../api/box/box-groups.ts';
import { allGroupsQueryOptions } from '../../api/groups.ts';
import { organizationQueryOptions, organizationsQueryOptions } from '../../api/organizations.ts';
import type { OperationListFilters } from '../../api/roster-operations.ts';
import { userQueryOptions, userSearchQueryOptions } from '../../api/users.ts';
import { type HISTORY_FILTER_NAMES, withFilter } from './history-filters.ts';

type FilterName = (typeof HISTORY_FILTER_NAMES)[number];

const CHOICES = {
  who: [
    [undefined, 'Everyone'],
    ['mine', 'Mine'],
  ],
  status: [
    [undefined, 'All'],
    ['running', 'Running'],
    ['finished', 'Finished'],
    ['failures', 'With failures'],
  ],
  source: [
    [undefined, 'All changes'],
    ['bulk', 'Bulk'],
    ['single', 'Single'],
  ],
} as const satisfies Partial<Record<FilterName, readonly (readonly [string | undefined, string])[]>>;

function Segmented({
  name,
  label,
  filters,
  params,
}: {
  name: keyof typeof CHOICES;
  label: string;
  filters: OperationListFilters;
  params: URLSearchParams;
}) {
  const navigate = useNavigate();
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{label}</legend>
      {CHOICES[name].map(([value, text]) => (
        <button
          key={text}
          type="button"
          aria-pressed={filters[name] === value}
          onClick={() => navigate({ search: withFilter(params, name, value) }, { replace: true })}
        >
          {text}
        </button>
      ))}
    </fieldset>
  );
}

/** A filter that is set, by the name of what it narrows to, with a way to clear it. */
function Chip({ label, name, params }: { label: string; name: FilterName; params: URLSearchParams }) {
  return (
    <span className="chip">
      {label}
      <Link to={{ search: withFilter(params, name, undefined) }} aria-label={`Clear: ${label}`} replace>
        ×
      </Link>
    </span>
  );
}

function PersonChip({ id, params }: { id: string; params: URLSearchParams }) {
  const user = useQuery(userQueryOptions(Number(id)));
  return <Chip label={`Person: ${user.data?.name ?? '…'}`} name="user_id" params={params} />;
}

function OrganizationChip({ id, params }: { id: string; params: URLSearchParams }) {
  const organization = useQuery(organizationQueryOptions(Number(id)));
  return (
    <Chip label={`Organization: ${organization.data?.name ?? '…'}`} name="organization_id" params={params} />
  );
}

function BoxGroupChip({ id, params }: { id: string; params: URLSearchParams }) {
  const group = useQuery(boxGroupQueryOptions(id));
  return <Chip label={`Box group: ${group.data?.name ?? '…'}`} name="box_group_id" params={params} />;
}

/** A search box with suggestions; choosing one of them sets the filter and empties the box. */
function SuggestionSearch<Item>({
  label,
  listId,
  text,
  onText,
  suggestions,
  suggestionText,
  onChoose,
}: {
  label: string;
  listId: string;
  text: string;
  onText: (text: string) => void;
  suggestions: readonly Item[];
  suggestionText: (item: Item) => string;
  onChoose: (item: Item) => void;
}) {
  return (
    <label className="history-search">
      <span className="visually-hidden">{label}</span>
      <input
        type="search"
        list={listId}
        placeholder={`${label}…`}
        value={text}
        maxLength={100}
        onChange={(event) => {
          const chosen = suggestions.find((item) => suggestionText(item) === event.target.value);
          onText(chosen ? '' : event.target.value);
          if (chosen) onChoose(chosen);
        }}
      />
      <datalist id={listId}>
        {suggestions.map((item) => (
          <option key={suggestionText(item)} value={suggestionText(item)} />
        ))}
      </datalist>
    </label>
  );
}

/** Narrows History to the changes made to one person. */
function PersonSearch({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const people = useQuery(userSearchQueryOptions(useDeferredValue(text.trim())));
  return (
    <SuggestionSearch
      label="Person"
      listId="history-people"
      text={text}
      onText={setText}
      suggestions={people.data ?? []}
      suggestionText={(user) => `${user.name} <${user.email ?? ''}>`}
      onChoose={(user) =>
        navigate({ search: withFilter(params, 'user_id', String(user.id)) }, { replace: true })
      }
    />
  );
}

/** Narrows History to the changes made in one organization. */
function OrganizationSearch({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const name = useDeferredValue(text.trim());
  const organizations = useInfiniteQuery({
    ...organizationsQueryOptions({ name }),
    enabled: name.length > 0,
  });
  return (
    <SuggestionSearch
      label="Organization"
      listId="history-organizations"
      text={text}
      onText={setText}
      suggestions={organizations.data?.pages[0]?.items ?? []}
      suggestionText={(organization) => organization.name}
      onChoose={(organization) =>
        navigate(
          { search: withFilter(params, 'organization_id', String(organization.id)) },
          { replace: true },
        )
      }
    />
  );
}

/** History's filters, all in the URL: whose, which state, which kind, and who or where. */
export function HistoryFilterBar({
  filters,
  params,
}: {
  filters: OperationListFilters;
  params: URLSearchParams;
}) {
  const navigate = useNavigate();
  const groups = useQuery(allGroupsQueryOptions());
  return (
    <div className="history-filters">
      <div className="page-tools">
        <Segmented name="who" label="Whose changes" filters={filters} params={params} />
        <Segmented name="status" label="State" filters={filters} params={params} />
        <Segmented name="source" label="Kind of change" filters={filters} params={params} />
      </div>
      <div className="page-tools">
        <label>
          <span className="visually-hidden">Group</span>
          <select
            value={filters.group_id ?? ''}
            onChange={(event) =>
              navigate(
                { search: withFilter(params, 'group_id', event.target.value || undefined) },
                { replace: true },
              )
            }
          >
            <option value="">Any group</option>
            {(groups.data ?? []).map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </label>
        {filters.organization_id ? (
          <OrganizationChip id={filters.organization_id} params={params} />
        ) : (
          <OrganizationSearch params={params} />
        )}
        {filters.user_id ? (
          <PersonChip id={filters.user_id} params={params} />
        ) : (
          <PersonSearch params={params} />
        )}
        {filters.box_group_id && <BoxGroupChip id={filters.box_group_id} params={params} />}
      </div>
    </div>
  );
}
