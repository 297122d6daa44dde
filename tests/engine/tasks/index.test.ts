import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { makeTask, TASK_IDS, taskInfo } from '../../../src/engine/tasks';

const TS = [1, 2, 3, 4, 5, 7, 21, 50, 100, 1000];

describe('every task', () => {
  for (const id of TASK_IDS) {
    it(`${id}: works for T = ${TS.join(', ')} with consistent shapes and declarations`, () => {
      for (const T of TS) {
        const task = makeTask(id, T);
        expect(task.id).toBe(id);
        expect(task.T).toBe(T);
        // What the menus and the weights-file matcher read without building the task.
        const info = taskInfo(id);
        expect(task.name).toBe(info.label);
        expect(task.description).toBe(info.description);
        expect(task.citation).toBe(info.citation);
        expect([task.loss, task.inputSize, task.outputSize]).toEqual([
          info.loss,
          info.inputSize,
          info.outputSize,
        ]);
        expect(task.citation.length).toBeGreaterThan(10);
        expect(Number.isFinite(task.chanceLoss) && task.chanceLoss >= 0).toBe(true);
        expect(task.solvedLoss).toBeGreaterThan(0);
        const classification = task.loss.startsWith('xent');
        expect(task.chanceAccuracy === null).toBe(!classification);
        expect(task.accuracy === undefined).toBe(!classification);
        if (task.chanceLoss > 0) expect(task.solvedLoss).toBeLessThan(task.chanceLoss);
        const B = 3;
        const batch = task.sample(createRng(T), B);
        expect(batch).toMatchObject({ T, B, loss: task.loss });
        expect(batch.inputs.length).toBe(T * B * task.inputSize);
        const targetLength = {
          mse_last: B * task.outputSize,
          mse_all: T * B * task.outputSize,
          xent_all: T * B,
          xent_last: B,
        }[task.loss];
        expect(batch.targets.length).toBe(targetLength);
        expect(batch.inputs.every(Number.isFinite)).toBe(true);
        expect(batch.targets.every(Number.isFinite)).toBe(true);
        if (classification)
          for (const c of batch.targets)
            expect(Number.isInteger(c) && c >= 0 && c < task.outputSize).toBe(true);
      }
    });

    it(`${id}: one seed gives one batch; another seed another`, () => {
      const task = makeTask(id, 30);
      const a = task.sample(createRng(123), 4);
      const b = task.sample(createRng(123), 4);
      const c = task.sample(createRng(124), 4);
      expect(Array.from(a.inputs)).toEqual(Array.from(b.inputs));
      expect(Array.from(a.targets)).toEqual(Array.from(b.targets));
      expect(Array.from(a.inputs)).not.toEqual(Array.from(c.inputs));
      // Successive batches from one stream differ.
      const rng = createRng(5);
      expect(Array.from(task.sample(rng, 4).inputs)).not.toEqual(
        Array.from(task.sample(rng, 4).inputs),
      );
    });
  }

  it('rejects a T or B that is not a positive integer', () => {
    expect(() => makeTask('adding', 0)).toThrow(RangeError);
    expect(() => makeTask('copy', 2.5)).toThrow(RangeError);
    expect(() => makeTask('sine', NaN)).toThrow(RangeError);
    expect(() => makeTask('parity', 10).sample(createRng(1), 0)).toThrow(RangeError);
  });
});
