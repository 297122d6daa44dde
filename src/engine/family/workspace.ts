/**
 * One arena per (family, sizes, T, B): the shared buffers (inputs, traced state and its gradient,
 * readout) and the cell's own, allocated together so every product runs in the same WebAssembly
 * SIMD kernels (wasm/arena.ts). Nothing is allocated in the time loop.
 */
import { checkDim, checkWorkspaceDims } from '../bptt/workspace';
import { allocate } from '../wasm/arena';
import type { FamilyDims, FamilyId, FamilyWorkspace, GateView } from './types';

type Common =
  | 'inputs'
  | 'outputs'
  | 'dY'
  | 'wout'
  | 'woutT'
  | 'state'
  | 'dState'
  | 'dStateNorm'
  | 'dState0'
  | 'y'
  | 'dy';

export interface Layout {
  /** Readout input width F. */
  readonly F: number;
  /** Traced state width S per (t, b). */
  readonly S: number;
  /**
   * Entries stored before step 1's state: B·S for every family (RG-LRU keeps h_0 there; the
   * others leave zeros), so the registry's trace.h ([(T+1)][B][S], h_0 first) is this very buffer.
   */
  readonly stateLead: number;
  /** True when y_t is the traced state itself (lru, rglru): no separate y and dL/dy buffers. */
  readonly yIsState: boolean;
  /** True when the cell takes h_0 (dL/dh_0 is recorded). */
  readonly takesH0: boolean;
}

export function checkDims(d: FamilyDims, T: number, B: number, needsN: boolean): void {
  checkWorkspaceDims(d, T, B);
  if (needsN) checkDim('stateSize', d.stateSize);
}

/** The shared buffers and the cell's `extra` ones, zero-filled, in one arena. */
export function familyBuffers<K extends string>(
  d: FamilyDims,
  T: number,
  B: number,
  L: Layout,
  extra: Record<K, number>,
): Record<K | Common, Float64Array> {
  const TB = T * B;
  const { inputSize: I, outputSize: O, hiddenSize: H } = d;
  const common: Record<Common, number> = {
    inputs: TB * I,
    outputs: TB * O,
    dY: TB * O,
    wout: O * L.F,
    woutT: O * L.F,
    state: L.stateLead + TB * L.S,
    dState: TB * L.S,
    dStateNorm: T,
    dState0: L.takesH0 ? B * H : 0,
    y: L.yIsState ? 0 : TB * L.F,
    dy: L.yIsState ? 0 : TB * L.F,
  };
  return allocate({ ...common, ...extra } as Record<K | Common, number>);
}

/** The FamilyWorkspace fields (with a fresh trace) over buffers made by familyBuffers. */
export function familyBase(
  id: FamilyId,
  d: FamilyDims,
  T: number,
  B: number,
  L: Layout,
  m: Record<Common, Float64Array>,
  gates: Record<string, GateView>,
  attention: Float64Array | null,
): FamilyWorkspace {
  const { inputSize: I, hiddenSize: H, outputSize: O } = d;
  return {
    dims: { ...d },
    id,
    T,
    B,
    I,
    H,
    O,
    F: L.F,
    inputs: m.inputs,
    x: m.state.subarray(L.stateLead),
    y: L.yIsState ? m.state : m.y,
    yOff: L.yIsState ? L.stateLead : 0,
    dy: L.yIsState ? m.dState : m.dy,
    dY: m.dY,
    wout: m.wout,
    woutT: m.woutT,
    trace: {
      id,
      T,
      B,
      H,
      O,
      S: L.S,
      loss: 0,
      state: m.state,
      stateOff: L.stateLead,
      dState: m.dState,
      dStateNorm: m.dStateNorm,
      dState0: L.takesH0 ? m.dState0 : null,
      gates,
      attention,
      outputs: m.outputs,
      nonFinite: null,
    },
  };
}
