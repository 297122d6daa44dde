/**
 * The panel (or two) that carry each lesson's point: the focus layout (shell/FocusLayout.tsx) puts
 * them beside the lesson card, whole on the first screen, and the other panels below. A table of
 * its own, keyed by lesson id, so the lesson objects stay as they are; tests/store/focus.test.ts
 * checks that every lesson has an entry, that every entry names a lesson, and that its panels are
 * panels the lesson's mode shows.
 */
import type { PanelId } from '../urlFields';

/** A panel the page draws (the settings column is not one the focus layout can move). */
export type FocusPanel = Exclude<PanelId, 'controls'>;

/** One or two panels, the first the one the lesson is about. */
export type LessonFocus = readonly [FocusPanel] | readonly [FocusPanel, FocusPanel];

export const LESSON_FOCUS: Readonly<Record<string, LessonFocus>> = {
  // The gradient against the dashed 0.8^(T−t) bound.
  vanishing: ['grad'],
  // The walk itself: one factor per step back.
  'one-step-back': ['backward'],
  // Both runs' gradients overlaid: neither optimizer brings step 1 back.
  'sgd-vs-adam': ['grad'],
  exploding: ['grad'],
  // The loss settles once the norm of the gradient is capped.
  clipping: ['loss'],
  // Run A diverges, run B trains: the two loss curves.
  'clipping-on-off': ['loss'],
  // A flat gradient at ρ = 1.
  'linear-rho1': ['grad'],
  // ρ against σ_max and the powers ‖W^k‖ are on the spectrum panel.
  'rho-not-whole-story': ['spectrum'],
  // The belt is the lesson's subject.
  'lstm-belt': ['belt'],
  // The LSTM reaches step 1, the RNN does not.
  'rnn-vs-lstm': ['grad'],
  'hold-forget': ['belt'],
  gru: ['belt'],
  // A loss that falls (or not) is the claim.
  'temporal-order': ['loss'],
  irnn: ['grad'],
  // The gradient follows α, not distance.
  'attention-one-hop': ['grad'],
  // Eigenvalues on the ring.
  'lru-ring': ['spectrum'],
  // The gate aₜ dipping at the marks.
  'rglru-gate': ['belt'],
  // Δₜ per step.
  's6-clock': ['belt'],
  // The exact product of the gates.
  's6-gru-bridge': ['grad'],
  // The combine tree, level by level.
  'parallel-scan': ['scan'],
  // The gradient cut K steps back.
  truncation: ['grad'],
  // The loss that blows up once the readout's step is too large.
  'exploding-max': ['loss'],
};

/** The lesson's key panels; a lesson without an entry (there is none: tested) gets the hero. */
export function lessonFocus(id: string): LessonFocus {
  return LESSON_FOCUS[id] ?? ['grad'];
}

/**
 * A lesson's guidance cut after its first sentence: the card shows `first`, "More" shows `rest`.
 * A sentence ends at . ! or ? followed by a space and a capital (decimals like 0.88 never end one).
 */
export function splitGuidance(guidance: string): { first: string; rest: string } {
  const m = /[.!?]\s+(?=[\p{Lu}‘“(])/u.exec(guidance);
  if (!m) return { first: guidance.trim(), rest: '' };
  const cut = m.index + 1;
  return { first: guidance.slice(0, cut).trim(), rest: guidance.slice(cut).trim() };
}
