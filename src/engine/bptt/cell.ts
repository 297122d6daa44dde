/**
 * What a cell provides to the BPTT driver: one forward step and one backward step over the whole
 * batch. The driver puts the biases where the step's pre-activations live (the gate rows for
 * LSTM/GRU, h_t itself for linear/rnn) and, for the GRU, the input projection of all T·B rows; it
 * owns the product into dL/dh_{t−1} (dAhh_t·W_hh), the readout, and the weight-gradient products.
 * Fused cells (ws.fused) add [W_ih | W_hh]·[x_t; h_{t−1}] themselves each step (bptt/fused.ts).
 */
import type { WorkspaceInternal } from './workspace';

export interface CellKernel {
  /** Stacked row blocks G of weight_ih_l0 / weight_hh_l0 ([G·H][·]): 1 rnn/linear, 4 LSTM, 3 GRU. */
  readonly G: number;
  /**
   * True when W_ih and W_hh act as one matrix [W_ih | W_hh] on [x_t; h_{t−1}] (one product per
   * step); false when the recurrent side needs its own product (the GRU's r ⊙ (W_hn h + b_hn)).
   */
  readonly fused: boolean;
  /** True when b_hh simply adds to the pre-activation, so it joins b_ih in the input projection. */
  readonly foldRecurrentBias: boolean;
  /** True when the input projection goes into the gate rows (LSTM, GRU) rather than into h_t. */
  readonly projectIntoGates: boolean;
  /**
   * Step t (1-based): from h_{t−1} (c_{t−1}), x_t and what the driver put in place, writes h_t
   * (c_t, gate activations) into the trace. `hold` is the LSTM forget-gate override φ, or null.
   */
  forward(
    ws: WorkspaceInternal,
    whh: Float64Array,
    bhh: Float64Array,
    inputs: Float64Array,
    t: number,
    hold: number | null,
  ): void;
  /**
   * Step t: reads dL/dh_t from trace.dh (LSTM: plus the carried f_{t+1} ⊙ dL/dc_{t+1}), writes the
   * pre-activation gradients of step t into dA / dAhh at offset aOff (LSTM: dL/dc_t into trace.dc
   * and the new carry). When `propagate`, also adds the part of dL/dh_{t−1} that bypasses W_hh
   * (GRU's z ⊙ dL/dh_t) into dhPrev at prevOff; when not, the carry into step t−1 is zero.
   */
  backward(
    ws: WorkspaceInternal,
    t: number,
    aOff: number,
    hold: number | null,
    propagate: boolean,
    dhPrev: Float64Array,
    prevOff: number,
  ): void;
}
