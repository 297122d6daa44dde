import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { frameScheduler } from '../../src/store/bridge';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 0));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Times of `writes` scheduled writes that each take `costMs` of main-thread time. */
async function writeTimes(costMs: number, writes: number): Promise<number[]> {
  let busy = 0;
  const now = () => performance.now() + busy;
  const schedule = frameScheduler(50, 8, now);
  const at: number[] = [];
  for (let i = 0; i < writes; i++) {
    let done = false;
    schedule(() => {
      at.push(now());
      busy += costMs;
      done = true;
    });
    while (!done) await vi.advanceTimersByTimeAsync(1);
    await Promise.resolve();
  }
  return at;
}

const gaps = (at: number[]) => at.slice(1).map((t, i) => t - at[i]!);

it('cheap writes go out every 50 ms', async () => {
  for (const g of gaps(await writeTimes(2, 4))) {
    expect(g).toBeGreaterThanOrEqual(50);
    expect(g).toBeLessThan(60);
  }
});

it('a write that took 40 ms holds the next one back 8 × 40 ms after it ended', async () => {
  for (const g of gaps(await writeTimes(40, 4))) {
    expect(g).toBeGreaterThanOrEqual(40 + 320);
    expect(g).toBeLessThan(40 + 330);
  }
});
