/**
 * Where a log plot's main series leaves its axis, so nothing is dropped without a mark: exact zeros
 * (a log axis has no place for them; LinePlot draws them in a lane under the axis) and values above
 * or below the domain (marked at the edge with their true value). Pure, for the SVG in
 * LineEdges.tsx and for tests.
 */
import type { Domain } from './scales';

/** The most extreme point on one side of the domain, and how many points lie on that side. */
export interface OffScale {
  /** Index of the extreme point. */
  readonly i: number;
  /** Its true value (+Infinity prints as "overflow"). */
  readonly v: number;
  /** Points on this side of the domain. */
  readonly count: number;
}

export interface Edges {
  readonly above: OffScale | null;
  readonly below: OffScale | null;
  /** At least one point is exactly 0. */
  readonly zeros: boolean;
}

/**
 * The first n points of `y` against a log domain: the largest point above it, the smallest
 * positive point below it, and whether any point is exactly 0. NaN and negative values are no
 * point of a norm and are left out.
 */
export function logEdges(y: ArrayLike<number>, n: number, domain: Domain): Edges {
  let above: { i: number; v: number; count: number } | null = null;
  let below: { i: number; v: number; count: number } | null = null;
  let zeros = false;
  for (let i = 0; i < n; i++) {
    const v = y[i] as number;
    if (v === 0) zeros = true;
    else if (v > domain[1]) {
      if (above === null) above = { i, v, count: 1 };
      else {
        above.count++;
        if (v > above.v) [above.i, above.v] = [i, v];
      }
    } else if (v > 0 && v < domain[0]) {
      if (below === null) below = { i, v, count: 1 };
      else {
        below.count++;
        if (v < below.v) [below.i, below.v] = [i, v];
      }
    }
  }
  return { above, below, zeros };
}
