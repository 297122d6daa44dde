/** The LSTM: descriptor, kernel for the classic driver, Jacobian over (h; c). */
import { initClassic } from '../classicInit';
import type { CellEngine } from '../engine';
import { LSTM } from './info';
import { lstmJacobian } from './jacobian';
import { lstmCell } from './kernel';

export const lstm: CellEngine = {
  info: LSTM,
  passes: { kind: 'classic', kernel: lstmCell },
  init: initClassic,
  jacobian: lstmJacobian,
};
