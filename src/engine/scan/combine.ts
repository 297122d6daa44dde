/**
 * The associative combine of two steps of a diagonal linear recurrence. Step (a, b) maps h to
 * a·h + b; doing (a, b) first and then (a′, b′) maps h to a′(a·h + b) + b′, which is again a step:
 *   (a, b) ∘ (a′, b′) = (a′·a, a′·b + b′).
 * Composition of affine maps is associative, so any bracketing of a sequence gives the same pair,
 * and a prefix scan can combine T steps in ⌈log₂ T⌉ rounds. For the LRU a, b are complex (its λ
 * rotates as it decays); the same formula holds with complex products.
 */

/** One real step: h ↦ a·h + b. */
export interface Step {
  readonly a: number;
  readonly b: number;
}

/** One complex step: h ↦ (ar + i·ai)·h + (br + i·bi). */
export interface ComplexStep {
  readonly ar: number;
  readonly ai: number;
  readonly br: number;
  readonly bi: number;
}

/** `first` then `then`: (a, b) ∘ (a′, b′) = (a′a, a′b + b′). */
export function combine(first: Step, then: Step): Step {
  return { a: then.a * first.a, b: then.a * first.b + then.b };
}

/** The same with complex products. */
export function combineComplex(first: ComplexStep, then: ComplexStep): ComplexStep {
  const { ar, ai } = then;
  return {
    ar: ar * first.ar - ai * first.ai,
    ai: ar * first.ai + ai * first.ar,
    br: ar * first.br - ai * first.bi + then.br,
    bi: ar * first.bi + ai * first.br + then.bi,
  };
}

/** The identity step (1, 0): combining with it changes nothing. */
export const IDENTITY: Step = { a: 1, b: 0 };
