/** Options of one pass (bptt.ts), for every cell, and where truncation cuts the graph. */
export interface RunOptions {
  /** Initial hidden state h_0, [B][H]; default zeros. */
  h0?: Float64Array;
  /** Initial cell state c_0 (LSTM), [B][H]; default zeros. */
  c0?: Float64Array;
  /** TBPTT window K; 0 or undefined = full BPTT. */
  truncate?: number;
  /**
   * Teaching override of cells that have it (CellInfo.controls 'holdForget', the LSTM): f_t ≡ φ for
   * all units and steps, no gradient into the f pre-activations. Other cells ignore it.
   */
  holdForget?: number | null;
}

/** True when the backward pass must not carry gradient from step t into t−1 (the cut convention of bptt.ts's file comment). */
export function isCut(T: number, K: number, t: number): boolean {
  return K > 0 && K < T && (T - t + 1) % K === 0;
}
