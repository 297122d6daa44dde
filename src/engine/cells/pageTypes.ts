/**
 * What the page needs to show a cell, declared in the cell's folder as data: `page.ts` (small, in
 * the page's first chunk: its descriptor's required `page` field, read through catalog.ts
 * `cellPage`) and, for the newer families, `pageText.ts` (long texts and the gradient panel's
 * references, loaded with the families' chunk, panels/familyUi.ts; gathered in ./pageTexts.ts,
 * typed against the family ids). A cell without either does not compile.
 */

/** How the hidden-state panel names its rows. */
export interface StateRows {
  /** The panel's caption for H units. */
  caption(H: number): string;
  /** The row axis's name. */
  readonly axis: string;
  /** The colour legend's name. */
  readonly legend: string;
  /** The data table's column of row j (H units). */
  column(j: number, H: number): string;
}

/** What the page's first chunk needs about a cell. */
export interface CellPage {
  /**
   * The recurrence's symbol (W_hh, the LRU's λ, the RG-LRU's a, S6's A): Train = "all but <it>"
   * freezes CellInfo.recurrent. null for a cell without recurrence (attention): no truncation
   * window and no such Train choice.
   */
  readonly recurrence: string | null;
  /**
   * Where the memory lives, said in the Memory group where the classic cells' spectral radius and
   * forget bias would be; null when the cell's own controls (CellInfo.controls) say it.
   */
  readonly memory: string | null;
  /** What the traced state's symbol stands for on the gradient panel, with a leading space; '' for h. */
  readonly stateOf: string;
  /** The hidden-state panel's rows. */
  readonly rows: StateRows;
  /**
   * The hidden-state panel draws each channel's norm over its N entries (S6's H·N-wide state) rather
   * than the traced state itself.
   */
  readonly rowNorms: boolean;
  /**
   * The belt of a diagonal recurrence (CellInfo.belt `decay`): its per-step decays; null for the
   * others. Small code, so in the first chunk: the gradient panel picks the unit that holds longest.
   */
  readonly decay: DecayBelt | null;
}

/** The snapshot fields a diagonal recurrence's belt is read from (worker/protocol.ts Snapshot). */
export interface BeltSource {
  readonly T: number;
  readonly H: number;
  /** Width of one row of `hidden`. */
  readonly stateWidth: number;
  /** [T][stateWidth]. */
  readonly hidden: Float64Array;
  /** [T][G·H] of the shown sequence, in CellInfo.gates order; null when not traced. */
  readonly gates: Float64Array | null;
  /** S6's A = −exp(A_log), [H][N]; null for the others. */
  readonly A: Float64Array | null;
}

/** A named per-step column (a belt's valve, inlet or a value read on hover). */
export interface NamedColumn {
  readonly name: string;
  readonly values: Float64Array;
}

/** The belt of one unit of a diagonal recurrence (charts/beltModel.ts BeltData's fields). */
export interface DecayColumns {
  state: Float64Array;
  stateName: string;
  decay: NamedColumn | null;
  write?: NamedColumn | null;
  extra?: NamedColumn[];
  gradName: string;
}

/** A diagonal recurrence's belt: the per-step decay of a unit and its columns. */
export interface DecayBelt {
  /** The per-step decay multiplying unit u (the valve); null if not traced. */
  unitDecay(s: BeltSource, u: number): Float64Array | null;
  /** Every column of unit u's belt. */
  columns(s: BeltSource, u: number): DecayColumns;
}

/** A diagonal recurrence's reference curves on the gradient panel. */
export interface DecayRefs {
  /**
   * Name of the unit-u reference curve on the gradient panel (Π of its decay, × ‖∂L/∂state_T‖):
   * `decay0` its first decay printed to 4 digits, `seq` "sequence k", `mode` S6's slowest mode n.
   */
  unitCurve(u: number, at: { decay0: string; seq: string; mode: number }): string;
  /** The gradient panel also draws the product's mean over units (the RG-LRU's input-driven a). */
  readonly meanCurve: boolean;
  /** How ∂L/∂state_T is carried back, for the gradient panel's carried curve. */
  readonly carriedBy: string;
}

/** The families' long texts and belt, loaded with their chunk. */
export interface CellPageText {
  readonly belt: { readonly title: string; readonly caption: string };
  /** What the spectrum panel draws in place of W_hh's eigenvalues. */
  readonly spectrum: { readonly title: string; readonly caption: string; readonly symbol: string };
  /** The gradient panel's references of a diagonal recurrence; null for attention (its α). */
  readonly refs: DecayRefs | null;
}
