import type { Snapshot } from '../worker/protocol';

/**
 * Training history kept for the loss chart and the gradient heatmap. Bounded so an hour of training
 * keeps memory flat: the loss series halves its resolution (keeps every other point) when it reaches
 * `LOSS_CAP`; the heatmap keeps the newest `HEAT_ROWS` snapshots. Every append returns a new object
 * with fresh arrays (published data is never mutated).
 */
export const LOSS_CAP = 4096;
export const HEAT_ROWS = 160;
export const TRAIL = 8;

export interface LossHistory {
  /** Iteration of each point. */
  readonly iters: Float64Array;
  readonly losses: Float64Array;
  /** Pre-clip global gradient norm of each point. */
  readonly norms: Float64Array;
  /** 1 where clipping fired at that point. */
  readonly clipped: Uint8Array;
  /** Accuracy on that iteration's batch (0…1), NaN for regression tasks. */
  readonly accuracies: Float64Array;
  /** Keep one point in `stride` (doubles on each downsample). */
  readonly stride: number;
  /** Finite points seen in all; one is kept when seen % stride = 0, so the grid stays regular. */
  readonly seen: number;
}

export const EMPTY_LOSS: LossHistory = {
  iters: new Float64Array(0),
  losses: new Float64Array(0),
  norms: new Float64Array(0),
  clipped: new Uint8Array(0),
  accuracies: new Float64Array(0),
  stride: 1,
  seen: 0,
};

function halve<A extends Float64Array | Uint8Array>(a: A): A {
  const out = new (a.constructor as { new (n: number): A })(Math.ceil(a.length / 2));
  for (let k = 0; k < out.length; k++) out[k] = a[2 * k] as number;
  return out;
}

/** Appends the iterations a snapshot carries; non-finite losses are skipped, never drawn. */
type LossPart = Pick<
  Snapshot,
  'itersSince' | 'lossesSince' | 'normsSince' | 'clippedSince' | 'accuraciesSince'
>;
export function appendLoss(prev: LossHistory, s: LossPart, cap = LOSS_CAP): LossHistory {
  let { iters, losses, norms, clipped, accuracies, stride, seen } = prev;
  const add: number[] = [];
  for (let k = 0; k < s.lossesSince.length; k++) {
    const loss = s.lossesSince[k] as number;
    if (!Number.isFinite(loss)) continue;
    if (seen % stride === 0) add.push(k);
    seen++;
  }
  if (add.length === 0) return { ...prev, seen };
  const n = losses.length + add.length;
  const ni = new Float64Array(n),
    nl = new Float64Array(n),
    nn = new Float64Array(n),
    nc = new Uint8Array(n);
  const na = new Float64Array(n);
  ni.set(iters);
  nl.set(losses);
  nn.set(norms);
  nc.set(clipped);
  na.set(accuracies);
  add.forEach((k, j) => {
    const at = losses.length + j;
    ni[at] = s.itersSince[k] as number;
    nl[at] = s.lossesSince[k] as number;
    nn[at] = s.normsSince[k] as number;
    nc[at] = s.clippedSince[k] as number;
    na[at] = s.accuraciesSince[k] ?? NaN;
  });
  iters = ni;
  losses = nl;
  norms = nn;
  clipped = nc;
  accuracies = na;
  while (losses.length > cap) {
    iters = halve(iters);
    losses = halve(losses);
    norms = halve(norms);
    clipped = halve(clipped);
    accuracies = halve(accuracies);
    stride *= 2;
  }
  return { iters, losses, norms, clipped, accuracies, stride, seen };
}

/** Rows of ‖dL/dh_t‖ per snapshot for the iteration × time heatmap, newest last. */
export interface GradHistory {
  readonly rows: readonly Float64Array[];
  readonly iters: readonly number[];
  /** Whether clipping fired at any iteration the row stands for. */
  readonly clipped: readonly boolean[];
}

export const EMPTY_GRAD: GradHistory = { rows: [], iters: [], clipped: [] };

export function appendGrad(
  prev: GradHistory,
  s: Pick<Snapshot, 'dhNorm' | 'iteration' | 'clippedSince' | 'clipped'>,
  cap = HEAT_ROWS,
): GradHistory {
  const last = prev.iters[prev.iters.length - 1];
  if (last === s.iteration && prev.rows.length > 0) {
    // Same iteration re-traced (a slider moved while paused): replace the row, don't add one.
    return {
      rows: [...prev.rows.slice(0, -1), s.dhNorm],
      iters: prev.iters,
      clipped: prev.clipped,
    };
  }
  const clipped = s.clipped || s.clippedSince.some((c) => c === 1);
  const from = Math.max(0, prev.rows.length + 1 - cap);
  return {
    rows: [...prev.rows.slice(from), s.dhNorm],
    iters: [...prev.iters.slice(from), s.iteration],
    clipped: [...prev.clipped.slice(from), clipped],
  };
}
