/**
 * The reference curves the gradient panel draws beside the measured norms, each labelled with the
 * value it uses, so the picture matches the run:
 * - linear / tanh RNN: ρ₀^(T−t) from W_hh as it was set (start of the run, or the ρ slider), the
 *   current ρ^(T−t) when training has moved ρ, and the current σ_max^(T−t), which bounds
 *   ‖∂L/∂hₜ‖/‖∂L/∂h_T‖ when only the last step is scored (|tanh′| ≤ 1). ρ^(T−t) is exact only for a
 *   linear cell with normal W_hh; otherwise it is a guide.
 * - LSTM (`prodF`): Π_{s>t} f_s of the unit shown and the mean over units, beside ‖∂L/∂cₜ‖; GRU
 *   (`prodZ`): Π z_s beside ‖∂L/∂hₜ‖. A gated cell never gets a gate block's ρ as its reference.
 * Which apply is the cell descriptor's list (CellInfo.references).
 */
import { cellInfo } from '../engine/cells/catalog';
import type { ExtraSeries } from '../charts/LinePlot';
import { formatNum } from '../charts/format';
import { gateProduct } from '../store/lessons/measures';
import type { Snapshot } from '../worker/protocol';
import { rhoReference } from './gradStats';

/** Two values this close (relative) share one line and one label. */
const SAME = 5e-3;
const same = (a: number, b: number) => Math.abs(a - b) <= SAME * Math.max(Math.abs(a), Math.abs(b));

export interface Reference {
  y: Float64Array;
  label: string;
  /** Its data-table and CSV column name (no commas). */
  column: string;
}

export interface GradRefs {
  /** The dashed reference (the run's own ρ₀, or the selected unit's gate product). */
  main: Reference | null;
  /** Further labelled reference curves on the same plot. */
  extra: (ExtraSeries & { column: string })[];
}

const NONE: GradRefs = { main: null, extra: [] };

/**
 * Truncated BPTT (window K) cuts the graph K steps before the end: no path, belt or not, reaches
 * further back, so a reference is drawn only where backpropagation runs (t > T − K).
 */
function cutAt(refs: GradRefs, s: Snapshot): GradRefs {
  const K = s.tbptt;
  if (!(K > 0 && K < s.T)) return refs;
  const cut = <R extends { y: Float64Array }>(r: R): R => ({
    ...r,
    y: r.y.map((v, k) => (k + 1 <= s.T - K ? NaN : v)),
  });
  return { main: refs.main === null ? null : cut(refs.main), extra: refs.extra.map(cut) };
}
const NOW_COLOR = '#E69F00';
const SIGMA_COLOR = '#D55E00';
const MEAN_COLOR = '#CC79A7';

/** References for the ‖∂L/∂hₜ‖ plot, as the cell's descriptor lists them (CellInfo.references). */
export function hRefs(s: Snapshot | null, unit: number): GradRefs {
  return s === null ? NONE : cutAt(hRefsFull(s, unit), s);
}

function hRefsFull(s: Snapshot, unit: number): GradRefs {
  if (s.T < 2) return NONE;
  const dh = s.dhNorm;
  const refs = cellInfo(s.cell).references;
  if (refs.includes('prodZ')) return gateRefs(s, dh, unit, 'z');
  if (!refs.includes('rho')) return NONE;
  const rho0 = s.start.rho[0] ?? NaN;
  const now = s.spectrum[0];
  const f = (v: number) => formatNum(v, 2);
  const sigmaSame = now !== undefined && same(now.sigmaMax, rho0);
  const main: Reference = {
    y: rhoReference(dh, rho0),
    label: `ρ₀^(T−t)·‖∂L/∂h_T‖ (ρ₀ = ${sigmaSame ? 'σ_max = ' : ''}${f(rho0)}, W_hh as set at iteration ${s.start.iteration})`,
    column: `ρ₀^(T−t)·‖∂L/∂h_T‖ (ρ₀ = ${f(rho0)} as set)`,
  };
  const extra: GradRefs['extra'] = [];
  if (now !== undefined && !same(now.rho, rho0))
    extra.push({
      y: rhoReference(dh, now.rho),
      label: `ρ^(T−t) now: ρ = ${f(now.rho)}`,
      column: `ρ^(T−t)·‖∂L/∂h_T‖ now (ρ = ${f(now.rho)})`,
      color: NOW_COLOR,
      dashed: true,
    });
  if (refs.includes('sigmaMax') && now !== undefined && !sigmaSame && !same(now.sigmaMax, now.rho))
    extra.push({
      y: rhoReference(dh, now.sigmaMax),
      label: `σ_max^(T−t) now: σ_max = ${f(now.sigmaMax)} (bound, last-step loss)`,
      column: `σ_max^(T−t)·‖∂L/∂h_T‖ now (σ_max = ${f(now.sigmaMax)})`,
      color: SIGMA_COLOR,
      dashed: true,
    });
  return { main, extra };
}

/** References for the ‖∂L/∂cₜ‖ plot (LSTM). */
export function cRefs(s: Snapshot | null, unit: number): GradRefs {
  if (s === null || s.dcNorm === null || s.T < 2) return NONE;
  if (!cellInfo(s.cell).references.includes('prodF')) return NONE;
  return cutAt(gateRefs(s, s.dcNorm, unit, 'f'), s);
}

/** Π gate_s from s = t+1 to T, times the curve's value at T: the selected unit and the mean. */
function gateRefs(s: Snapshot, curve: Float64Array, unit: number, gate: 'f' | 'z'): GradRefs {
  const last = curve[s.T - 1] ?? NaN;
  const g = (cellInfo(s.cell).gates as readonly string[]).indexOf(gate);
  if (g < 0) return NONE;
  const one = gateProduct(s, g, Math.min(unit, s.H - 1));
  const mean = gateProduct(s, g, null);
  if (one === null || mean === null || !(last > 0)) return NONE;
  const scale = (p: Float64Array) => p.map((v) => v * last);
  return {
    main: {
      y: scale(one),
      label: `Π ${gate}ₛ over s > t, × ‖∂L/∂${gate === 'f' ? 'c' : 'h'}_T‖: unit ${unit}, sequence ${s.seq + 1}`,
      column: `Π ${gate}ₛ·‖∂L/∂${gate === 'f' ? 'c' : 'h'}_T‖ unit ${unit}`,
    },
    extra: [
      {
        y: scale(mean),
        label: `the same, mean over the ${s.H} units`,
        column: `Π ${gate}ₛ·‖∂L/∂${gate === 'f' ? 'c' : 'h'}_T‖ mean over units`,
        color: MEAN_COLOR,
        dashed: true,
      },
    ],
  };
}
