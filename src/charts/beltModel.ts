/**
 * Pure pieces of the conveyor-belt chart: what each step shows for each cell, the numbers read out
 * on hover, the gradient band thickness, window clamping. The LSTM belt is c_t = f_t⊙c_{t−1} + i_t⊙g_t
 * (valve × f, inlet + i⊙g, read-off o); the GRU's is h_t = z_t⊙h_{t−1} + (1 − z_t)⊙n_t (valve × z,
 * inlet + (1−z)⊙n, PyTorch convention); the tanh RNN has no additive path, only the multiplicative
 * chain ∂h_t/∂h_{t−1} whose norm ‖J_t‖ stands in the valve. A diagonal recurrence (`decay`: the LRU,
 * RG-LRU, S6) multiplies each unit by its own per-step decay, named by the cell (|λ|, aₜ, exp(Δₜ·A))
 * and adds what it writes (√(1−a²)⊙i, Δₜ).
 */
import { GATE_COLORS, VANISHED_RATIO } from './colors';
import { formatSci } from './format';
import type { Domain } from './scales';

/** Which cell the belt depicts. */
export type BeltVariant = 'cellState' | 'update' | 'chain' | 'decay';

/** A named per-step column of a diagonal recurrence's belt. */
export interface NamedColumn {
  name: string;
  values: Float64Array;
}

/** Per-step columns for the selected unit; index k is time step t = k + 1. */
export interface BeltData {
  /** Belt value: c_t (LSTM) or h_t (GRU, RNN). */
  state: Float64Array;
  /** LSTM forget gate f_t. */
  f?: Float64Array | null;
  /** LSTM input gate i_t. */
  i?: Float64Array | null;
  /** LSTM candidate g_t. */
  g?: Float64Array | null;
  /** LSTM output gate o_t. */
  o?: Float64Array | null;
  /** GRU update gate z_t. */
  z?: Float64Array | null;
  /** GRU candidate n_t. */
  n?: Float64Array | null;
  /** tanh RNN: ‖J_t‖ = ‖∂h_t/∂h_{t−1}‖ (spectral or Frobenius, as the panel states). */
  jacobianNorms?: Float64Array | null;
  /** Norm of the gradient along the belt: ‖∂L/∂c_t‖ (LSTM) or ‖∂L/∂h_t‖. */
  gradNorm?: Float64Array | null;
  /** Diagonal recurrences: the per-step decay (the valve), e.g. aₜ. */
  decay?: NamedColumn | null;
  /** Diagonal recurrences: what a step writes (the inlet), e.g. Δₜ; none for the LRU. */
  write?: NamedColumn | null;
  /** Further per-step values read out on hover (the RG-LRU's rₜ). */
  extra?: readonly NamedColumn[];
  /** Name of the belt value (default c for the LSTM, else h) and of its gradient. */
  stateName?: string;
  gradName?: string;
}

/** A named number of one step, with the colour of its gate (if any). */
export interface StepValue {
  /** Symbol, e.g. "f", "i⊙g", "‖J‖". */
  name: string;
  /** The value (NaN when missing). */
  value: number;
  /** Gate colour, or undefined for belt/gradient values. */
  color?: string;
}

function at(col: Float64Array | null | undefined, k: number): number {
  return col && k >= 0 && k < col.length ? (col[k] as number) : NaN;
}

/** Symbol of the belt quantity for a variant. */
export function stateSymbol(variant: BeltVariant, d?: BeltData): string {
  return d?.stateName ?? (variant === 'cellState' ? 'c' : 'h');
}

/** The valve (multiplicative) value at step k: f_t, z_t or ‖J_t‖. */
export function valveOf(variant: BeltVariant, d: BeltData, k: number): StepValue {
  if (variant === 'cellState') return { name: 'f', value: at(d.f, k), color: GATE_COLORS.f };
  if (variant === 'update') return { name: 'z', value: at(d.z, k), color: GATE_COLORS.z };
  if (variant === 'decay')
    return { name: d.decay?.name ?? 'a', value: at(d.decay?.values, k), color: GATE_COLORS.f };
  return { name: '‖J‖', value: at(d.jacobianNorms, k) };
}

