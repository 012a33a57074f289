import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Browsers cap an element's height (Chrome near 33.5 million px, i.e. about a million
 * 30-px rows). Beyond this spacer height the scroll position is mapped proportionally
 * onto the rows, so any row count scrolls from first row to last.
 */
const MAX_SPACER_PX = 8_000_000;

export interface RowWindow {
  /** Height of the scrollable spacer, in px. */
  spacer: number;
  /** Height of the visible rows area, in px. */
  viewport: number;
  first: number;
  count: number;
  /** Where the first visible row starts relative to the rows area (≤ 0). */
  offset: number;
}

/**
 * Which rows of a fixed-height list are visible. O(1) per scroll, whatever the row
 * count: @tanstack/react-virtual builds one measurement object per row (a 90 ms
 * main-thread task at a million rows), which this replaces for fixed heights.
 */
export function useRowWindow(scroller: RefObject<HTMLElement | null>, rowCount: number, rowHeight: number, headerHeight: number): RowWindow {
  const [scrollTop, setScrollTop] = useState(0);
  const [clientHeight, setClientHeight] = useState(600);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setScrollTop(el.scrollTop));
    };
    const resize = new ResizeObserver(() => setClientHeight(el.clientHeight));
    el.addEventListener('scroll', onScroll, { passive: true });
    // Observing reports the first size at once; a new grid starts scrolled to the top.
    resize.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [scroller]);

  const viewport = Math.max(rowHeight, clientHeight - headerHeight);
  const natural = rowCount * rowHeight;
  const spacer = Math.max(viewport, Math.min(natural, MAX_SPACER_PX));
  const scrollRange = Math.max(0, spacer - viewport);
  const naturalRange = Math.max(0, natural - viewport);
  const virtualTop = scrollRange > 0 ? (Math.min(scrollTop, scrollRange) / scrollRange) * naturalRange : 0;
  const first = Math.min(Math.max(0, rowCount - 1), Math.floor(virtualTop / rowHeight));
  const count = Math.max(0, Math.min(rowCount - first, Math.ceil(viewport / rowHeight) + 2));
  return { spacer, viewport, first, count, offset: first * rowHeight - virtualTop };
}
