import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchOperationItems, type OperationItemFilters } from '../../api/roster-operations.ts';
import type { OperationItem } from '../../contract/roster-operations.ts';
import { downloadText } from './csv.ts';
import { resultsCsv } from './results-csv.ts';

const PAGE = 500;

/** Reads every item (of one state, if filtered) a page at a time and saves them as CSV, with progress. */
export function useResultsDownload(operationId: string, filters: OperationItemFilters) {
  const [read, setRead] = useState(0);
  const download = useMutation({
    mutationFn: async () => {
      setRead(0);
      const items: OperationItem[] = [];
      let cursor: string | undefined;
      do {
        const page = await fetchOperationItems(operationId, { ...filters, cursor, limit: PAGE });
        items.push(...page.items);
        setRead(items.length);
        cursor = page.meta.has_more ? (page.meta.after_cursor ?? undefined) : undefined;
      } while (cursor);
      const suffix = filters.state ? `-${filters.state}` : '';
      downloadText(`roster-operation-${operationId}${suffix}.csv`, resultsCsv(items));
    },
  });
  return { download, read };
}
