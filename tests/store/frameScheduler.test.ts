import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { frameScheduler } from '../../src/store/bridge';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
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

it('an urgent write (a paused page answering the user) skips the wait, even one already queued', async () => {
  let busy = 0;
  const now = () => performance.now() + busy;
  const schedule = frameScheduler(50, 8, now);
  const at: number[] = [];
  const write = (cost: number) => () => {
    at.push(now());
    busy += cost;
  };
  schedule(write(100)); // a first render that mounted every chart: the next write waits 800 ms
  await vi.advanceTimersByTimeAsync(1);
  await Promise.resolve();
  expect(at).toHaveLength(1);
  schedule(write(1));
  await vi.advanceTimersByTimeAsync(100);
  expect(at).toHaveLength(1); // a training snapshot waits
  schedule(write(1), true);
  await vi.advanceTimersByTimeAsync(1);
  expect(at).toHaveLength(2);
  expect(at[1]! - at[0]!).toBeLessThan(100 + 110);
  // The queued write was the same flush: it does not run a second time.
  await vi.advanceTimersByTimeAsync(2000);
  expect(at).toHaveLength(2);
});