/** The inlet (additive) value at step k: i_t·g_t or (1 − z_t)·n_t; null for the RNN. */
export function inletOf(variant: BeltVariant, d: BeltData, k: number): StepValue | null {
  if (variant === 'cellState')
    return { name: 'i⊙g', value: at(d.i, k) * at(d.g, k), color: GATE_COLORS.i };
  if (variant === 'update')
    return { name: '(1−z)⊙n', value: (1 - at(d.z, k)) * at(d.n, k), color: GATE_COLORS.n };
  if (variant === 'decay' && d.write)
    return { name: d.write.name, value: at(d.write.values, k), color: GATE_COLORS.i };
  return null;
}

/** The read-off value at step k: o_t for the LSTM, null otherwise. */
export function readoutOf(variant: BeltVariant, d: BeltData, k: number): StepValue | null {
  return variant === 'cellState' ? { name: 'o', value: at(d.o, k), color: GATE_COLORS.o } : null;
}

/** Name of the gradient quantity along the belt. */
export function gradSymbol(variant: BeltVariant, d?: BeltData): string {
  return d?.gradName ?? (variant === 'cellState' ? '‖∂L/∂cₜ‖' : '‖∂L/∂hₜ‖');
}

/** Every number of step k, in reading order, for the tooltip, aria-label and tests. */
export function stepValues(variant: BeltVariant, d: BeltData, k: number): StepValue[] {
  const out: StepValue[] = [{ name: stateSymbol(variant, d), value: at(d.state, k) }];
  out.push(valveOf(variant, d, k));
  if (variant === 'cellState') {
    out.push({ name: 'i', value: at(d.i, k), color: GATE_COLORS.i });
    out.push({ name: 'g', value: at(d.g, k), color: GATE_COLORS.g });
  }
  if (variant === 'update') out.push({ name: 'n', value: at(d.n, k), color: GATE_COLORS.n });
  const inlet = inletOf(variant, d, k);
  if (inlet) out.push(inlet);
  const ro = readoutOf(variant, d, k);
  if (ro) out.push(ro);
  for (const e of d.extra ?? []) out.push({ name: e.name, value: at(e.values, k) });
  if (d.gradNorm) out.push({ name: gradSymbol(variant, d), value: at(d.gradNorm, k) });
  return out;
}

/** Accessible label of step k: "t = 5: c = 0.53, f = 0.93, …". */
export function stepLabel(variant: BeltVariant, d: BeltData, k: number): string {
  return (
    `t = ${k + 1}: ` +
    stepValues(variant, d, k)
      .map((v) => `${v.name} = ${formatSci(v.value, 3)}`)
      .join(', ')
  );
}

/**
 * A decay's glyph: two decimals below 0.995, else four without the leading 0 (".9995"), so a
 * valve just below 1 never reads "1.00"; "≈1" when even four decimals round to 1.
 */
export function decayGlyph(v: number): string {
  if (!(v >= 0.995) || v > 1) return glyphNumber(v);
  const s = v.toFixed(4);
  return s === '1.0000' ? '≈1' : s.slice(1);
}

/**
 * Two significant digits for small values (S6's Δ ≈ 0.001–0.1), so they never print "0.00"; below
 * 10⁻³ as "1.9e−4", short enough for a step on a phone.
 */
export function smallGlyph(v: number): string {
  if (!Number.isFinite(v) || Math.abs(v) >= 0.1 || v === 0) return glyphNumber(v);
  const s = Math.abs(v) >= 1e-3 ? v.toPrecision(2) : v.toExponential(1);
  return s.replace(/-/g, '\u2212');
}

