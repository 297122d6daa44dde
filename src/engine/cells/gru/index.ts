/** The GRU: descriptor, kernel for the classic driver, Jacobian. */
import { initClassic } from '../classicInit';
import type { CellEngine } from '../engine';
import { GRU } from './info';
import { gruJacobian } from './jacobian';
import { gruCell } from './kernel';

export const gru: CellEngine = {
  info: GRU,
  passes: { kind: 'classic', kernel: gruCell },
  init: initClassic,
  jacobian: gruJacobian,
};
