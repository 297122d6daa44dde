/**
 * The toy tasks. `makeTask(id, T)` builds one for sequence length T (an integer ≥ 1; every task
 * works from T = 1 up, shrinking its internal layout for tiny T as its file says).
 */
import type { TaskId } from '../types';
import { ADDING_INFO, makeAdding } from './adding';
import { COPY_INFO, makeCopy } from './copy';
import { makeNextChar, NEXTCHAR_INFO } from './nextchar';
import { makeOrder, ORDER_INFO } from './order';
import { makeParity, PARITY_INFO } from './parity';
import { makeSine, SINE_INFO } from './sine';
import type { Task, TaskInfo } from './types';

export type { Task, TaskInfo } from './types';

export const TASK_INFO: Record<TaskId, TaskInfo> = {
  adding: ADDING_INFO,
  copy: COPY_INFO,
  order: ORDER_INFO,
  parity: PARITY_INFO,
  nextchar: NEXTCHAR_INFO,
  sine: SINE_INFO,
};

const MAKERS: Record<TaskId, (T: number) => Task> = {
  adding: makeAdding,
  copy: makeCopy,
  order: makeOrder,
  parity: makeParity,
  nextchar: makeNextChar,
  sine: makeSine,
};

export function makeTask(id: TaskId, T: number): Task {
  if (!Number.isInteger(T) || T < 1)
    throw new RangeError(`task: T must be a positive integer, got ${T}`);
  const make = MAKERS[id];
  if (!make) throw new RangeError(`task: unknown task ${String(id)}`);
  return make(T);
}
