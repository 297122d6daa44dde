/**
 * What to do with a weights file: load it into the current model when it fits; else read the cell
 * and its sizes off the file's names and shapes (engine/cells/fromShapes.ts, from the registry),
 * pick a task whose inputs and outputs fit, and switch to that setup before loading; when several
 * cells fit alike (the tanh RNN, the ReLU RNN and the linear cell share names and shapes), ask; when nothing fits, say
 * why and change nothing.
 */
import { matchCells } from '../../engine/cells/fromShapes';
import type { CellMatch } from '../../engine/cells/fromShapes';
import { cellHas, cellInfo, initFor } from '../../engine/cells/catalog';
import type { AppCellKind, AppInitKind } from '../../engine/cells/catalog';
import { TASKS } from '../../engine/tasks/catalog';
import { fitStateDict } from '../../store/weightsFile';
import type { Shapes, Tensor } from '../../store/weightsFile';
import { LIMITS } from '../../worker/config';
import type { TrainConfig } from '../../worker/config';

export type WeightsPlan =
  /** The file fits the current model: load it as it is. */
  | { kind: 'load'; weights: Record<string, number[]> }
  /** Switch to the file's cell, size and a fitting task (`patch`), then load. */
  | { kind: 'switch'; patch: Partial<TrainConfig>; weights: Record<string, number[]>; text: string }
  /** Several cells fit alike: the user picks one. */
  | { kind: 'ask'; text: string; options: readonly { label: string; plan: WeightsPlan }[] }
  /** Nothing fits: change nothing. */
  | { kind: 'refuse'; text: string };

const sizesText = (m: CellMatch) =>
  `H = ${m.sizes.hiddenSize}, I = ${m.sizes.inputSize}, O = ${m.sizes.outputSize}` +
  (cellHas(m.cell, 'stateSize') && m.sizes.stateSize !== undefined
    ? `, N = ${m.sizes.stateSize}`
    : '');

function planFor(
  m: CellMatch,
  tensors: Readonly<Record<string, Tensor>>,
  config: TrainConfig,
): WeightsPlan {
  const { inputSize: I, hiddenSize: H, outputSize: O } = m.sizes;
  const what = `a ${m.label} (${sizesText(m)})`;
  if (H < LIMITS.H.min || H > LIMITS.H.max)
    return {
      kind: 'refuse',
      text: `It is ${what}, but the playground has ${LIMITS.H.min}–${LIMITS.H.max} hidden units.`,
    };
  const fitting = TASKS.filter((t) => t.inputSize === I && t.outputSize === O);
  if (fitting.length === 0)
    return {
      kind: 'refuse',
      text: `It is ${what}, but no task takes ${I} input${I === 1 ? '' : 's'} and gives ${O} output${O === 1 ? '' : 's'} (${TASKS.map((t) => `${t.id} ${t.inputSize} → ${t.outputSize}`).join(', ')}).`,
    };
  const task = fitting.find((t) => t.id === config.task) ?? fitting[0]!;
  if (!cellInfo(m.cell).inApp)
    return {
      kind: 'refuse',
      text: `It is ${what}; the page cannot train a ${m.label} yet (the grad CLI can).`,
    };
  // An app cell's initializations are app initializations.
  const init = initFor(m.cell, config.init) as AppInitKind;
  const N = m.sizes.stateSize;
  if (cellHas(m.cell, 'stateSize') && N !== undefined && (N < LIMITS.N.min || N > LIMITS.N.max))
    return {
      kind: 'refuse',
      text: `It is ${what} with state size N = ${N}, but the playground has N = ${LIMITS.N.min}–${LIMITS.N.max}.`,
    };
  const patch: Partial<TrainConfig> = {
    cell: m.cell as AppCellKind,
    H,
    task: task.id,
    ...(init !== config.init ? { init } : {}),
    ...(cellHas(m.cell, 'stateSize') && N !== undefined ? { N } : {}),
  };
  const shapes: Shapes = Object.fromEntries(Object.entries(tensors).map(([n, t]) => [n, t.shape]));
  // Matched shapes fit by construction; this also flattens the values the way the trainer takes them.
  const fit = fitStateDict(tensors, shapes);
  if (!fit.ok) return { kind: 'refuse', text: fit.message };
  const taskNote = task.id === config.task ? '' : `, task ${task.label} (${I} → ${O})`;
  return {
    kind: 'switch',
    patch,
    weights: fit.weights,
    text: `It is ${what}: switched to ${m.label}, ${H} hidden unit${H === 1 ? '' : 's'}${taskNote}, and loaded it.`,
  };
}

/** The plan for a file's tensors on a page whose model has `current` shapes and config `config`. */
export function planWeights(
  tensors: Readonly<Record<string, Tensor>>,
  config: TrainConfig,
  current: Shapes,
): WeightsPlan {
  const here = fitStateDict(tensors, current);
  if (here.ok) return { kind: 'load', weights: here.weights };
  const shapes = Object.fromEntries(Object.entries(tensors).map(([n, t]) => [n, t.shape]));
  const { matches, reasons } = matchCells(shapes);
  if (matches.length === 0)
    return {
      kind: 'refuse',
      text: `It does not fit the current model (${here.message.replace(/\.$/, '')}), nor any cell: ${reasons.slice(0, 2).join('; ')}.`,
    };
  if (matches.length === 1) return planFor(matches[0]!, tensors, config);
  const labels = matches.map((m) => m.label);
  return {
    kind: 'ask',
    text: `It fits a ${labels.slice(0, -1).join(', a ')} and a ${labels[labels.length - 1]} alike (${sizesText(matches[0]!)}; the same parameter names and shapes). Which is it?`,
    options: matches.map((m) => ({ label: m.label, plan: planFor(m, tensors, config) })),
  };
}
