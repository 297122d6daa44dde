/**
 * What the divergence banner says, from the worker's diagnosis: it calls an exploding gradient
 * through time only when ‖∂L/∂h₁‖ was more than 10 × ‖∂L/∂h_T‖ at the last finite pass, and
 * otherwise names the parameter whose updates blew up and the learning rate as the cause.
 */
import { formatLog10, formatSci } from '../charts/format';
import type { DivergedMessage } from '../worker/protocol';

const QUANTITY: Record<string, string> = {
  loss: 'the loss',
  hidden: 'the hidden state',
  cell: 'the cell state',
  'dL/dh': 'the gradient ∂L/∂h',
  'dL/dc': 'the gradient ∂L/∂c',
  gradient: 'a parameter gradient',
};

export interface DivergedText {
  /** One paragraph after the "Diverged at iteration N" heading. */
  text: string;
  /** The fix the primary button applies before resetting. */
  fix: { label: string; patch: { clip: number } | { lr: number } };
}

/** A round learning rate below `limit` (half of it, down to a 1–2–5 step), else lr/10. */
export function saferLr(lr: number, limit: number | null): number {
  const target = limit !== null && limit > 0 && limit < lr ? limit / 2 : lr / 10;
  const e = Math.floor(Math.log10(target));
  const m = target / 10 ** e;
  const step = m >= 5 ? 5 : m >= 2 ? 2 : 1;
  return Number((step * 10 ** e).toPrecision(1));
}

export function divergedText(d: DivergedMessage, lr: number): DivergedText {
  const what = `${QUANTITY[d.quantity] ?? d.quantity}${d.step > 0 ? ` at step ${d.step}` : ''} became non-finite`;
  const g = d.diagnosis;
  if (g === undefined)
    return {
      text: `${what} on the first pass.`,
      fix: { label: 'Turn on clipping and reset', patch: { clip: 1 } },
    };
  const grew = `The updates of ${g.param} blew up: its norm went from ${formatSci(g.from)} to ${
    Number.isFinite(g.to) ? formatSci(g.to) : 'beyond 10³⁰⁸'
  } in the last ${g.iterations} iterations.`;
  if (g.throughTime !== null && g.throughTime > 1)
    return {
      text: `${what}. Gradients exploded through time: ‖∂L/∂h₁‖ was ${formatLog10(g.throughTime)} × ‖∂L/∂h_T‖. ${grew} Clipping bounds each step; a smaller ρ or learning rate also helps.`,
      fix: { label: 'Turn on clipping and reset', patch: { clip: 1 } },
    };
  const flow =
    g.throughTime === null
      ? 'no gradient flowed back through time at all (‖∂L/∂h₁‖ = 0)'
      : `the gradient through time did not explode (‖∂L/∂h₁‖ was ${formatLog10(g.throughTime)} × ‖∂L/∂h_T‖)`;
  const limit =
    g.readoutLrLimit !== null && g.param.startsWith('readout')
      ? ` Gradient descent on this readout is stable only below a learning rate of ${formatSci(g.readoutLrLimit)}.`
      : '';
  const next = saferLr(lr, g.param.startsWith('readout') ? g.readoutLrLimit : null);
  return {
    text: `${what}. This is not an exploding gradient: ${flow}. ${grew} The learning rate (${formatSci(lr)}) is too large for it.${limit} Lower the learning rate; clipping would only bound each step.`,
    fix: { label: `Set the learning rate to ${formatSci(next)} and reset`, patch: { lr: next } },
  };
}
