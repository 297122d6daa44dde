/**
 * How the gradient panel names what it traces, from the cell's descriptor (CellInfo.state.symbol):
 * ‖∂L/∂hₜ‖ for the classic cells and the RG-LRU, ‖∂L/∂xₜ‖ of the LRU's complex state, ‖∂L/∂sₜ‖ of
 * S6's state, ‖∂L/∂eₜ‖ of attention's position embeddings.
 */
import { cellInfo, cellPage } from '../engine/cells/catalog';

export interface GradWords {
  /** ‖∂L/∂hₜ‖ */
  norm: string;
  /** ‖∂L/∂h_T‖ */
  atT: string;
  /** ‖∂L/∂h₁‖ */
  atOne: string;
  /** What the symbol stands for, when it is not a hidden state h (with a leading space). */
  of: string;
  /**
   * True when the readouts measure against the largest ‖∂L/∂sₜ‖ over t < T (CellInfo.state
   * measureFrom), not against ‖∂L/∂s_T‖; `ref` names that yardstick in words.
   */
  earlier: boolean;
  ref: string;
}

export function gradWords(cell: string): GradWords {
  const state = cellInfo(cell).state;
  const s = state.symbol;
  const earlier = state.measureFrom === 'earlier';
  return {
    norm: `‖∂L/∂${s}ₜ‖`,
    atT: `‖∂L/∂${s}_T‖`,
    atOne: `‖∂L/∂${s}₁‖`,
    of: cellPage(cell).stateOf,
    earlier,
    ref: earlier ? `the largest ‖∂L/∂${s}ₜ‖ over t < T` : `‖∂L/∂${s}_T‖`,
  };
}
