import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Charts shrink at most to this share of their designed height (below it they stop reading). */
const MIN_SCALE = 0.5;
/** Space kept under the key panels, px. */
const BOTTOM_GAP = 8;
/** Adjustments in a row before fitting rests (a chart that does not follow the scale). */
const MAX_STEPS = 8;

/** Heights of the charts inside `el` (outermost SVGs only: a heat map's overlay, not its marks). */
function chartHeight(el: HTMLElement): number {
  let sum = 0;
  for (const svg of el.querySelectorAll('svg.chart-svg'))
    if (!svg.parentElement?.closest('svg')) sum += svg.getBoundingClientRect().height;
  return sum;
}

/**
 * The factor on the charts' heights that makes the element behind `ref` end on the first screen
 * (its bottom at most the window's height from the top of the page), 1 when it already does. It
 * is measured, not computed: a panel's text wraps differently at every width and type size, and
 * its charts are all that can give. Re-measured when the element or the window changes size. On
 * a phone (`active` false) nothing is fitted: the page scrolls there, and the charts keep height.
 */
export function useFitCharts(ref: RefObject<HTMLElement | null>, active: boolean): number {
  const [scale, setScale] = useState(1);
  const current = useRef(1);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !active || typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    let steps = 0;
    let last = 0;
    const fit = () => {
      const now = performance.now();
      // A change a second after the last adjustment is new (data arrived, a window resize).
      if (now - last > 1000) steps = 0;
      const over =
        el.getBoundingClientRect().bottom + window.scrollY - window.innerHeight + BOTTOM_GAP;
      const charts = chartHeight(el);
      if (charts <= 0) return;
      // Shrink whenever it overflows; grow back only with room to spare (no flicker at the edge),
      // and only MAX_STEPS times in a row: a chart whose height does not follow the scale could
      // otherwise swing between the two. Shrinking is never capped, so fitting ends on the screen.
      if (over < 1 && (over > -12 || steps >= MAX_STEPS)) return;
      const s = current.current;
      const next = Math.min(1, Math.max(MIN_SCALE, (s * (charts - over)) / charts));
      if (Math.abs(next - s) < 0.005) return;
      steps += 1;
      last = now;
      current.current = next;
      setScale(next);
    };
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fit);
    };
    const ro = new ResizeObserver(schedule);
    ro.observe(el);
    // What is above it moves it without resizing it (a notice, the comparison's bar, the header).
    ro.observe(document.body);
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      window.removeEventListener('resize', schedule);
    };
  }, [ref, active]);
  return active ? scale : 1;
}
