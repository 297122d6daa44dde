/** The backward walk's shared shapes (a leaf module: the cells' walks import it too). */

/** One recurrent parameter's per-step terms. */
export interface ParamTerms {
  /** Its state_dict name (weight_hh_l0 for the classic cells). */
  readonly name: string;
  /** Shape rows × cols of the parameter (and of every term). */
  readonly rows: number;
  readonly cols: number;
  /** ‖C_t‖_F for t = 1..T (index t−1). */
  readonly norms: Float64Array;
  /** Names of the gate blocks of rows (i, f, g, o …), [] when the rows are one block. */
  readonly blocks: readonly string[];
  /** ‖C_t‖_F of each gate block, [T][blocks.length] (empty when blocks is []). */
  readonly blockNorms: Float64Array;
  /** ‖Σ_{s=t..T} C_s‖_F for t = 1..T: the sum so far as the walk goes back; index 0 is ‖∂L/∂θ‖_F. */
  readonly partial: Float64Array;
  /** Σ_t C_t added in the order t = T, T−1, …, 1: equal to ∂L/∂θ up to rounding. */
  readonly sum: Float64Array;
}
