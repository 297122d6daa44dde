import { wasmKernelsAvailable } from '../../engine/wasm/arena';
import type { KernelKind } from '../protocol';

/** The kernels this thread's engine runs (reported in `ready`). */
export function engineKernels(): KernelKind {
  return wasmKernelsAvailable() ? 'simd' : 'typescript';
}
