/**
 * ∂L/∂θ of a recurrent parameter θ, split into one term per step. Unrolled, every step t uses its
 * own copy θ⁽ᵗ⁾ of the shared parameter, and ∂L/∂θ = Σ_t ∂L/∂θ⁽ᵗ⁾. For the classic cells θ is
 * W_hh and the term of step t is
 *   C_t = Σ_b δ_t[b] h_{t−1}[b]ᵀ,   δ_t = ∂L/∂(W_hh h_{t−1}) (B rows of the G·H pre-activations),
 * read from the driver's own buffers while the backward pass walks back (BackwardHooks), so the
 * terms are the very numbers the driver folds into ∂L/∂W_hh, only grouped by step. Pascanu et al.
 * (2013) write the same sum to show that the long-range terms vanish beside the short-range ones.
 */
import { CLASSIC_PARAM } from '../cells/classic';
import { createWorkspace, forwardBackward } from '../bptt';
import type { RunOptions } from '../bptt';
import type { WorkspaceInternal } from '../bptt/workspace';
import { internals } from '../bptt/workspace';
import { gemmTN, norm2 } from '../linalg';
import { allocate } from '../wasm/arena';
import type { Model } from '../model';
import type { Batch, Trace } from '../types';
import type { ParamTerms } from './types';

export type { ParamTerms } from './types';

/** A pass's trace with its per-step terms; the model's param.dw hold the pass's gradients. */
export interface StepTermsResult {
  readonly trace: Trace;
  /** The classic driver's workspace internals (ws.dY holds ∂L/∂ŷ of the pass). */
  readonly ws: WorkspaceInternal;
  readonly terms: readonly ParamTerms[];
}

/**
 * Runs forward and backward on a fresh workspace of a classic cell and returns the trace with the
 * per-step terms of ∂L/∂W_hh. Overwrites model's param.dw (the pass's gradients).
 */
export function classicStepTerms(
  model: Model,
  batch: Batch,
  opts: RunOptions,
  gateNames: readonly string[],
): StepTermsResult {
  const { T, B } = batch;
  const ws = internals(createWorkspace(model.spec, T, B));
  const { H, GH } = ws;
  const G = GH / H;
  const blocks = G > 1 ? gateNames.slice(0, G) : [];
  const norms = new Float64Array(T);
  const partial = new Float64Array(T);
  const blockNorms = new Float64Array(blocks.length * T);
  // The step's rows, its term and the running sum in one arena, so the products run in the SIMD
  // kernels (gemmTN), which also accumulate: sum += C_t is the same addition as adding C_t.
  const { d, h, C, sum } = allocate({ d: B * GH, h: B * H, C: GH * H, sum: GH * H });
  forwardBackward(model, batch, ws, opts, {
    afterStep(w, t, aOff) {
      d.set(w.dAhh.subarray(aOff, aOff + B * GH));
      const hOff = (t - 1) * B * H;
      h.set(w.trace.h.subarray(hOff, hOff + B * H));
      C.fill(0);
      gemmTN(GH, H, B, d, 0, GH, h, 0, H, C, 0, H);
      gemmTN(GH, H, B, d, 0, GH, h, 0, H, sum, 0, H);
      if (blocks.length > 0)
        for (let g = 0; g < G; g++) blockNorms[(t - 1) * G + g] = norm2(C, g * H * H, H * H);
      norms[t - 1] = norm2(C, 0, GH * H);
      partial[t - 1] = norm2(sum, 0, GH * H);
    },
  });
  return {
    trace: ws.trace,
    ws,
    terms: [
      {
        name: CLASSIC_PARAM.whh,
        rows: GH,
        cols: H,
        norms,
        blocks,
        blockNorms,
        partial,
        sum: sum.slice(),
      },
    ],
  };
}

/** max |a − b| / max |b| (0 when both are zero): how far a sum of terms is from the gradient. */
export function relativeGap(a: Float64Array, b: Float64Array): number {
  let diff = 0;
  let scale = 0;
  for (let k = 0; k < b.length; k++) {
    diff = Math.max(diff, Math.abs(a[k]! - b[k]!));
    scale = Math.max(scale, Math.abs(b[k]!));
  }
  if (scale === 0) return diff === 0 ? 0 : Infinity;
  return diff / scale;
}
