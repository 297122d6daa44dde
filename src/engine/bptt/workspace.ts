/**
 * Preallocated buffers for one (model spec, T, B). Everything a forward+backward pass touches lives
 * here, so the time loop allocates nothing. The public face is `Workspace`; the caches are internal
 * to the engine (cells and the BPTT driver).
 */
import { allocate } from '../wasm/arena';
import type { CellKind, ModelSpec, Trace } from '../types';

export interface Workspace {
  readonly spec: ModelSpec;
  /** Sequence length. */
  readonly T: number;
  /** Batch size. */
  readonly B: number;
  /** Results of the latest pass; overwritten by the next one. */
  readonly trace: Trace;
}

/** Engine-internal view of a workspace. Layouts: [T][B][·] means step t at offset (t−1)·B·(·). */
export interface WorkspaceInternal extends Workspace {
  readonly cell: CellKind;
  /** True when the cell has the holdForget teaching override (RunOptions.holdForget applies). */
  readonly holds: boolean;
  readonly I: number;
  readonly H: number;
  readonly O: number;
  /** Gate rows G·H. */
  readonly GH: number;
  /**
   * Steps per weight-gradient chunk: the backward pass folds dW in every `chunk` steps, so the
   * pre-activation gradients only need chunk·B rows, not T·B.
   */
  readonly chunk: number;
  /** GRU scratch: W_hh·h_{t−1} + b_hh for the current step, [B][G·H]. */
  readonly hh: Float64Array;
  /** GRU: W_hn·h_{t−1} + b_hn, kept for the backward pass, [T][B][H]. */
  readonly hn: Float64Array;
  /** LSTM: tanh(c_t), [T][B][H]. */
  readonly tanhC: Float64Array;
  /** dL/d(pre-activation) on the input side for the steps of the current chunk, [chunk][B][G·H]. */
  readonly dA: Float64Array;
  /** Same on the recurrent side (differs from dA only for GRU's n rows, scaled by r). */
  readonly dAhh: Float64Array;
  /** dL/dŷ, [T][B][O] (zero at steps the loss does not score). */
  readonly dY: Float64Array;
  /** W_hhᵀ, [H][G·H], so dL/dh_{t−1} is a product in dot-product order. */
  readonly whhT: Float64Array;
  /** readout.weightᵀ, [H][O]. */
  readonly woutT: Float64Array;
  /** LSTM: f_{t+1} ⊙ dL/dc_{t+1} while walking back, [B][H]. */
  readonly dcCarry: Float64Array;
  /** Combined bias for the input projection, [G·H]. */
  readonly bias: Float64Array;
  /**
   * True when W_ih and W_hh act as one matrix [W_ih | W_hh] on the row [x_t, h_{t−1}] (all cells
   * but the GRU, whose recurrent n rows are scaled by r): one product per step with I + H terms
   * instead of a thin input product, and one weight-gradient product per chunk.
   */
  readonly fused: boolean;
  /** Row length I + H of the fused operand. */
  readonly K: number;
  /** Fused rows [x_t, h_{t−1}]: the current step's B rows going forward, the chunk's going back. */
  readonly xh: Float64Array;
  /** [W_ih | W_hh], [G·H][I + H]. */
  readonly wcat: Float64Array;
  /**
   * [dW_ih | dW_hh] summed over chunks in the arena (every cell), split into the parameters'
   * gradients at the end, [G·H][I + H].
   */
  readonly dWcat: Float64Array;
  /** GRU: copies of W_hh, [G·H][H], and of the batch's inputs, [T][B][I], beside the other buffers. */
  readonly whh: Float64Array;
  readonly inputs: Float64Array;
}

export function checkDim(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1)
    throw new RangeError(`${name} must be a positive integer, got ${v}`);
}

/** T, B and the three sizes every model has (both drivers' workspaces check these). */
export function checkWorkspaceDims(
  spec: Pick<ModelSpec, 'inputSize' | 'hiddenSize' | 'outputSize'>,
  T: number,
  B: number,
): void {
  checkDim('T', T);
  checkDim('B', B);
  checkDim('inputSize', spec.inputSize);
  checkDim('hiddenSize', spec.hiddenSize);
  checkDim('outputSize', spec.outputSize);
}

