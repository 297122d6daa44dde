/** The rglru cell's workspace: the shared family buffers and its own, in one arena (see index.ts for the math). */
import { familyBase, familyBuffers, checkDims } from '../../family/workspace';
import type { Layout } from '../../family/workspace';
import type { FamilyDims, FamilyWorkspace } from '../../family/types';

export interface RglruWorkspace extends FamilyWorkspace {
  /** W_in [H][I] and [W_a; W_x] [2H][H] in the arena, and [W_a; W_x]ᵀ [H][2H]. */
  readonly win: Float64Array;
  readonly wg: Float64Array;
  readonly wgT: Float64Array;
  /** x̃_t, [T][B][H]. */
  readonly xt: Float64Array;
  /** [r_t | i_t] per row, [T][B][2H]. */
  readonly gates: Float64Array;
  /** a_t and √(1 − a_t²), [T][B][H]. */
  readonly a: Float64Array;
  readonly mult: Float64Array;
  /** softplus(Λ) and Σ ∂L/∂softplus(Λ), [H]. */
  readonly sp: Float64Array;
  readonly dsp: Float64Array;
  /** ∂L/∂ of the gate pre-activations [T][B][2H], and ∂L/∂x̃_t [T][B][H]. */
  readonly dG: Float64Array;
  readonly dxt: Float64Array;
  /** Weight gradients summed in the arena: [H][I] and [2H][H]. */
  readonly dwin: Float64Array;
  readonly dwg: Float64Array;
}

function layout(d: FamilyDims, B: number): Layout {
  const H = d.hiddenSize;
  return { F: H, S: H, stateLead: B * H, yIsState: true, takesH0: true };
}

export function createRglruWorkspace(d: FamilyDims, T: number, B: number): RglruWorkspace {
  checkDims(d, T, B, false);
  const { inputSize: I, hiddenSize: H } = d;
  const TB = T * B;
  const L = layout(d, B);
  const m = familyBuffers(d, T, B, L, {
    win: H * I,
    wg: 2 * H * H,
    wgT: 2 * H * H,
    xt: TB * H,
    gates: TB * 2 * H,
    a: TB * H,
    mult: TB * H,
    sp: H,
    dsp: H,
    dG: TB * 2 * H,
    dxt: TB * H,
    dwin: H * I,
    dwg: 2 * H * H,
  });
  const gates = {
    a: { data: m.a, off: 0, stride: H },
    r: { data: m.gates, off: 0, stride: 2 * H },
    i: { data: m.gates, off: H, stride: 2 * H },
  };
  const { win, wg, wgT, xt, a, mult, sp, dsp, dG, dxt, dwin, dwg } = m;
  return {
    ...familyBase('rglru', d, T, B, L, m, gates, null),
    ...{ win, wg, wgT, xt, gates: m.gates, a, mult, sp, dsp, dG, dxt, dwin, dwg },
  };
}
