/**
 * Titles, captions and a one-sentence summary of the belt panel, per picture: the classic cells by
 * their belt, the newer families by cell (each has its own valve).
 */
import { formatNum } from '../charts/format';
import type { BeltData } from '../charts/beltModel';

const CLASSIC = {
  lstm: {
    title: 'Conveyor belt (LSTM cell state)',
    caption:
      'The cell state c runs left to right; each step multiplies it by the forget gate f and adds i⊙g. The band below is ‖∂L/∂cₜ‖, the total derivative (the belt and every other path).',
  },
  gru: {
    title: 'Conveyor belt (GRU update gate)',
    caption:
      'The GRU keeps z of the old state at each step and adds (1 − z)⊙n: the update gate z plays the forget gate’s role.',
  },
  rnn: {
    title: 'Chain of step Jacobians (no belt)',
    caption:
      'Without a belt, every step back multiplies the gradient by the step Jacobian J_t. The norm of a product is at most the product of the norms ‖J_t‖, so norms below 1 make the gradient vanish; norms above 1 do not make it explode unless the stretched directions line up.',
  },
} as const;

const FAMILY: Record<string, { title: string; caption: string }> = {
  lru: {
    title: 'Belt with a constant valve |λ| (LRU)',
    caption:
      'Each unit’s complex state x is multiplied by its own eigenvalue λ at every step, the same λ at every step (time-invariant): along the belt the gradient shrinks by exactly |λ| per step back, and only |λ| close to 1 remembers. Shown: Re x of the unit; Im x on hover.',
  },
  rglru: {
    title: 'Belt with an input-driven valve aₜ (RG-LRU)',
    caption:
      'hₜ = aₜ⊙hₜ₋₁ + √(1−aₜ²)⊙(iₜ⊙x̃ₜ) with aₜ = a^(8rₜ): a forget gate that sees only the input. Where aₜ ≈ 1 the unit holds its value (and the gradient passes); a smaller aₜ lets the step overwrite it.',
  },
  s6: {
    title: 'Δ as a clock (S6)',
    caption:
      'Each step multiplies sₜ[d, n] by exp(Δₜ·A[d, n]) and writes Δₜ·Bₜ·x̃ₜ: a large Δ resets and writes, a small Δ holds, as if time stood still. Shown: the channel’s state norm ‖sₜ[d]‖, its clock Δₜ and the decay of its slowest mode n.',
  },
  attention: {
    title: 'Arcs from the last position (attention)',
    caption:
      'No belt: the last position reads every earlier one directly, with weight α_T,t (arc thickness). The gradient reaches step t in one hop, scaled by α_T,t, not by a product over the steps between.',
  },
};

export function beltText(cell: string, variant: keyof typeof CLASSIC | 'decay' | 'arcs') {
  return (
    FAMILY[cell] ?? (variant in CLASSIC ? CLASSIC[variant as keyof typeof CLASSIC] : CLASSIC.rnn)
  );
}

function mean(a: Float64Array | null | undefined): number {
  if (!a || a.length === 0) return NaN;
  let s = 0;
  for (const v of a) s += v;
  return s / a.length;
}

/** One sentence of what the belt shows now, for screen readers. */
export function beltSummary(variant: string, d: BeltData, unit: number): string {
  const T = d.state.length;
  if (variant === 'lstm')
    return `Unit ${unit}: cell state goes from ${formatNum(d.state[0] ?? NaN)} at step 1 to ${formatNum(d.state[T - 1] ?? NaN)} at step ${T}; mean forget gate ${formatNum(mean(d.f))}, mean input gate ${formatNum(mean(d.i))}, mean output gate ${formatNum(mean(d.o))}.`;
  if (variant === 'gru')
    return `Unit ${unit}: mean update gate z ${formatNum(mean(d.z))} over ${T} steps.`;
  if (variant === 'decay')
    return `Unit ${unit}: mean decay ${d.decay?.name ?? ''} ${formatNum(mean(d.decay?.values), 4)} per step over ${T} steps${d.write ? `; mean ${d.write.name} ${formatNum(mean(d.write.values))}` : ''}.`;
  return `Mean step-Jacobian norm ${formatNum(mean(d.jacobianNorms))} over ${T} steps: the gradient is multiplied by about this much per step.`;
}
