/**
 * The task registry, light half: every task's descriptor (its folder's info.ts), in menu order.
 * Menus, the URL codec, the worker's config and the CLI read tasks from here and nowhere else. The
 * makers are registered in ./index.ts, kept apart so the page's first chunk carries no task code.
 *
 * Adding a task: its folder (info.ts, index.ts with the maker), one line here and one in index.ts
 * (a type error until both agree), and its tests. See docs/ADDING-A-CELL.md.
 */
import { ADDING } from './adding/info';
import { COPY } from './copy/info';
import { MQAR } from './mqar/info';
import { NEXTCHAR } from './nextchar/info';
import { ORDER } from './order/info';
import { PARITY } from './parity/info';
import { SELCOPY } from './selcopy/info';
import { SINE } from './sine/info';
import type { TaskInfo } from './types';

export const TASKS = [
  ADDING,
  COPY,
  ORDER,
  PARITY,
  NEXTCHAR,
  SINE,
  SELCOPY,
  MQAR,
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
