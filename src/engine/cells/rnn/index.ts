/** The tanh RNN: descriptor, kernel for the classic driver, Jacobian. */
import { initClassic } from '../classicInit';
import { elementwiseJacobian } from '../elementwise';
import type { CellEngine } from '../engine';
import { RNN } from './info';
import { rnnCell } from './kernel';

export const rnn: CellEngine = {
  info: RNN,
  passes: { kind: 'classic', kernel: rnnCell },
  init: initClassic,
  jacobian: elementwiseJacobian(Math.tanh, RNN.stepJacobianDiag),
};
