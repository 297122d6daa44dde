import { describe, expect, it } from 'vitest';
import { LOSS_LOG_CAPACITY, LossLog } from '../../src/worker/trainer/lossLog';

describe('LossLog', () => {
  it('drains everything since the last drain, in order, as fresh arrays', () => {
    const log = new LossLog();
    for (let k = 1; k <= 1000; k++) log.push(k, 1 / k, 2 * k, k % 3 === 0);
    const a = log.drain();
    expect(Array.from(a.iters)).toEqual(Array.from({ length: 1000 }, (_, k) => k + 1));
    expect(a.losses[9]).toBe(1 / 10);
    expect(a.norms[9]).toBe(20);
    expect(Array.from(a.clipped.subarray(0, 6))).toEqual([0, 0, 1, 0, 0, 1]);
    expect(log.length).toBe(0);
    log.push(1001, 5, 6, false);
    a.losses.fill(-1);
    const b = log.drain();
    expect(Array.from(b.losses)).toEqual([5]);
  });

  it('keeps the newest entries when nobody drains', () => {
    const log = new LossLog();
    const n = LOSS_LOG_CAPACITY + 10;
    for (let k = 1; k <= n; k++) log.push(k, k, k, false);
    expect(log.length).toBeLessThanOrEqual(LOSS_LOG_CAPACITY);
    const d = log.drain();
    expect(d.iters[d.iters.length - 1]).toBe(n);
    let consecutive = true;
    for (let k = 1; k < d.iters.length; k++) consecutive &&= d.iters[k] === d.iters[k - 1]! + 1;
    expect(consecutive).toBe(true);
  });
});
