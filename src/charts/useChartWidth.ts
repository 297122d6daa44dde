import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Width in CSS pixels of the element behind the returned ref, kept current by a ResizeObserver.
 * Before the first measurement (and on the server or in tests) it is `fallback`. The width is
 * rounded, and React state changes only when the rounded width does, so a chart re-renders on
 * real resizes only.
 */
export function useChartWidth<T extends HTMLElement = HTMLDivElement>(
  fallback = 640,
): [RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const apply = (w: number) => {
      const px = Math.max(0, Math.round(w));
      if (px > 0) setWidth((old) => (old === px ? old : px));
    };
    apply(el.getBoundingClientRect().width);
    const ro = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) apply(entry.contentRect.width);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}
