/**
 * Titles, captions and a one-sentence summary of the belt panel, per picture: the classic cells by
 * their belt here, the newer families by cell in familyBeltText.ts (each has its own valve).
 */
import { formatNum } from '../charts/format';
import type { BeltData } from '../charts/beltModel';

const CLASSIC = {
  cellState: {
    title: 'Conveyor belt (LSTM cell state)',
    caption:
      'The cell state c runs left to right; each step multiplies it by the forget gate f and adds i⊙g. The band below is ‖∂L/∂cₜ‖, the total derivative (the belt and every other path).',
  },
  update: {
    title: 'Conveyor belt (GRU update gate)',
    caption:
      'The GRU keeps z of the old state at each step and adds (1 − z)⊙n: the update gate z plays the forget gate’s role.',
  },
  chain: {
    title: 'Chain of step Jacobians (no belt)',
    caption:
      'Without a belt, every step back multiplies the gradient by the step Jacobian J_t. The norm of a product is at most the product of the norms ‖J_t‖, so norms below 1 make the gradient vanish; norms above 1 do not make it explode unless the stretched directions line up.',
  },
} as const;

/**
 * The classic cells' belt text; a family's comes from its own chunk (familyBeltText.ts, through
 * lazyFamily.tsx's useFamilyUi), `fallback` until it is here.
 */
export function beltText(
  variant: keyof typeof CLASSIC | 'decay' | 'arcs',
  family: { title: string; caption: string } | null = null,
) {
  if (variant === 'decay' || variant === 'arcs') return family ?? LOADING;
  return variant in CLASSIC ? CLASSIC[variant as keyof typeof CLASSIC] : CLASSIC.chain;
}

/** A family's belt panel while its text loads. */
const LOADING = { title: 'Belt', caption: 'Loading…' };

function mean(a: Float64Array | null | undefined): number {
  if (!a || a.length === 0) return NaN;
  let s = 0;
  for (const v of a) s += v;
  return s / a.length;
}

/** One sentence of what the belt shows now, for screen readers. */
export function beltSummary(variant: string, d: BeltData, unit: number): string {
  const T = d.state.length;
  if (variant === 'cellState')
    return `Unit ${unit}: cell state goes from ${formatNum(d.state[0] ?? NaN)} at step 1 to ${formatNum(d.state[T - 1] ?? NaN)} at step ${T}; mean forget gate ${formatNum(mean(d.f))}, mean input gate ${formatNum(mean(d.i))}, mean output gate ${formatNum(mean(d.o))}.`;
  if (variant === 'update')
    return `Unit ${unit}: mean update gate z ${formatNum(mean(d.z))} over ${T} steps.`;
  if (variant === 'decay')
    return `Unit ${unit}: mean decay ${d.decay?.name ?? ''} ${formatNum(mean(d.decay?.values), 4)} per step over ${T} steps${d.write ? `; mean ${d.write.name} ${formatNum(mean(d.write.values))}` : ''}.`;
  return `Mean step-Jacobian norm ${formatNum(mean(d.jacobianNorms))} over ${T} steps: the gradient is multiplied by about this much per step.`;
}
