import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useRef } from 'react';
import { FIRST_RENDER_VIEWPORT } from './first-render-viewport.ts';

/**
 * A scrolling list that keeps only the visible rows in the DOM, for reviews that may name
 * thousands of people. Rows have one fixed height.
 */
export function VirtualList<Item>({
  items,
  label,
  rowKey,
  renderRow,
  rowHeight = 28,
  className = '',
}: {
  items: readonly Item[];
  label: string;
  rowKey: (item: Item, index: number) => string;
  renderRow: (item: Item) => ReactNode;
  rowHeight?: number;
  className?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    // The server renders the first rows without a window to measure: both it and the browser's first
    // (hydrating) render assume this viewport, so the two agree until the real size is measured.
    initialRect: FIRST_RENDER_VIEWPORT,
  });
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the list scrolls, so the keyboard must be able to reach it
    <div ref={scrollRef} className={`virtual-list ${className}`} tabIndex={0}>
      <ul aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index] as Item;
          return (
            <li
              key={rowKey(item, row.index)}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              style={{ height: row.size, transform: `translateY(${row.start}px)` }}
            >
              {renderRow(item)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
