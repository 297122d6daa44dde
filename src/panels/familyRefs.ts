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
import { cellPageText } from '../engine/cells/pageTexts';
import { slowestMode } from '../engine/cells/decayBelt';
import { unitDecay } from './familyBelt';
import type { GradRefs } from './gradRefs';

const UNIT_COLOR = '#E69F00';
const MEAN_COLOR = '#CC79A7';

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
  const refs = cellPageText(s.cell)?.refs ?? null;
  if (d !== null && refs !== null && last > 0) {
    const mode = f.A ? slowestMode(f.A, s.H, u).n : 0;
    const name = refs.unitCurve(u, { decay0: formatNum(d[0] ?? NaN, 4), seq, mode });
    extra.push({
      y: productFrom(d, last),
      label: `${name}, × ‖∂L/∂${sym}_T‖`,
      column: `${name.replace(/,/g, '')} × ‖∂L/∂${sym}_T‖`,
      color: UNIT_COLOR,
      dashed: true,
    });
  }
  if (refs?.meanCurve && last > 0) {
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
      label: `∂L/∂${sym}_T carried back by ${refs?.carriedBy ?? 'the decays'}, over the batch (${exact})`,
      column: `∂L/∂${sym}_T carried back by the decays`,
    },
    extra,
  };
}
