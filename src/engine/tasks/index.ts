/**
 * The task registry: every task's descriptor (its file's `TaskInfo`), in menu order. Menus, the URL
 * codec, the worker and the CLI read tasks from here and nowhere else. Adding a task: its file (the
 * descriptor and its `make`), one line in TASKS, and its tests (docs/ADDING-A-CELL.md).
 * `makeTask(id, T)` builds one for sequence length T (an integer ≥ 1; every task works from T = 1
 * up, shrinking its internal layout for tiny T as its file says).
 */
import { ADDING } from './adding';
import { COPY } from './copy';
import { NEXTCHAR } from './nextchar';
import { ORDER } from './order';
import { PARITY } from './parity';
import { SINE } from './sine';
import type { Task, TaskInfo } from './types';

export type { Task, TaskInfo } from './types';

export const TASKS = [
  ADDING,
  COPY,
  ORDER,
  PARITY,
  NEXTCHAR,
  SINE,
] as const satisfies readonly TaskInfo[];

export type TaskId = (typeof TASKS)[number]['id'];

export const TASK_IDS: readonly TaskId[] = TASKS.map((t) => t.id);

const BY_ID = new Map<string, TaskInfo>(TASKS.map((t) => [t.id, t]));

/** The descriptor of a registered task; throws RangeError for an unknown id. */
export function taskInfo(id: string): TaskInfo {
  const t = BY_ID.get(id);
  if (t === undefined)
    throw new RangeError(
      `task: unknown task ${JSON.stringify(id)} (known: ${TASK_IDS.join(', ')})`,
    );
  return t;
}

export function makeTask(id: TaskId, T: number): Task {
  if (!Number.isInteger(T) || T < 1)
    throw new RangeError(`task: T must be a positive integer, got ${T}`);
  return taskInfo(id).make(T);
}
