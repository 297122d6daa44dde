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

/**
 * What a cell with its own passes provides for the backward walk (engine/backward/walk.ts), read
 * from its workspace W after an ordinary pass of model M. A recurrence ('chain') gives the adjoint
 * of one step on the traced state and the loss's own term at a step. Attention ('direct') has no
 * chain: every position reaches every earlier one in one hop, weighted by α. Both split their
 * recurrent (or attention) parameters' gradients into one term per step.
 */
export type WalkOf<M, W> =
  | {
      readonly kind: 'chain';
      /**
       * out ← J_tᵀ u for sequence `seq` (J_t = ∂state_t/∂state_{t−1}; u, out one traced-state
       * row); returns ‖J_t‖₂.
       */
      stepBack(model: M, ws: W, seq: number, t: number, u: Float64Array, out: Float64Array): number;
      /** out ← the loss's own term ∂ℓ_t/∂state_t of sequence `seq` (one traced-state row). */
      local(model: M, ws: W, seq: number, t: number, out: Float64Array): void;
      /** ∂L/∂θ of each recurrent parameter θ, split into one term per step. */
      terms(model: M, ws: W): ParamTerms[];
    }
  | {
      readonly kind: 'direct';
      /** out ← the loss's own term at position t through the residual path. */
      local(model: M, ws: W, seq: number, t: number, out: Float64Array): void;
      /** α of sequence `seq`, [T][T] (row t: how much position t reads each s ≤ t): the arcs. */
      arcs(ws: W, seq: number): Float64Array;
      /** ∂L/∂θ of the attention's parameters, split into one term per position. */
      terms(model: M, ws: W): ParamTerms[];
    };
