/**
 * The newer sequence families (LRU, RG-LRU, S6, attention; each cell's index.ts states its exact
 * equations and the paper they follow): what a cell provides and what one pass records. Each cell
 * lives in its own folder under engine/cells/<id>/ with its forward and backward side by side;
 * family/run.ts drives any of them with the engine's shared readout (bptt/readout.ts) and losses
 * (loss.ts).
 */
import { FAMILY_CELL_IDS } from '../cells/catalog';
import type { FamilyCellKind } from '../cells/catalog';
import type { ScanPairs } from '../scan/types';
import type { WalkOf } from '../backward/types';
import type { AnyLossKind } from '../types';

/** The registered cells that run on this driver (cells/catalog.ts: family not 'classic'). */
export type FamilyId = FamilyCellKind;
export const FAMILY_IDS: readonly FamilyId[] = FAMILY_CELL_IDS;

export interface FamilyDims {
  /** Input width I of u_t. */
  readonly inputSize: number;
  /** Width H (units; the LRU's complex state has H entries, its readout sees 2H). */
  readonly hiddenSize: number;
  /** Readout outputs O. */
  readonly outputSize: number;
  /** S6's state size N per channel (Mamba's d_state); ignored by the other cells. */
  readonly stateSize: number;
}

/** A named row-major tensor with its gradient, in PyTorch's layout. A vector has cols = 1. */
export interface FamilyParam {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  /** True for a 1-D tensor ([rows]); false for a matrix ([rows][cols]), even with one column. */
  readonly vector: boolean;
  readonly w: Float64Array;
  readonly dw: Float64Array;
}

export interface ParamShape {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  readonly vector: boolean;
}

export interface FamilyModel {
  readonly id: FamilyId;
  readonly dims: FamilyDims;
  /** The cell's parameters in its declared order, then readout.weight [O][F] and readout.bias [O]. */
  readonly params: readonly FamilyParam[];
  param(name: string): FamilyParam;
}

/**
 * A per-step diagonal quantity [T][B][H]: entry (t, b, k) at data[off + (t·B + b)·stride + k].
 * stride 0 means the same H values at every step (the LRU's |λ|).
 */
export interface GateView {
  readonly data: Float64Array;
  readonly off: number;
  readonly stride: number;
}

export interface FamilyNonFinite {
  readonly quantity: 'loss' | 'hidden' | 'dL/dh' | 'gradient';
  /** 1-based time step, or 0 when not tied to a step. */
  readonly step: number;
  readonly param?: string;
}

/** What one pass records. Buffers belong to the workspace and are overwritten by the next pass. */
export interface FamilyTrace {
  readonly id: FamilyId;
  readonly T: number;
  readonly B: number;
  readonly H: number;
  readonly O: number;
  /** Width F′ of the traced state per (t, b): lru 2H, rglru H, s6 H·N, attention H. */
  readonly S: number;
  loss: number;
  /** The traced state [T][B][S] starting at stateOff (lru [Re x; Im x], rglru h, s6 s over (d, n), attention e). */
  readonly state: Float64Array;
  readonly stateOff: number;
  /** Its total derivative dL/d(state_t), [T][B][S]. */
  readonly dState: Float64Array;
  /** Frobenius norm over batch and units of dL/d(state_t), [T]. */
  readonly dStateNorm: Float64Array;
  /** RG-LRU: dL/dh_0, [B][H]; null for the cells that start from zero. */
  readonly dState0: Float64Array | null;
  /** Per-step diagonal decays and gates, by their contract names. */
  readonly gates: Readonly<Record<string, GateView>>;
  /** Attention: α, [B][T][T] with zeros above the diagonal; null for the recurrences. */
  readonly attention: Float64Array | null;
  /** Readout outputs ŷ_t, [T][B][O] (zero at unscored steps for the *_last losses). */
  readonly outputs: Float64Array;
  nonFinite: FamilyNonFinite | null;
}

export interface FamilyRunOptions {
  /** RG-LRU only: initial state h_0, [B][H]; default zeros. */
  h0?: Float64Array;
  /** TBPTT window K for the recurrences (same cut convention as bptt.ts isCut); 0 = full. */
  truncate?: number;
}

/**
 * Test hooks: `afterStep` runs once step t's traced state is written (finite differences perturb
 * it there, or detach it), `beforeOutput` once every state is written and before any is read for
 * the output y_t.
 */
