/** The ReLU RNN: descriptor, kernel for the classic driver, Jacobian. */
import { initClassic } from '../classicInit';
import { elementwiseJacobian } from '../elementwise';
import type { CellEngine } from '../engine';
import { RELU } from './info';
import { relu as reluFn, reluCell } from './kernel';

export const relu: CellEngine = {
  info: RELU,
  passes: { kind: 'classic', kernel: reluCell },
  init: initClassic,
  jacobian: elementwiseJacobian(reluFn, RELU.stepJacobianDiag),
};
