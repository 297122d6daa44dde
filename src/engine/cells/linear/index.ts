/** The linear recurrence: descriptor, kernel for the classic driver, Jacobian. */
import { initClassic } from '../classicInit';
import { elementwiseJacobian } from '../elementwise';
import type { CellEngine } from '../engine';
import { LINEAR } from './info';
import { linearCell } from './kernel';

export const linear: CellEngine = {
  info: LINEAR,
  passes: { kind: 'classic', kernel: linearCell },
  init: initClassic,
  jacobian: elementwiseJacobian((a) => a, LINEAR.stepJacobianDiag),
};
