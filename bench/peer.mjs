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
 * Median milliseconds per training step (forward, backward, Adam) of `cell` at (H, T, B).
 * `inputs` is [B][T][I] row-major (converted to float32), `targets` [B][O]. After two warm-up steps
 * each of `runs` runs lasts about `targetMs`; when the warm-up step already exceeds `giveUpAboveMs`
 * that single timing is returned with `estimate: true` (a backend far slower than the other).
 */
export async function peerStepMs({
  cell,
  H,
  T,
  B,
  I,
  O,
  inputs,
  targets,
  lr,
  runs,
  targetMs,
  giveUpAboveMs,
}) {
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
  const tFirst = performance.now();
  const firstLoss = step();
  const first = performance.now() - tFirst;
  // The first step also builds kernels; 3× the bar is still far beyond a contender.
  if (giveUpAboveMs !== undefined && first > 3 * giveUpAboveMs) {
    dispose();
    return { ms: first, loss: firstLoss, firstLoss, estimate: true };
  }
  const t0 = performance.now();
  step();
  const est = performance.now() - t0;
  if (giveUpAboveMs !== undefined && est > giveUpAboveMs) {
    dispose();
    return { ms: est, loss: firstLoss, firstLoss, estimate: true };
  }
  const steps = Math.max(1, Math.round(targetMs / est));
  const times = [];
  let loss = firstLoss;
  for (let r = 0; r < runs; r++) {
    const t1 = performance.now();
    for (let k = 0; k < steps; k++) loss = step();
    times.push((performance.now() - t1) / steps);
  }
  dispose();
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1], loss, firstLoss, estimate: false };
}
