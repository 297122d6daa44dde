/**
 * The session's backward walk: computed from the weights of the trace on screen (not the updated
 * ones), its per-step terms summing to the gradient the optimizer used, and ‖J_t‖₂ arriving in
 * slices from t = T down to 1.
 */
import { describe, expect, it } from 'vitest';
import { createWorkspace, forwardBackward } from '../../src/engine/bptt';
import { relativeGap } from '../../src/engine/backward/terms';
import { backwardWalk } from '../../src/engine/backward/walk';
import { stepJacobianNorms } from '../../src/engine/jacobian';
import { createTrainer } from '../../src/worker/trainer';
import type { BackwardMessage, BackwardNormsMessage, FromWorker } from '../../src/worker/protocol';
import { createWalkJob } from '../../src/worker/trainer/walk';
import type { TrainConfig } from '../../src/worker/config';
import { harness, small } from './helpers';

describe('trainer.traceInputs', () => {
  it('gives the weights, batch and options the latest trace was computed from', () => {
    const t = createTrainer(small({ cell: 'lstm', clip: 0, tbptt: 6 }));
    t.step();
    t.step();
    const { model, batch, opts } = t.traceInputs();
    expect(opts.truncate).toBe(6);
    // The live weights moved on after the trace; the copy did not.
    const live = t.model.param('weight_hh_l0').w;
    expect(model.param('weight_hh_l0').w).not.toEqual(live);
    const { walk } = backwardWalk(model, batch, 0, opts);
    expect(walk.batchNorm).toEqual(t.trace.dhNorm);
  });

  it('per-step terms sum to the gradient the optimizer used (clipping off), to 1e-12', () => {
    for (const cell of ['rnn', 'lstm', 'gru', 'linear'] as const) {
      const t = createTrainer(small({ cell, clip: 0 }));
      t.step();
      t.step();
      const used = t.model.param('weight_hh_l0').dw.slice();
      const { model, batch, opts } = t.traceInputs();
      const { walk } = backwardWalk(model, batch, 0, opts);
      expect(relativeGap(walk.terms[0]!.sum, used)).toBeLessThan(1e-12);
    }
  });

  it('with clipping, the optimizer used the same sum scaled by θ/(‖∇L‖ + 1e-6)', () => {
    const t = createTrainer(small({ cell: 'rnn', clip: 0.01, rho: 1.2 }));
    t.step();
    expect(t.clipped).toBe(true);
    const used = t.model.param('weight_hh_l0').dw.slice();
    const { model, batch, opts } = t.traceInputs();
    const { walk } = backwardWalk(model, batch, 0, opts);
    // torch.nn.utils.clip_grad_norm_: coef = θ / (‖g‖ + 1e-6).
    const scaled = walk.terms[0]!.sum.map((x) => x * (0.01 / (t.preClipNorm + 1e-6)));
    expect(relativeGap(scaled, used)).toBeLessThan(1e-12);
  });
});

describe('analyze backward in the session', () => {
  it('answers with the walk, then ‖J_t‖₂ from T down to 1 equal to the exact SVD norms', async () => {
    const h = harness();
    h.send({ type: 'init', config: small({ cell: 'gru', T: 12, H: 6 }) });
    h.send({ type: 'step', n: 2 });
    await h.until(() => h.last().iteration === 2);
    h.send({ type: 'setView', seq: 2 });
    h.send({ type: 'analyze', kind: 'backward' });
    await h.until(() =>
      h.msgs.some((m) => m.type === 'backwardNorms' && (m as BackwardNormsMessage).done),
    );
    const walk = h.msgs.find((m) => m.type === 'backward') as BackwardMessage;
    expect(walk.seq).toBe(2);
    expect(walk.trace).toBe(h.last().trace);
    expect(walk.batchNorm).toEqual(h.last().dhNorm);
    expect(walk.terms[0]!.sumGap).toBeLessThan(1e-12);
    const norms = h.msgs.filter((m) => m.type === 'backwardNorms') as BackwardNormsMessage[];
    const got = new Float64Array(walk.T).fill(NaN);
    let expectFrom = walk.T;
    for (const m of norms) {
      expect(m.from).toBe(expectFrom);
      m.values.forEach((v, k) => (got[m.from - k - 1] = v));
      expectFrom = m.from - m.values.length;
    }
    expect(expectFrom).toBe(0);
    const { model, batch, opts } = h.session.trainer!.traceInputs();
    const trace = forwardBackward(
      model,
      batch,
      createWorkspace(model.spec, batch.T, batch.B),
      opts,
    );
    const exact = stepJacobianNorms(model, trace, 2);
    for (let t = 0; t < walk.T; t++)
      expect(Math.abs(got[t]! - exact[t]!)).toBeLessThan(1e-10 * exact[t]!);
    h.session.dispose();
  });

  it('a new request cancels the slices of the previous one', async () => {
    const h = harness();
    h.send({ type: 'init', config: small({ cell: 'lstm', T: 60, H: 24 }) });
    h.send({ type: 'analyze', kind: 'backward' });
    h.send({ type: 'setView', seq: 1 });
    h.send({ type: 'analyze', kind: 'backward' });
    await h.until(() =>
      h.msgs.some((m) => m.type === 'backwardNorms' && (m as BackwardNormsMessage).done),
    );
    const norms = h.msgs.filter((m) => m.type === 'backwardNorms') as BackwardNormsMessage[];
    expect(norms.every((m) => m.seq === 1)).toBe(true);
    h.session.dispose();
  });
});

describe('the walk job on the newer families', () => {
  it.each(['lru', 'rglru', 's6', 'attention'] as const)(
    '%s: the walk, then ‖J_t‖₂ for a chain (none for attention)',
    (cell) => {
      const config = { ...small({ task: 'adding', T: 10, H: 4, batch: 2 }), cell };
      const t = createTrainer(config as unknown as TrainConfig);
      t.step();
      const out: FromWorker[] = [];
      const job = createWalkJob(
        (m) => out.push(m),
        () => performance.now(),
        (cb) => cb(),
      );
      job.request(t, 1);
      const walk = out.find((m) => m.type === 'backward') as BackwardMessage;
      expect(walk.seq).toBe(1);
      expect(walk.terms.every((p) => p.sumGap < 1e-12)).toBe(true);
      expect(walk.batchNorm).toEqual(t.trace.dhNorm);
      const norms = out.filter((m) => m.type === 'backwardNorms') as BackwardNormsMessage[];
      if (cell === 'attention') {
        expect(norms).toEqual([]);
        expect(walk.arcs).not.toBeNull();
      } else {
        expect(norms.at(-1)?.done).toBe(true);
        expect(norms.reduce((n, m) => n + m.values.length, 0)).toBe(10);
      }
    },
  );
});
