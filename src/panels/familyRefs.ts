/**
 * Reference curves of the newer families on the gradient panel, each the family's own answer to
 * "how does the gradient get from step T back to step t":
 * - lru, rglru, s6 (`lambdaPow`, `prodA`, `expADelta`): the gradient at T carried back by the
 *   exactly diagonal step Jacobians (|λ| per LRU mode, aₛ per RG-LRU unit, exp(Δₛ·A) per S6 entry),
 *   over the batch: it is ‖∂L/∂stateₜ‖ itself when only step T is scored, and the part that came
 *   from step T otherwise; beside it, the same product for the unit shown (and, for the RG-LRU, the
 *   mean over units), scaled by ‖∂L/∂state_T‖.
 * - attention (`alpha`): for the shown sequence, α_{T,t}·‖∂L/∂e_T‖, the one-hop weight with which
 *   its last position reads step t, beside that sequence's own ‖∂L/∂eₜ‖. A guide, not an identity:
 *   the key and query paths add to it.
 */
import { cellInfo } from '../engine/cells/catalog';
import { formatNum } from '../charts/format';
import { gateProduct } from '../store/lessons/measures';
import { seqGradNorms } from '../store/lessons/familyMeasures';
import type { Snapshot } from '../worker/protocol';
import { slowestMode, unitDecay } from './familyBelt';
import type { GradRefs } from './gradRefs';

const UNIT_COLOR = '#E69F00';
const MEAN_COLOR = '#CC79A7';

const HOW: Record<string, string> = {
  lru: '|λₖ|^(T−t) per mode',
  rglru: 'Π aₛ over s > t per unit',
  s6: 'exp(A·Σ Δₛ) per state entry',
};

/** Π over s = t+1..T of a per-step factor, for t = 1..T (1 at T), times `scale`, in log space. */
function productFrom(f: Float64Array, scale: number): Float64Array {
  const T = f.length;
  const out = new Float64Array(T);
  let l = 0;
  for (let t = T; t >= 1; t--) {
    out[t - 1] = Math.exp(l) * scale;
    l += Math.log(f[t - 1] as number);
  }
  return out;
}

/** True when the task scores only the last step (the carried curve is then the gradient itself). */
export function lastOnly(s: Snapshot): boolean {
  return s.taskLoss === 'mse_last' || s.taskLoss === 'xent_last';
}

/** The references of a family's gradient curve; null for the classic cells. */
export function familyRefs(s: Snapshot, unit: number): GradRefs | null {
  const f = s.family;
  if (f === null) return null;
  const sym = cellInfo(s.cell).state.symbol;
  const last = s.dhNorm[s.T - 1] ?? NaN;
  const seq = `sequence ${s.seq + 1}`;
  if (f.alpha !== null) {
    // Like with like: the shown sequence's own gradient beside its own α (the batch's curve mixes
    // sequences that attend to different steps).
    const own = seqGradNorms(s);
    const ownLast = own[s.T - 1] ?? NaN;
    if (!(ownLast > 0)) return { main: null, extra: [] };
    return {
      main: {
        y: f.alpha.last.map((a) => a * ownLast),
        label: `α_T,t·‖∂L/∂e_T‖ of ${seq}: the weight with which its last position reads step t (one hop, no product; a guide)`,
        column: `α_T,t·‖∂L/∂e_T‖ ${seq}`,
      },
      extra: [
        {
          y: own,
          label: `‖∂L/∂eₜ‖ of ${seq} alone`,
          column: `‖∂L/∂eₜ‖ ${seq}`,
          color: UNIT_COLOR,
        },
      ],
    };
  }
  if (f.carried === null) return { main: null, extra: [] };
  const u = Math.min(unit, s.H - 1);
  const exact = lastOnly(s)
    ? 'exact: only step T is scored'
    : 'the part that came from step T; every step is scored here';
  const extra: GradRefs['extra'] = [];
  const d = unitDecay(s, u);
  if (d !== null && last > 0) {
    const name =
      s.cell === 'lru'
        ? `|λ|^(T−t) of unit ${u} (|λ| = ${formatNum(d[0] ?? NaN, 4)})`
        : s.cell === 's6' && f.A
          ? `exp(A[${u},${slowestMode(f.A, s.H, u).n}]·Σ Δₛ) of channel ${u}'s slowest mode, ${seq}`
          : `Π aₛ of unit ${u}, ${seq}`;
    extra.push({
      y: productFrom(d, last),
      label: `${name}, × ‖∂L/∂${sym}_T‖`,
      column: `${name.replace(/,/g, '')} × ‖∂L/∂${sym}_T‖`,
      color: UNIT_COLOR,
      dashed: true,
    });
  }
  if (s.cell === 'rglru' && last > 0) {
    const mean = gateProduct(s, 0, null);
    if (mean !== null)
      extra.push({
        y: mean.map((v) => v * last),
        label: `Π aₛ, mean over the ${s.H} units, × ‖∂L/∂h_T‖`,
        column: `Π aₛ mean over units × ‖∂L/∂h_T‖`,
        color: MEAN_COLOR,
        dashed: true,
      });
  }
  return {
    main: {
      y: f.carried,
      label: `∂L/∂${sym}_T carried back by ${HOW[s.cell] ?? 'the decays'}, over the batch (${exact})`,
      column: `∂L/∂${sym}_T carried back by the decays`,
    },
    extra,
  };
}
