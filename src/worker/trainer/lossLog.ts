/**
 * Every training iteration's loss, pre-clip norm, clip flag and (for classification tasks) accuracy
 * on its batch since the last snapshot, so the
 * page's history misses none however fast training runs. Drained by each snapshot; bounded so a
 * page that stops listening cannot grow it forever (the oldest entries go first).
 */

/** Most entries held between two drains. */
export const LOSS_LOG_CAPACITY = 1 << 16;

export interface LossLogDrain {
  losses: Float64Array;
  iters: Float64Array;
  norms: Float64Array;
  clipped: Uint8Array;
  /** NaN for tasks without an accuracy. */
  accuracies: Float64Array;
  /** Hash of each iteration's batch (engine/batchHash.ts). */
  hashes: Float64Array;
}

export class LossLog {
  private losses = new Float64Array(256);
  private iters = new Float64Array(256);
  private norms = new Float64Array(256);
  private accs = new Float64Array(256);
  private hashes = new Float64Array(256);
  private clips = new Uint8Array(256);
  private n = 0;

  get length(): number {
    return this.n;
  }

  push(
    iteration: number,
    loss: number,
    norm: number,
    clipped: boolean,
    accuracy = NaN,
    hash = 0,
  ): void {
    if (this.n === LOSS_LOG_CAPACITY) this.dropOldestHalf();
    if (this.n === this.losses.length) this.grow();
    this.losses[this.n] = loss;
    this.iters[this.n] = iteration;
    this.norms[this.n] = norm;
    this.accs[this.n] = accuracy;
    this.hashes[this.n] = hash;
    this.clips[this.n] = clipped ? 1 : 0;
    this.n++;
  }

  /** Fresh arrays holding everything since the last drain, oldest first; the log is emptied. */
  drain(): LossLogDrain {
    const out = {
      losses: this.losses.slice(0, this.n),
      iters: this.iters.slice(0, this.n),
      norms: this.norms.slice(0, this.n),
      accuracies: this.accs.slice(0, this.n),
      clipped: this.clips.slice(0, this.n),
      hashes: this.hashes.slice(0, this.n),
    };
    this.n = 0;
    return out;
  }

  clear(): void {
    this.n = 0;
  }

  private grow(): void {
    const cap = Math.min(this.losses.length * 2, LOSS_LOG_CAPACITY);
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.losses = grow64(this.losses);
    this.iters = grow64(this.iters);
    this.norms = grow64(this.norms);
    this.accs = grow64(this.accs);
    this.hashes = grow64(this.hashes);
    const c = new Uint8Array(cap);
    c.set(this.clips);
    this.clips = c;
  }

  private dropOldestHalf(): void {
    const h = this.n >> 1;
    this.losses.copyWithin(0, h, this.n);
    this.iters.copyWithin(0, h, this.n);
    this.norms.copyWithin(0, h, this.n);
    this.accs.copyWithin(0, h, this.n);
    this.hashes.copyWithin(0, h, this.n);
    this.clips.copyWithin(0, h, this.n);
    this.n -= h;
  }
}
