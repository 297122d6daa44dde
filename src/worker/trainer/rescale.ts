/**
 * The ρ slider: rescales each gate block of W_hh to a spectral radius and remembers what it did, so
 * that moving it again before anything else changed W_hh needs no eigen-decomposition (each block's
 * ρ is known), and a snapshot can scale the spectrum it already has instead of recomputing it
 * (eigenvalues and singular values scale with the matrix). At H = 64 that is two 64×64
 * decompositions per move for the rescale plus one more and an SVD for the spectrum, saved.
 */
import {
  scaleRecurrentBlocks,
  setModelSpectralRadius,
  type ParamSource,
} from '../../engine/spectrum';

/** Rescales kept at most (a long drag while paused); the oldest are dropped. */
const MAX_CHAIN = 256;

export interface RhoRescaler {
  /**
   * Scale every block of W_hh to spectral radius `rho`. `whh` is W_hh's version before; the caller
   * numbers the result `whh + 1`. `known`: each block's ρ at version `whh` when the caller has
   * measured it (the snapshot's spectrum), saving the decompositions of a first move. Returns each
   * block's ρ after (null when W_hh is not finite).
   */
  apply(
    model: ParamSource,
    rho: number,
    whh: number,
    known?: readonly number[] | null,
  ): number[] | null;
  /**
   * Per-block factors by which W_hh was scaled from version `since` to version `now`, when nothing
   * but rescales changed it in between; else null.
   */
  scaleSince(since: number, now: number): number[] | null;
  /**
   * Per-block factors from version `since` to version `to` (both at or before the latest rescale),
   * when nothing but rescales made the versions between; else null. Unlike scaleSince, training
   * after `to` does not matter: it answers how one setting of W_hh relates to an earlier one.
   */
  scaleBetween(since: number, to: number): number[] | null;
}

/** Per-block factors from version `since` to version `to` of W_hh, when only rescales lie between. */
function between(
  base: number,
  chain: readonly { to: number; factors: number[] }[],
  since: number,
  to: number,
): number[] | null {
  const last = chain[chain.length - 1];
  // The chain is contiguous: entry k made version base + k + 1 from the one before.
  if (last === undefined || since < base || to > last.to || since > to) return null;
  const f = last.factors.map(() => 1);
  for (const r of chain) if (r.to > since && r.to <= to) r.factors.forEach((x, g) => (f[g]! *= x));
  return f;
}

export function createRhoRescaler(): RhoRescaler {
  /** W_hh version the chain starts from, and each rescale since: the version it made, its factors, ρ after. */
  let base = -1;
  let chain: { to: number; factors: number[]; rho: number[] }[] = [];

  return {
    apply(model, rho, whh, known = null) {
      const last = chain[chain.length - 1];
      const before = last !== undefined && last.to === whh ? last.rho : known;
      let factors: number[];
      let after: number[];
      if (before !== null) {
        factors = before.map((r) => (r === 0 ? 1 : rho / r));
        scaleRecurrentBlocks(model, factors);
        after = before.map((r, g) => r * factors[g]!);
        if (before === known) [chain, base] = [[], whh];
      } else {
        const blocks = setModelSpectralRadius(model, rho);
        factors = blocks.map((r) => (r.zero ? 1 : rho / r.before));
        after = blocks.map((r) => r.after);
        chain = [];
        base = whh;
      }
      if (!factors.every(Number.isFinite) || !after.every(Number.isFinite)) {
        chain = []; // a non-finite W_hh: nothing to reuse
        return null;
      }
      chain.push({ to: whh + 1, factors, rho: after });
      if (chain.length > MAX_CHAIN) base = chain.shift()!.to;
      return after;
    },

    scaleSince(since, now) {
      const last = chain[chain.length - 1];
      if (last === undefined || last.to !== now || since >= now) return null;
      return between(base, chain, since, now);
    },

    scaleBetween(since, to) {
      return between(base, chain, since, to);
    },
  };
}