/** What the classic driver needs to know of a cell, from its descriptor (cells/registry.ts). */
export interface ClassicCell {
  /** Gate blocks G and whether W_ih and W_hh fuse (the cell's CellKernel). */
  readonly G: number;
  readonly fused: boolean;
  /** Traces a cell state c and dL/dc (CellInfo.cellState). */
  readonly cellState: boolean;
  /** Traces gate blocks (CellInfo.gates is not empty). */
  readonly gates: boolean;
  /** Has the holdForget override (CellInfo.controls). */
  readonly holds: boolean;
}

/**
 * Buffers for one (spec, T, B) of a classic cell. `chunkRows` (default 256) sets how many T·B rows
 * the backward pass gathers before folding them into the weight gradients; tests lower it to
 * exercise many chunks.
 */
export function createClassicWorkspace(
  spec: ModelSpec,
  T: number,
  B: number,
  c: ClassicCell,
  opts: { chunkRows?: number } = {},
): Workspace {
  checkWorkspaceDims(spec, T, B);
  const { cell, inputSize: I, hiddenSize: H, outputSize: O } = spec;
  const GH = c.G * H;
  const TB = T * B;
  // A cell-state belt (the LSTM's), and a recurrent product of its own (the GRU's r ⊙ (W_hn h + b_hn)).
  const belt = c.cellState;
  const split = !c.fused;
  const hasGates = c.gates;
  // About 256 rows per chunk keeps the dW products long enough to run at full speed.
  const chunk = Math.min(T, Math.max(1, Math.ceil((opts.chunkRows ?? 256) / B)));
  const CB = chunk * B;
  const K = I + H;
  // One allocation for everything, so the products can run in one arena's SIMD kernels.
  const m = allocate({
    h: (T + 1) * B * H,
    c: belt ? (T + 1) * B * H : 0,
    gates: hasGates ? TB * GH : 0,
    outputs: TB * O,
    dh: TB * H,
    dc: belt ? TB * H : 0,
    dhNorm: T,
    dcNorm: belt ? T : 0,
    dh0: B * H,
    dc0: belt ? B * H : 0,
    hh: split ? B * GH : 0,
    hn: split ? TB * H : 0,
    tanhC: belt ? TB * H : 0,
    dA: CB * GH,
    dAhh: split ? CB * GH : 0,
    dY: TB * O,
    whhT: H * GH,
    woutT: H * O,
    dcCarry: belt ? B * H : 0,
    bias: GH,
    xh: split ? 0 : CB * K,
    wcat: split ? 0 : GH * K,
    dWcat: GH * K,
    whh: split ? GH * H : 0,
    inputs: split ? TB * I : 0,
  });
  const trace: Trace = {
    cell,
    T,
    B,
    H,
    S: H,
    O,
    loss: 0,
    h: m.h,
    c: belt ? m.c : null,
    gates: hasGates ? m.gates : null,
    outputs: m.outputs,
    dh: m.dh,
    dc: belt ? m.dc : null,
    dhNorm: m.dhNorm,
    dcNorm: belt ? m.dcNorm : null,
    dh0: m.dh0,
    dc0: belt ? m.dc0 : null,
    nonFinite: null,
  };
  const ws: WorkspaceInternal = {
    spec: { ...spec },
    T,
    B,
    trace,
    cell,
    holds: c.holds,
    I,
    H,
    O,
    GH,
    chunk,
    hh: m.hh,
    hn: m.hn,
    tanhC: m.tanhC,
    dA: m.dA,
    dAhh: split ? m.dAhh : m.dA,
    dY: m.dY,
    whhT: m.whhT,
    woutT: m.woutT,
    dcCarry: m.dcCarry,
    bias: m.bias,
    fused: !split,
    K,
    xh: m.xh,
    wcat: m.wcat,
    dWcat: m.dWcat,
    whh: m.whh,
    inputs: m.inputs,
  };
  return ws;
}

/** The internal view of a workspace made by createClassicWorkspace. */
export function internals(ws: Workspace): WorkspaceInternal {
  if (!('dcCarry' in ws)) throw new TypeError('workspace was not made for a classic cell');
  return ws as WorkspaceInternal;
}