export interface FamilyHooks {
  afterStep?(ws: FamilyWorkspace, t: number): void;
  beforeOutput?(ws: FamilyWorkspace): void;
}

/** The buffers every family shares; a cell's workspace extends this with its own. */
export interface FamilyWorkspace {
  readonly dims: FamilyDims;
  readonly id: FamilyId;
  readonly T: number;
  readonly B: number;
  readonly I: number;
  readonly H: number;
  readonly O: number;
  /** Readout input width F (lru 2H, else H). */
  readonly F: number;
  /** The batch's inputs copied into the arena, [T][B][I]. */
  readonly inputs: Float64Array;
  /** The traced states of steps 1..T, [T][B][S]: a view of trace.state past its h_0 rows. */
  readonly x: Float64Array;
  /** Layer output y_t that the readout reads, [T][B][F] from yOff (may be the state itself). */
  readonly y: Float64Array;
  readonly yOff: number;
  /** dL/dy_t through the readout, [T][B][F] (may be trace.dState: the scan then adds its carry in place). */
  readonly dy: Float64Array;
  /** dL/dŷ, [T][B][O]. */
  readonly dY: Float64Array;
  /** readout.weight copied into the arena, [O][F], and its transpose [F][O]. */
  readonly wout: Float64Array;
  readonly woutT: Float64Array;
  readonly trace: FamilyTrace;
}

/**
 * What a cell provides for the backward walk (engine/backward/walk.ts), read from its workspace
 * after an ordinary pass. A recurrence ('chain') gives the adjoint of one step on the traced state
 * and the loss's own term at a step; the diagonal recurrences' step Jacobians are diagonal (2×2
 * rotations for the LRU's complex state), so this is elementwise and exact. Attention ('direct')
 * has no chain: every position reaches every earlier one in one hop, weighted by α. Both split
 * their recurrent (or attention) parameters' gradients into one term per step.
 */
export type FamilyWalk<W extends FamilyWorkspace = FamilyWorkspace> = WalkOf<FamilyModel, W>;

/**
 * What a diagonal recurrence supplies to be run as a parallel scan (engine/scan/): its steps as
 * pairs, x_t = a_t ⊙ x_{t−1} + b_t with x_0 = 0 (an h0 is folded in by the scan), read from the
 * workspace after an ordinary forward pass. Everything else (the combine, the levels, the reverse
 * scan of the backward pass over (a_{t+1}, the walk's local term)) is the scan's, not the cell's.
 */
export interface FamilyScan<W extends FamilyWorkspace = FamilyWorkspace> {
  /** True when the state is complex, stored as [Re; Im] halves (the LRU): S/2 lanes, else S. */
  readonly complex: boolean;
  /** Writes sequence `seq`'s pairs into out ([T][U]; the imaginary parts too when complex). */
  pairs(model: FamilyModel, ws: W, seq: number, out: ScanPairs): void;
}

export interface FamilyCell<W extends FamilyWorkspace = FamilyWorkspace> {
  readonly id: FamilyId;
  /** Parameters in PyTorch layout and order (the readout is appended by the model). */
  paramShapes(d: FamilyDims): readonly ParamShape[];
  /** Readout input width F. */
  readoutWidth(d: FamilyDims): number;
  /** True for the recurrences: TBPTT's window K applies. */
  readonly truncates: boolean;
  /** True when the cell takes an initial state h0 (RG-LRU). */
  readonly takesH0: boolean;
  createWorkspace(d: FamilyDims, T: number, B: number): W;
  /** Writes the traced state, the gates and y (from the arena copy of the inputs). */
  forward(model: FamilyModel, ws: W, opts: FamilyRunOptions, hooks?: FamilyHooks): void;
  /**
   * From ws.dy (dL/dy_t through the readout) writes trace.dState (and dState0) and every cell
   * parameter's dw (not the readout's).
   */
  backward(model: FamilyModel, ws: W, opts: FamilyRunOptions): void;
  /** The backward walk on this cell (a chain of steps, or attention's direct arcs). */
  readonly walk?: FamilyWalk<W>;
  /** The scannable cells' pairs (CellInfo.scan says which cells have them). */
  readonly scan?: FamilyScan<W>;
}

export type FamilyLoss = AnyLossKind;
