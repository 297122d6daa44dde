/**
 * Lesson presets: one click (or `?lesson=<id>`) sets everything, starting from DEFAULT_CONFIG.
 * Guidance is exactly two sentences: what to look at, and what to try. Facts follow the papers
 * the text names; figures quoted were measured with the engine's initializations
 * (tests/store/lessons.test.ts checks the spectral ones).
 */
import { DEFAULT_CONFIG } from '../worker/config';
import type { TrainConfig } from '../worker/config';
import type { ControlId, PanelId } from './urlFields';

export interface Lesson {
  /** Stable id, used in links (`lesson=`). Never rename one: old links would lose it. */
  readonly id: string;
  readonly title: string;
  /** Two sentences of plain guidance. */
  readonly guidance: string;
  /** Applied over DEFAULT_CONFIG, so every lesson sets the whole config. */
  readonly config: Readonly<Partial<TrainConfig>>;
  /** Embed hints: panels and controls shown when the link does not choose (url.ts shownPanels). */
  readonly view?: {
    readonly panels?: readonly PanelId[];
    readonly controls?: readonly ControlId[];
  };
}

export const LESSONS: readonly Lesson[] = [
  {
    id: 'vanishing',
    title: 'Vanishing gradients',
    guidance:
      'With an orthogonal W_hh scaled to ρ = 0.8, every singular value starts at 0.8 and tanh′ ≤ 1, so going back in time ‖dL/dh_t‖ shrinks at least as fast as 0.8^(T−t). ' +
      'The inputs that matter in the adding task sit far from the end, so their gradient is tiny: compare the slope of the curve with the dashed ρ^(T−t) line.',
    config: { cell: 'rnn', task: 'adding', init: 'orthogonal', rho: 0.8 },
    view: { panels: ['grad', 'spectrum', 'controls'] },
  },
  {
    id: 'exploding',
    title: 'Exploding gradients',
    guidance:
      'At ρ = 1.5 the recurrence stretches some directions at every step, so the gradient can grow as it flows back (ρ > 1 is necessary for explosion; tanh saturation can still hold it back). ' +
      'With clipping off, watch the gradient curve rise toward early steps and the loss jump when a large update lands.',
    config: { cell: 'rnn', task: 'adding', init: 'orthogonal', rho: 1.5, clip: 0 },
    view: { panels: ['grad', 'loss', 'controls'] },
  },
  {
    id: 'clipping',
    title: 'Clipping tames exploding gradients',
    guidance:
      'The same network as in the exploding lesson, now with the global gradient norm clipped at 1.0 as Pascanu, Mikolov and Bengio (2013) proposed: if ‖g‖ > 1, g is rescaled to length 1 before the update. ' +
      'Clipping limits the size of each update, so the loss stops jumping, but it does not change the gradient’s direction or stop ‖dL/dh_t‖ from growing back in time.',
    config: { cell: 'rnn', task: 'adding', init: 'orthogonal', rho: 1.5, clip: 1 },
    view: { panels: ['grad', 'loss', 'controls'] },
  },
  {
    id: 'lstm-belt',
    title: 'The LSTM conveyor belt',
    guidance:
      'Each step multiplies the cell state c_t by the forget gate f_t and adds i_t ⊙ g_t, so along the belt alone the gradient is scaled by the product of forget gates; a forget bias of 1 starts f near σ(1) ≈ 0.73 rather than 0.5. ' +
      'Paths through h_t and the gates add to that product, so compare dL/dc_t with dL/dh_t in the gradient panel rather than reading the belt as the whole derivative.',
    config: { cell: 'lstm', task: 'adding', init: 'pytorch', rho: null, forgetBias: 1 },
    view: { panels: ['belt', 'grad', 'loss', 'controls'] },
  },
  {
    id: 'hold-forget',
    title: 'No forget gate: the 1997 LSTM',
    guidance:
      'The forget gate is held at f = 1 for every unit and step, as in the original 1997 LSTM, which had no forget gate (Gers, Schmidhuber and Cummins added it in 2000), so along the belt alone ∂c_T/∂c_t = 1. ' +
      'Move φ to 0.9 and the belt’s factor becomes 0.9^(T−t), about 0.006 across 49 steps.',
    config: {
      cell: 'lstm',
      task: 'adding',
      init: 'pytorch',
      rho: null,
      forgetBias: 1,
      holdForget: 1,
    },
    view: { panels: ['belt', 'grad', 'controls'], controls: ['hold', 'play', 'step', 'reset'] },
  },
  {
    id: 'gru',
    title: 'The GRU’s update gate',
    guidance:
      'The GRU mixes old and new state, h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_(t−1), so where the update gate z_t is near 1 a unit copies its value forward and the gradient passes back through it almost unchanged. ' +
      'The belt panel shows z in the role the LSTM’s forget gate plays; compare how far back the gradient reaches with the tanh RNN.',
    config: { cell: 'gru', task: 'adding', init: 'pytorch', rho: null },
    view: { panels: ['belt', 'grad', 'controls'] },
  },
  {
    id: 'linear-rho1',
    title: 'Linear recurrence at ρ = 1',
    guidance:
      'With no nonlinearity and W_hh an orthogonal matrix scaled to ρ = 1, the gradient keeps its size exactly as it flows back, ‖dL/dh_t‖ = ‖dL/dh_T‖ for every t, until training changes W_hh. ' +
      'Move ρ a little below or above 1 and the curve becomes the straight line ρ^(T−t) on the log axis, falling or rising.',
    config: { cell: 'linear', task: 'adding', init: 'orthogonal', rho: 1 },
    view: { panels: ['grad', 'spectrum', 'controls'], controls: ['rho', 'play', 'step', 'reset'] },
  },
  {
    id: 'rho-not-whole-story',
    title: 'ρ is not the whole story',
    guidance:
      'This W_hh is random (PyTorch’s default init) scaled to ρ = 0.9, yet its largest singular value σ_max is about 1.5, and for a tanh RNN only σ_max < 1 guarantees that gradients vanish. ' +
      'Compare the ρ and σ_max readouts on the spectrum panel with those of the vanishing lesson, where an orthogonal W_hh makes σ_max = ρ.',
    config: { cell: 'rnn', task: 'adding', init: 'pytorch', rho: 0.9 },
    view: { panels: ['spectrum', 'grad', 'controls'] },
  },
  {
    id: 'temporal-order',
    title: 'Remembering an order: LSTM against tanh RNN',
    guidance:
      'X or Y appears twice among 50 steps and the net must name their order at the end: four classes, so 25 % (dashed) is chance. ' +
      'The LSTM climbs to 100 % within about 300 iterations at this seed (some seeds take longer or stall); switch Cell to tanh RNN and its accuracy stays at 25 % for 2 000 iterations.',
    config: { cell: 'lstm', task: 'order', init: 'pytorch', rho: null, forgetBias: 1, seed: 2 },
    view: { panels: ['loss', 'grad', 'controls'] },
  },
  {
    id: 'exploding-max',
    title: 'Blow-up: ρ = 2 at the largest learning rate',
    guidance:
      'With ρ = 2, plain SGD at the largest learning rate and no clipping, the updates overshoot, the weights grow and the numbers soon overflow. ' +
      'Training stops at the first non-finite value and says where it appeared; turn clipping on or lower ρ and the learning rate, then reset.',
    config: { cell: 'rnn', task: 'adding', init: 'pytorch', rho: 2, opt: 'sgd', lr: 1, clip: 0 },
    view: { panels: ['grad', 'loss', 'controls'] },
  },
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The full config a lesson sets: DEFAULT_CONFIG with the lesson's values over it. */
export function lessonConfig(lesson: Lesson): TrainConfig {
  return { ...DEFAULT_CONFIG, ...lesson.config };
}
