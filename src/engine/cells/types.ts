/**
 * What a cell declares about itself, once, beside its kernels: the light half of its descriptor
 * (pure data and tiny shape functions, no numerics), which the page, the URL codec, the CLI and
 * the worker read to know which cells exist and what each one has. The heavy half (kernels,
 * initializers, Jacobians) is `CellEngine` in ./engine.ts. How to add a cell: docs/ADDING-A-CELL.md.
 */
import type { CellPage } from './pageTypes';

/** The sizes a cell's parameter shapes depend on. */
export interface CellSizes {
  /** I: width of x_t. */
  readonly inputSize: number;
  /** H: units of the layer. */
  readonly hiddenSize: number;
  /** O: width of the readout's output. */
  readonly outputSize: number;
  /** N: per-unit state size of a cell that has one (s6); undefined for the others. */
  readonly stateSize?: number;
}

/**
 * One parameter as PyTorch's state_dict holds it: `[rows, cols]` for a matrix (even with one column),
 * `[n]` for a vector. Values are stored row-major.
 */
export interface ParamShape {
  readonly name: string;
  readonly shape: readonly [number] | readonly [number, number];
}

/**
 * Reference curves a gradient panel can draw beside the measured one:
 * `rho` ρ(W_hh)^(T−t) and `sigmaMax` σ_max(W_hh)^(T−t) (Pascanu et al. 2013), `prodF` Π f along the
 * LSTM belt, `prodZ` Π z along the GRU's carry path, `lambdaPow` |λ|^(T−t) (LRU), `prodA` Π a
 * (RG-LRU), `expADelta` exp(A·Σ Δ) (S6), `alpha` attention weights α_Tt.
 */
export type ReferenceId =
  'rho' | 'sigmaMax' | 'prodF' | 'prodZ' | 'lambdaPow' | 'prodA' | 'expADelta' | 'alpha';

/**
 * Config controls that only some cells have; a control a cell does not list is hidden for it:
 * `rho` the spectral radius of W_hh, `forgetBias` and `holdForget` the LSTM's forget gate,
 * `stateSize` S6's N, `ring` the LRU's eigenvalue ring (r_min, r_max, max phase).
 */
export type CellControl = 'rho' | 'forgetBias' | 'holdForget' | 'stateSize' | 'ring';

/**
 * `classic`: W_ih/W_hh layers (PyTorch nn.RNN / nn.LSTM / nn.GRU layout) run by the shared BPTT
 * driver; `diagonal`: diagonal linear recurrences (lru, rglru, s6); `attention`: no recurrence.
 */
export type CellFamily = 'classic' | 'diagonal' | 'attention';

/** A weight initialization a cell offers (the first a cell lists is its default). */
export interface InitInfo {
  readonly id: string;
  readonly label: string;
}

/** Short text and the equations (KaTeX source) of a cell, as the engine computes it. */
export interface Explanation {
  readonly title: string;
  readonly text: string;
  readonly equations: readonly string[];
  readonly gradient: string;
  /** One sentence on its cost per step and the memory it keeps (O(1) state vs O(T) keys and values). */
  readonly cost?: string;
  /** The paper (or code) the equations follow, as a reader would look it up. */
  readonly citation?: string;
}

export interface CellInfo {
  /** URL, CLI and config id, lower case: `?cell=lstm`. */
  readonly id: string;
  /** Name in menus: 'LSTM', 'tanh RNN'. */
  readonly label: string;
  readonly family: CellFamily;
  /**
   * Per-step quantities traced as gate blocks, each H wide, in trace.gates order ([T][B][G·H]):
   * the LSTM's i, f, g, o; the GRU's r, z, n; [] when the cell traces none.
   */
  readonly gates: readonly string[];
  /** The cell's own parameters in state_dict order (the readout is added after them). */
  params(s: CellSizes): readonly ParamShape[];
  /** F: width of the layer output the readout reads (H; 2H for the LRU's [Re x; Im x]). */
  readoutWidth(s: CellSizes): number;
  /**
   * The traced state (trace.h, CLI `hidden`) and its width F′: h for the classic cells.
   * `measureFrom: 'earlier'`: the state at T has a direct path of its own to the loss (attention's
   * residual), so the panels measure ‖∂L/∂sₜ‖ against its largest value over t < T, not at T.
   */
  readonly state: {
    readonly symbol: string;
    width(s: CellSizes): number;
    readonly measureFrom?: 'earlier';
  };
  /** True when the cell also traces a cell state c with dL/dc (the LSTM's belt). */
  readonly cellState: boolean;
  /** Reference curves that apply to this cell (see ReferenceId). */
  readonly references: readonly ReferenceId[];
  /** Initializations that make sense for this cell; the first is the default. */
  readonly inits: readonly InitInfo[];
  /** Cell-specific controls it has (see CellControl). */
  readonly controls: readonly CellControl[];
  /**
   * Multiply-adds of one step of one sequence, forward only, averaged over a sequence of T steps
   * (attention's cost grows with t); the work budget scales it by ~3.
   */
  macsPerStep(s: CellSizes, T: number): number;
  /** N when a spec gives none, for a cell whose shapes use `stateSize` (s6: 16). */
  readonly stateSizeDefault?: number;
  /**
   * True when the page can train and draw the cell (menus, links, weights files offer it); false
   * while its panels are not built yet: the engine, the CLI and the registry tests still run it.
   */
  readonly inApp: boolean;
  /**
   * For h_t = φ(W_ih x_t + W_hh h_{t−1} + b): φ′ as a function of h_t, so the step Jacobian is
   * diag(φ′(h_t))·W_hh and its norm has a fast path. Undefined for any other cell.
   */
  readonly stepJacobianDiag?: (h: number) => number;
  /**
   * The parameters that set the recurrence itself, which Train = "all but the recurrence" freezes:
   * weight_hh_l0 when undefined (the classic cells); the LRU's λ (nu_log, theta_log), the RG-LRU's
   * base decay a_param, S6's A_log; [] for attention, which has none.
   */
  readonly recurrent?: readonly string[];
  /**
   * Which picture the belt panel draws: the LSTM's c belt (`cellState`), the GRU's z belt
   * (`update`), a Jacobian chain (`chain`), a diagonal recurrence's per-step decay (`decay`: the LRU's |λ|, the RG-LRU's a_t, S6's
   * Δ_t clock) or attention's arcs from the last position back (`arcs`).
   */
  readonly belt: 'cellState' | 'update' | 'chain' | 'decay' | 'arcs';
  /** What the page shows of the cell: its folder's page.ts (types in ./pageTypes.ts). */
  readonly page: CellPage;
  /**
   * True for a diagonal recurrence whose decay a_t depends on the input only, so its steps
   * (a_t, b_t) are known before the scan and combine associatively: a parallel prefix scan
   * (engine/scan/) computes its states and its dL/dh. Its engine then supplies FamilyCell.scan.
   */
  readonly scan?: boolean;
}
