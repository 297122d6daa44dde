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
  /** Hash of that iteration's batch (engine/batchHash.ts): equal across compared runs. */
  readonly hashes: Float64Array;
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
  hashes: new Float64Array(0),
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
  'itersSince' | 'lossesSince' | 'normsSince' | 'clippedSince' | 'accuraciesSince' | 'hashesSince'
>;
export function appendLoss(prev: LossHistory, s: LossPart, cap = LOSS_CAP): LossHistory {
  let { iters, losses, norms, clipped, accuracies, hashes, stride, seen } = prev;
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
  const nh = new Float64Array(n);
  ni.set(iters);
  nl.set(losses);
  nn.set(norms);
  nc.set(clipped);
  na.set(accuracies);
  nh.set(hashes);
  add.forEach((k, j) => {
    const at = losses.length + j;
    ni[at] = s.itersSince[k] as number;
    nl[at] = s.lossesSince[k] as number;
    nn[at] = s.normsSince[k] as number;
    nc[at] = s.clippedSince[k] as number;
    na[at] = s.accuraciesSince[k] ?? NaN;
    nh[at] = s.hashesSince[k] ?? 0;
  });
  iters = ni;
  losses = nl;
  norms = nn;
  clipped = nc;
  accuracies = na;
  hashes = nh;
  while (losses.length > cap) {
    iters = halve(iters);
    losses = halve(losses);
    norms = halve(norms);
    clipped = halve(clipped);
    accuracies = halve(accuracies);
    hashes = halve(hashes);
    stride *= 2;
  }
  return { iters, losses, norms, clipped, accuracies, hashes, stride, seen };
}

/**
 * ‖dL/dh_t‖ per snapshot for the iteration × time heatmap: a ring of `cap` rows of T values written
 * in place, which the heatmap draws as it is (rowStart/rowCount). Copying every row into a fresh
 * cap × T grid on each store write cost 1.2 ms CPU and 1.3 MB of garbage per write at T = 1000,
 * the ring write 0.01 ms (bench/history-timing.ts). The ring is the one mutable array the store
 * publishes: `version` changes with every write, and only the newest history may be read.
 */
export interface GradHistory {
  readonly ring: Float64Array;
  /** Row length (time steps); 0 before the first row. */
  readonly T: number;
  /** Rows the ring holds. */
  readonly cap: number;
  /** Physical row of the oldest kept row, and how many rows are kept. */
  readonly start: number;
  readonly count: number;
  /** Changes with every write into `ring`. */
  readonly version: number;
  /** Iteration of each kept row, oldest first. */
  readonly iters: readonly number[];
  /** Whether clipping fired at any iteration the row stands for. */
  readonly clipped: readonly boolean[];
  /** The newest rows (at most TRAIL), oldest first: the snapshots' own arrays. */
  readonly recent: readonly Float64Array[];
  /** Smallest and largest positive finite value written since the history began (colour scale). */
  readonly lo: number;
  readonly hi: number;
}

export const EMPTY_GRAD: GradHistory = {
  ring: new Float64Array(0),
  T: 0,
  cap: 0,
  start: 0,
  count: 0,
  version: 0,
  iters: [],
  clipped: [],
  recent: [],
  lo: Infinity,
  hi: -Infinity,
};

export function appendGrad(
  prev: GradHistory,
  s: Pick<Snapshot, 'dhNorm' | 'iteration' | 'clippedSince' | 'clipped'>,
  cap = HEAT_ROWS,
): GradHistory {
  const row = s.dhNorm;
  const T = row.length;
  // A new row length (or the empty history) starts a fresh ring; EMPTY_GRAD is never written.
  const h: GradHistory =
    prev.T === T && prev.cap === cap && prev.ring.length === cap * T
      ? prev
      : { ...EMPTY_GRAD, ring: new Float64Array(cap * T), T, cap };
  let lo = h.lo;
  let hi = h.hi;
  for (let t = 0; t < T; t++) {
    const v = row[t] as number;
    if (v > 0 && v < Infinity) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const newest = h.iters[h.iters.length - 1];
  if (h.count > 0 && newest === s.iteration) {
    // Same iteration re-traced (a slider moved while paused): replace the row, don't add one.
    h.ring.set(row, ((h.start + h.count - 1) % cap) * T);
    return { ...h, version: h.version + 1, recent: [...h.recent.slice(0, -1), row], lo, hi };
  }
  const full = h.count === cap;
  const start = full ? (h.start + 1) % cap : h.start;
  const count = full ? cap : h.count + 1;
  h.ring.set(row, ((start + count - 1) % cap) * T);
  const clipped = s.clipped || s.clippedSince.some((c) => c === 1);
  return {
    ...h,
    start,
    count,
    version: h.version + 1,
    iters: [...h.iters.slice(full ? 1 : 0), s.iteration],
    clipped: [...h.clipped.slice(full ? 1 : 0), clipped],
    recent: [...h.recent.slice(1 - TRAIL), row],
    lo,
    hi,
  };
}

/** Row k (0 = oldest kept) of the history, a view into the ring. */
export function gradRow(g: GradHistory, k: number): Float64Array {
  const phys = (g.start + k) % g.cap;
  return g.ring.subarray(phys * g.T, (phys + 1) * g.T);
}
