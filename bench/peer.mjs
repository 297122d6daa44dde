/**
 * TensorFlow.js peer for `npm run bench`: the same model (one recurrent layer + dense readout, Adam)
 * trained on the same adding-problem batch, timed per training step. tfjs computes in float32 only.
 * The wasm binary is loaded from this package's node_modules (no network).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
setWasmPaths(
  path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist/',
);

/** Switches backend; returns false when it cannot be initialized. */
export async function useBackend(name) {
  const ok = await tf.setBackend(name);
  await tf.ready();
  return ok && tf.getBackend() === name;
}

export async function backendInfo() {
  const b = tf.getBackend();
  const simd = b === 'wasm' ? await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') : false;
  return { backend: b, version: tf.version.tfjs, simd };
}

const LAYERS = { rnn: 'simpleRNN', lstm: 'lstm', gru: 'gru' };

/**
 * A ready-to-run training step (forward, backward, Adam) of `cell` at (H, T, B) on the current
 * backend; `inputs` is [B][T][I] row-major (converted to float32), `targets` [B][O].
 * `step()` returns the loss (read back to the CPU, so the step has really finished).
 */
export function createPeerStep({ cell, H, T, B, I, O, inputs, targets, lr }) {
  const layer = tf.layers[LAYERS[cell]]({ units: H, inputShape: [T, I], returnSequences: false });
  const model = tf.sequential({ layers: [layer, tf.layers.dense({ units: O })] });
  const x = tf.tensor3d(Float32Array.from(inputs), [B, T, I]);
  const y = tf.tensor2d(Float32Array.from(targets), [B, O]);
  const opt = tf.train.adam(lr);
  const vars = model.trainableWeights.map((w) => w.read());
  const step = () => {
    const cost = opt.minimize(
      () => tf.losses.meanSquaredError(y, model.apply(x, { training: true })),
      true,
      vars,
    );
    const v = cost.dataSync()[0];
    cost.dispose();
    return v;
  };
  const dispose = () => {
    x.dispose();
    y.dispose();
    opt.dispose();
    model.dispose();
  };
  return { step, dispose };
}
