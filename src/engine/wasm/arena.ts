/**
 * Where the engine's buffers live when WebAssembly SIMD is available: one WebAssembly.Memory per
 * workspace, handed out as Float64Array views, so the matrix products can run in the SIMD kernels
 * (kernels.wat) on the very arrays the rest of the engine reads and writes. linalg.ts sends a
 * product to the kernels when all three operands are views of one arena and runs its TypeScript
 * kernels otherwise, so results never depend on where an array came from, only their last bits
 * (the SIMD kernels sum in a different order).
 *
 * Without WebAssembly, without SIMD, or under a Content-Security-Policy that forbids compiling it,
 * createArena returns null and everything runs in TypeScript.
 */
import { KERNELS_WASM_HEX } from './kernels.wasm';

/** The exports of kernels.wat; addresses in bytes, leading dimensions in elements. */
export interface Kernels {
  gemm_nt(m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number,
    c: number, ldc: number, acc: number): void; // prettier-ignore
  gemm_tn(m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number,
    c: number, ldc: number): void; // prettier-ignore
}

/** The slice of the WebAssembly API used here (the engine's tsconfig has no DOM types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (desc: { initial: number }) => { buffer: ArrayBuffer };
}

const PAGE = 65536;
/** Each view starts on a 64-byte boundary (a cache line). */
const ALIGN = 8;

let enabled = true;
let compiled: object | null | undefined;
const kernelsByBuffer = new WeakMap<ArrayBufferLike, Kernels>();

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function wasmModule(): object | null {
  if (compiled === undefined) {
    compiled = null;
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    try {
      const bytes = hexToBytes(KERNELS_WASM_HEX);
      if (api !== undefined && api.validate(bytes)) compiled = new api.Module(bytes);
    } catch {
      // A CSP without 'wasm-unsafe-eval' throws here: the TypeScript kernels take over.
    }
  }
  return compiled;
}

/** True when new workspaces will get SIMD kernels. */
export function wasmKernelsAvailable(): boolean {
  return enabled && wasmModule() !== null;
}

/** Tests and the benchmark turn the SIMD kernels off to compare against the TypeScript ones. */
export function setWasmKernels(on: boolean): void {
  enabled = on;
}

/** The kernels bound to the memory behind `buffer`, if it is an arena's. */
export function kernelsFor(buffer: ArrayBufferLike): Kernels | undefined {
  return kernelsByBuffer.get(buffer);
}

/**
 * Float64Arrays of the given lengths, zero-filled: views of one fresh arena when the SIMD kernels
 * are available, ordinary arrays otherwise (also when the memory cannot be had).
 */
export function allocate<K extends string>(sizes: Record<K, number>): Record<K, Float64Array> {
  const keys = Object.keys(sizes) as K[];
  const out = {} as Record<K, Float64Array>;
  const mod = enabled ? wasmModule() : null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (mod !== null && api !== undefined) {
    let total = 0;
    for (const k of keys) total += Math.ceil(sizes[k] / ALIGN) * ALIGN;
    const bytes = total * 8;
    // wasm32 addresses stop at 4 GiB; the engine's limits keep workspaces far below that.
    if (bytes <= 2 ** 31) {
      try {
        const memory = new api.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
        const inst = new api.Instance(mod, { env: { memory } });
        kernelsByBuffer.set(memory.buffer, inst.exports as Kernels);
        let at = 0;
        for (const k of keys) {
          out[k] = new Float64Array(memory.buffer, at * 8, sizes[k]);
          at += Math.ceil(sizes[k] / ALIGN) * ALIGN;
        }
        return out;
      } catch {
        // Out of memory for one more arena: fall through to ordinary arrays.
      }
    }
  }
  for (const k of keys) out[k] = new Float64Array(sizes[k]);
  return out;
}
