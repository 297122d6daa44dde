/**
 * A 32-bit FNV-1a hash of a batch's inputs and targets, over their float64 bit patterns: two runs
 * that drew the same batch get the same hash, and a single flipped bit changes it. Compared runs use
 * it to show (and the tests to check) that batch k is the same batch for every run.
 */
import type { Batch } from './types';

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

function mix(h: number, a: Float64Array): number {
  const words = new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
  for (let k = 0; k < words.length; k++) h = Math.imul(h ^ (words[k] as number), PRIME);
  return h;
}

export function batchHash(batch: Pick<Batch, 'inputs' | 'targets'>): number {
  return mix(mix(OFFSET, batch.inputs), batch.targets) >>> 0;
}
