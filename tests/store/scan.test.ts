/** The scan view's reducers (store/scan.ts): matching the snapshot, keeping the level, clamping. */
import { describe, expect, it } from 'vitest';
import { currentScan, EMPTY_SCAN, receiveScan, scanKey, toLevel } from '../../src/store/scan';
import type { ScanMessage, Snapshot } from '../../src/worker/protocol';

const msg = (T: number, depth: number, trace = 1, lane = 0) =>
  ({ run: 1, trace, seq: 0, T, depth, lane }) as unknown as ScanMessage;
const snap = (trace: number) => ({ run: 1, trace, seq: 0 }) as unknown as Snapshot;

describe('scan reducers', () => {
  it('shows a scan only for the trace on screen', () => {
    const s = receiveScan(EMPTY_SCAN, msg(16, 4));
    expect(currentScan(s, snap(1))).not.toBeNull();
    expect(currentScan(s, snap(2))).toBeNull();
    expect(currentScan(s, null)).toBeNull();
    expect(scanKey(snap(3), 5)).toBe('1:3:0:5');
  });
  it('clamps the level to 0..depth and stops autoplay at the top', () => {
    let s = receiveScan(EMPTY_SCAN, msg(16, 4));
    expect(s.level).toBe(0);
    s = toLevel({ ...s, playing: true }, 3);
    expect(s.playing).toBe(true);
    s = toLevel(s, 9);
    expect(s.level).toBe(4);
    expect(s.playing).toBe(false);
    expect(toLevel(s, -2).level).toBe(0);
  });
  it('keeps the level for a scan of the same length, restarts for another', () => {
    const s = toLevel(receiveScan(EMPTY_SCAN, msg(16, 4)), 3);
    expect(receiveScan(s, msg(16, 4, 2, 1)).level).toBe(3);
    expect(receiveScan(s, msg(16, 4, 2, 1)).lane).toBe(1);
    expect(receiveScan(s, msg(5, 3, 2)).level).toBe(0);
  });
});