/** Short label for a glyph: two decimals in [−100, 100], powers of ten outside; "—" for NaN. */
export function glyphNumber(v: number): string {
  if (!Number.isFinite(v) || Math.abs(v) >= 100) return formatSci(v, 2);
  const s = v.toFixed(2);
  return Number(s) === 0 ? '0.00' : s.replace('-', '\u2212');
}

/**
 * Band thickness in px for a gradient norm: linear in log₁₀ g over `domain`, clamped to
 * [minPx, maxPx]; null when g is vanished (≤ `vanishedBelow`, default VANISHED_RATIO × domain max;
 * ≤ 0 or NaN).
 */
export function bandThickness(
  g: number,
  domain: Domain,
  minPx: number,
  maxPx: number,
  vanishedBelow = domain[1] * VANISHED_RATIO,
): number | null {
  if (!(g > vanishedBelow)) return null;
  if (g === Infinity) return maxPx;
  const l0 = Math.log10(domain[0]);
  const span = Math.log10(domain[1]) - l0;
  const t = span > 0 ? (Math.log10(g) - l0) / span : 1;
  return minPx + (maxPx - minPx) * Math.min(1, Math.max(0, t));
}

/** A window [start, end) of at most `size` steps inside [0, T), moved to contain `start`. */
export function clampWindow(start: number, size: number, T: number): [number, number] {
  const s = Math.max(1, Math.min(Math.round(size), T));
  const a = Math.max(0, Math.min(Math.round(start), T - s));
  return [a, a + s];
}

/**
 * How many steps fit a belt of `width` px with every gate value still printed (≈ 48 px per step at
 * normal type, more in large type), at least 4. Panels use it to size the default window.
 */
export function suggestedBeltSteps(width: number, fontScale = 1): number {
  const s = Math.max(1, fontScale);
  const inner = width - 84 * s;
  return Math.max(4, Math.floor(inner / (48 * s)));
}

/** Pixel layout of a belt: rows top to bottom, the step width, which numbers fit. */
export interface BeltGeometry {
  /** Large-type factor (≥ 1). */
  s: number;
  /** x of the first step's left edge. */
  left: number;
  /** Width of the step area. */
  iw: number;
  /** Width of one step. */
  cw: number;
  yInlet: number;
  beltTop: number;
  beltH: number;
  yBelt: number;
  yValveText: number;
  yOut: number;
  yBand: number;
  bandMax: number;
  /** Total SVG height. */
  height: number;
  /** Gate values fit under their glyphs. */
  showNumbers: boolean;
  /** The belt value fits inside its segment. */
  showState: boolean;
}

/** Layout for `steps` steps across `width` px; every offset scales with the type size. */
export function beltGeometry(
  width: number,
  steps: number,
  variant: BeltVariant,
  fontScale = 1,
  hasInlet = variant !== 'chain',
): BeltGeometry {
  const s = Math.max(1, fontScale);
  const left = Math.round(64 * s);
  const iw = Math.max(20, width - left - Math.round(20 * s));
  const cw = iw / Math.max(1, steps);
  const yInlet = Math.round(30 * s);
  const beltTop = Math.round((hasInlet ? 58 : 26) * s);
  const beltH = Math.round(30 * s);
  const yValveText = beltTop + beltH + Math.round(16 * s);
  const yOut = yValveText + Math.round(20 * s);
  const yBand = (variant === 'cellState' ? yOut + 40 * s : yValveText + 34 * s) + 10 * s;
  const bandMax = Math.round(26 * s);
  return {
    s,
    left,
    iw,
    cw,
    yInlet,
    beltTop,
    beltH,
    yValveText,
    yOut,
    yBand,
    bandMax,
    yBelt: beltTop + beltH / 2,
    height: Math.round(yBand + bandMax / 2 + 14 * s),
    showNumbers: cw >= 34 * s,
    showState: cw >= 64 * s,
  };
}
