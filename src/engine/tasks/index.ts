/**
 * The task registry, heavy half: each task's maker, by id. `makeTask(id, T)` builds one for
 * sequence length T (an integer ≥ 1; every task works from T = 1 up, shrinking its internal layout
 * for tiny T as its folder says). The `satisfies` makes a task listed in catalog.ts without a maker
 * here (or the reverse) a type error.
 */
import type { TaskId } from './catalog';
import { taskInfo } from './catalog';
import { makeAdding } from './adding';
import { makeCopy } from './copy';
import { makeAssociativeRecall } from './mqar';
import { makeNextChar } from './nextchar';
import { makeOrder } from './order';
import { makeParity } from './parity';
import { makeSelectiveCopy } from './selcopy';
import { makeSine } from './sine';
import type { Task } from './types';

export { TASK_IDS, TASKS, taskInfo } from './catalog';
export type { TaskId } from './catalog';
export type { Task, TaskInfo } from './types';

const MAKERS = {
  adding: makeAdding,
  copy: makeCopy,
  order: makeOrder,
  parity: makeParity,
  nextchar: makeNextChar,
  sine: makeSine,
  selcopy: makeSelectiveCopy,
  mqar: makeAssociativeRecall,
} as const satisfies Record<TaskId, (T: number) => Task>;

export function makeTask(id: TaskId, T: number): Task {
  if (!Number.isInteger(T) || T < 1)
    throw new RangeError(`task: T must be a positive integer, got ${T}`);
  taskInfo(id); // names the known tasks when id is not one
  return MAKERS[id](T);
}
