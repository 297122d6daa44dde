/**
 * On-demand analyses of the latest trace, answered as protocol messages with fresh arrays:
 * the Jacobian-product survival curve (all cells), the LSTM belt against the full ∂c_T/∂c_t, and a
 * sampled finite-difference gradient check of the current model on the current batch.
 */
import { cellHas, cellInfo } from '../../engine/cells/catalog';
import { familyGradCheckSampled } from './familyCheck';
import { gradCheck } from '../../engine/gradcheck';
import { jacobianProducts } from '../../engine/jacobian';
import { beltCurves } from '../../engine/jacobian/belt';
import { PROTOCOL_VERSION } from '../protocol';
import type { AnalysisKind, AnalysisMessage, GradcheckMessage } from '../protocol';
import type { Trainer } from '../trainer';

/** Finite-difference samples per parameter: enough to catch a wrong gradient, a few seconds at most. */
const GRADCHECK_SAMPLES = 8;
/**
 * Steps tried per entry (the engine keeps the one with the smallest estimated error): one coarse step
 * is wrong on chaotic nets (ρ = 1.5: 1e−3 error at ε = 1e−3), one fine step on tiny gradients.
 */
const GRADCHECK_STEPS = [1e-3, 1e-4, 1e-5] as const;

/** The φ the trace was run with, so the Jacobians treat a held forget gate as a constant. */
export function jacOptions(t: Trainer): { holdForget: number | null } {
  return { holdForget: cellHas(t.config.cell, 'holdForget') ? t.config.holdForget : null };
}

/** The session adds the run id. */
type Unaddressed<M> = M extends unknown ? Omit<M, 'runId'> : never;

export function analysisMessage(
  t: Trainer,
  seq: number,
  kind: AnalysisKind,
): Unaddressed<AnalysisMessage> {
  const head = { v: PROTOCOL_VERSION, type: 'analysis', iteration: t.iteration, seq } as const;
  if (kind === 'jacobian') {
    const j = jacobianProducts(t.model, t.trace, seq, jacOptions(t));
    const prodNorm = j.prodNorm.slice();
    const rhoRef = j.rhoRef.slice();
    const sigmaRef = j.sigmaRef.slice();
    return { ...head, kind, prodNorm, rhoRef, sigmaRef };
  }
  const raw: object = beltCurves(t.model, t.trace, seq, jacOptions(t));
  const curves: Record<string, Float64Array> = {};
  for (const [k, val] of Object.entries(raw))
    if (val instanceof Float64Array) curves[k] = val.slice();
  return { ...head, kind, curves };
}

export function gradcheckMessage(t: Trainer): Unaddressed<GradcheckMessage> {
  const cfg = t.config;
  const truncate = cfg.tbptt > 0 && cfg.tbptt < t.batch.T ? { truncate: cfg.tbptt } : {};
  const sampling = { samplesPerParam: GRADCHECK_SAMPLES, steps: GRADCHECK_STEPS, ...truncate };
  // The newer families run on their own driver, and are checked through it.
  const r =
    cellInfo(cfg.cell).family === 'classic'
      ? gradCheck(t.model, t.batch, {
          ...sampling,
          ...(cellHas(cfg.cell, 'holdForget') ? { holdForget: cfg.holdForget } : {}),
        })
      : familyGradCheckSampled(t.model, t.batch, sampling);
  // gradCheck rewrites param.dw; recompute so the trace and the gradients agree again.
  t.recompute();
  return {
    v: PROTOCOL_VERSION,
    type: 'gradcheck',
    maxRelError: r.maxRelError,
    worst: r.worst,
    checked: r.checked,
  };
}
