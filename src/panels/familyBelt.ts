/**
 * The belt of a diagonal recurrence (the LRU, RG-LRU and S6), read off a snapshot: per step, the
 * decay that multiplies the shown unit (the valve) and what the step writes (the inlet). The LRU's
 * valve is its constant |λ|; the RG-LRU's is the input-driven gate aₜ = a^(8rₜ); S6's is
 * exp(Δₜ·A[d, n]) of the channel's slowest mode n, with the clock Δₜ as what it writes.
 */
import type { BeltData } from '../charts/beltModel';
import type { Snapshot } from '../worker/protocol';

function column(src: Float64Array, T: number, stride: number, offset: number): Float64Array {
  const out = new Float64Array(T);
  for (let t = 0; t < T; t++) out[t] = src[t * stride + offset] as number;
  return out;
}

/** S6: the slowest mode n of channel d (A[d, n] closest to 0) and its A. */
export function slowestMode(A: Float64Array, H: number, d: number): { n: number; a: number } {
  const N = A.length / H;
  let n = 0;
  for (let k = 1; k < N; k++) if ((A[d * N + k] as number) > (A[d * N + n] as number)) n = k;
  return { n, a: A[d * N + n] as number };
}

/** The per-step decay of unit u: |λ|, aₜ or exp(Δₜ·A[u, n]) of the slowest mode; null if absent. */
export function unitDecay(s: Snapshot, u: number): Float64Array | null {
  const { T, H } = s;
  const g = s.gates;
  if (g === null) return null;
  if (s.cell === 'lru' || s.cell === 'rglru') return column(g, T, g.length / T, u);
  if (s.cell === 's6' && s.family?.A) {
    const { a } = slowestMode(s.family.A, H, u);
    return column(g, T, H, u).map((delta) => Math.exp(delta * a));
  }
  return null;
}

/** log₁₀ Π over t = 2..T of unit u's decay: how much of a value it keeps over the sequence. */
export function unitLogHold(s: Snapshot, u: number): number {
  const d = unitDecay(s, u);
  if (d === null) return NaN;
  let l = 0;
  for (let t = 1; t < d.length; t++) l += Math.log10(d[t] as number);
  return l;
}

/** The unit that holds its value longest (largest Π of its decay); 0 when nothing is known. */
export function holdingUnit(s: Snapshot): number {
  let best = 0;
  let bestHold = -Infinity;
  for (let u = 0; u < s.H; u++) {
    const h = unitLogHold(s, u);
    if (h > bestHold) {
      bestHold = h;
      best = u;
    }
  }
  return best;
}

/** The belt columns of unit u of a diagonal recurrence. */
export function decayBeltColumns(s: Snapshot, u: number): BeltData {
  const { T, H } = s;
  const W = s.stateWidth;
  const g = s.gates;
  const decay = unitDecay(s, u);
  if (s.cell === 'lru')
    return {
      state: column(s.hidden, T, W, u),
      stateName: 'Re xₜ',
      decay: decay && { name: '|λ|', values: decay },
      extra: [{ name: 'Im xₜ', values: column(s.hidden, T, W, H + u) }],
      gradNorm: s.dhNorm,
      gradName: '‖∂L/∂xₜ‖',
    };
  if (s.cell === 'rglru' && g !== null) {
    const G = g.length / T;
    const a = column(g, T, G, u);
    const r = column(g, T, G, H + u);
    const i = column(g, T, G, 2 * H + u);
    return {
      state: column(s.hidden, T, W, u),
      stateName: 'hₜ',
      decay: { name: 'aₜ', values: a },
      write: {
        name: '√(1−a²)·i',
        values: a.map((v, t) => Math.sqrt(1 - v * v) * (i[t] as number)),
      },
      extra: [
        { name: 'rₜ', values: r },
        { name: 'iₜ', values: i },
      ],
      gradNorm: s.dhNorm,
      gradName: '‖∂L/∂hₜ‖',
    };
  }
  const n = s.family?.A ? slowestMode(s.family.A, H, u).n : 0;
  return {
    state: column(s.hidden, T, W, u),
    stateName: '‖sₜ[d]‖',
    // The valve of the channel's slowest mode n (named in the caption and the tooltip's title).
    decay: decay && { name: n === 0 ? 'e^(ΔA)' : `e^(ΔA[${n}])`, values: decay },
    write: g === null ? null : { name: 'Δₜ', values: column(g, T, H, u) },
    gradNorm: s.dhNorm,
    gradName: '‖∂L/∂sₜ‖',
  };
}
