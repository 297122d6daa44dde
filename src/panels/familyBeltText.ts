/**
 * The belt panel's title and caption for each newer family (its own valve), in the families' chunk
 * (lazyFamily.tsx) rather than the page's first load.
 */
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

/** The belt text of a family's cell; null for a classic cell. */
export function familyBeltText(cell: string): { title: string; caption: string } | null {
  return FAMILY[cell] ?? null;
}
