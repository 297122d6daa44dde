/** A training session's speed limit and its measured steps per second. */
import type { Speed } from '../protocol';

/** Window over which steps per second are measured. */
const RATE_WINDOW_MS = 500;

export interface Pace {
  readonly speed: Speed;
  /** Measured over the latest window of RATE_WINDOW_MS. */
  readonly stepsPerSecond: number;
  /** Restarts the limit's and the rate's clocks (on play). */
  restart(t: number): void;
  setSpeed(speed: Speed, t: number): void;
  /** Steps the limit allows at t; rebases when the engine is slower than asked (no burst later). */
  allowed(t: number): number;
  /** Counts one step taken under the limit. */
  took(): void;
  /** Adds `did` steps finished at t to the rate. */
  measure(t: number, did: number): void;
  /** Milliseconds from t until the next step under the limit is due. */
  untilNext(t: number): number;
}

export function createPace(t0: number): Pace {
  let speed: Speed = 'max';
  let paceStart = 0;
  let paceSteps = 0;
  let rateStart = t0;
  let rateSteps = 0;
  let stepsPerSecond = 0;
  return {
    get speed() {
      return speed;
    },
    get stepsPerSecond() {
      return stepsPerSecond;
    },
    restart(t) {
      paceStart = t;
      paceSteps = 0;
      rateStart = t;
      rateSteps = 0;
    },
    setSpeed(s, t) {
      speed = s;
      paceStart = t;
      paceSteps = 0;
    },
    allowed(t) {
      if (speed === 'max') return Infinity;
      const due = Math.floor(((t - paceStart) * speed) / 1000) - paceSteps;
      if (due > Math.max(1, speed * 0.1)) {
        paceStart = t;
        paceSteps = 0;
        return 1;
      }
      return due;
    },
    took() {
      paceSteps++;
    },
    measure(t, did) {
      rateSteps += did;
      if (t - rateStart >= RATE_WINDOW_MS) {
        stepsPerSecond = (rateSteps * 1000) / (t - rateStart);
        rateStart = t;
        rateSteps = 0;
      }
    },
    untilNext(t) {
      return speed === 'max' ? 0 : ((paceSteps + 1) * 1000) / speed - (t - paceStart);
    },
  };
}
