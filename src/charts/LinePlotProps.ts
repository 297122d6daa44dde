/** Props and data shapes of LinePlot (kept apart so the component file stays short). */
import type { Domain } from './scales';

/** A vertical marker at a data x: a full-height line (truncation cut) or a tick on the x axis. */
export interface LineMarker {
  /** Position in x data units. */
  x: number;
  /** Short label (drawn for 'line', used as the tooltip for both). */
  label?: string;
  /** 'line' = dashed full-height line; 'tick' = small triangle under the axis (default 'line'). */
  kind?: 'line' | 'tick';
}

/** A dashed horizontal line at a data y, e.g. the chance-level loss. */
export interface HLine {
  /** Position in y data units. */
  y: number;
  /** Label drawn at the right end. */
  label?: string;
}

/** A further named series drawn on the same axes. */
export interface ExtraSeries {
  /** y per index (same x as the main series). */
  y: Float64Array;
  /** Legend name, e.g. "‖∂L/∂cₜ‖". */
  label: string;
  /** Stroke colour (CSS). */
  color: string;
  /** Dashed stroke. */
  dashed?: boolean;
}

/** Props of {@link LinePlot}. */
export interface LinePlotProps {
  /** Main series, y per index. Zeros (on a log axis), NaN and ±Infinity break the line. */
  y: Float64Array;
  /** x per index; when omitted x = xStart + index. */
  x?: Float64Array | null;
  /** x of index 0 when `x` is omitted (default 0; use 1 for time steps t = 1…T). */
  xStart?: number;
  /** Number of leading points to draw (default y.length), for preallocated buffers. */
  count?: number;
  /** Earlier series, oldest first, drawn faint with opacity rising towards the newest. */
  trail?: readonly Float64Array[];
  /** Dashed reference series on the same x (e.g. ρ^(T−t)·‖dL/dh_T‖). */
  reference?: Float64Array | null;
  /** Draw the reference over the main series (an exact one then shows as dashes on the curve). */
  referenceOnTop?: boolean;
  /** Further named series on the same axes, e.g. ‖∂L/∂cₜ‖ beside ‖∂L/∂hₜ‖. */
  series?: readonly ExtraSeries[];
  /** Dashed horizontal reference lines (e.g. chance-level loss). */
  hlines?: readonly HLine[];
  /** Vertical markers: truncation cut lines, clipped-iteration ticks. */
  markers?: readonly LineMarker[];
  /** Log-scaled y axis. */
  logY?: boolean;
  /**
   * On a log axis, mark where the main series leaves it: exact zeros in a lane labelled 0 under
   * the axis, the largest value above and the smallest below the domain at its edge with their
   * true values (charts/edges.ts).
   */
  markEdges?: boolean;
  /** x domain; default: the data extent. */
  xDomain?: Domain;
  /** y domain (pass a sticky one from scales.ts); default: computed from this frame's data. */
  yDomain?: Domain;
  /** Plot height in px including axes (default 260). */
  height?: number;
  /** Fixed width in px; default: the container width (ResizeObserver). */
  width?: number;
  /** x axis title, e.g. "time step t". */
  xLabel?: string;
  /** y axis title, e.g. "‖∂L/∂hₜ‖ (log scale)". */
  yLabel?: string;
  /** Legend name of the main series. */
  seriesLabel?: string;
  /** Legend name of the reference series. */
  referenceLabel?: string;
  /** Legend name of the trail (default "earlier iterations"). */
  trailLabel?: string;
  /** Main series colour (default var(--accent)). */
  color?: string;
  /** x of a highlighted step (vertical guide), e.g. the focused belt step. */
  highlightX?: number | null;
  /** Large-type factor: scales margins to fit bigger labels (default 1). */
  fontScale?: number;
  /** Only integer x ticks (default true). */
  integerX?: boolean;
  /** Name of x in the hover readout (default "t"). */
  xName?: string;
  /** Called with the data x under the pointer (nearest point), or null on leave. */
  onHoverX?: (x: number | null) => void;
  /** Accessible name of the SVG (the chart title). */
  ariaLabel: string;
}
