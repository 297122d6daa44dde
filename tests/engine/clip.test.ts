import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clipGradNorm, DEFAULT_CLIP_NORM, gradNorm } from '../../src/engine/clip';
import type { Param, ParamName } from '../../src/engine/types';

function grads(...lists: number[][]): Param[] {
  const names: ParamName[] = ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0'];
  return lists.map((g, i) => ({
    name: names[i]!,
    shape: [g.length],
    rows: g.length,
    cols: 1,
    w: new Float64Array(g.length),
    dw: Float64Array.from(g),
  }));
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('gradNorm', () => {
  it('is the L2 norm over all parameters together', () => {
    // √(9 + 16 + 4 + 9 + 36) = √74
    expect(rel(gradNorm(grads([3, 4], [2, 3], [6])), Math.sqrt(74))).toBeLessThan(1e-15);
    expect(gradNorm(grads([0, 0], [0]))).toBe(0);
    expect(gradNorm([])).toBe(0);
    expect(gradNorm(grads([-5], [12]))).toBe(13);
  });

  it('stays finite and exact for huge values (1e200) and nonzero for tiny ones (1e-200)', () => {
    const big = gradNorm(grads([3e200, 4e200], [1.2e201]));
    expect(Number.isFinite(big)).toBe(true);
    expect(rel(big, 1.3e201)).toBeLessThan(1e-15);
    const tiny = gradNorm(grads([3e-200], [4e-200]));
    expect(rel(tiny, 5e-200)).toBeLessThan(1e-15);
    // Near the top of the range (max double ≈ 1.798e308): √2·1.5e308 is past it; ‖(6e307, 8e307)‖ = 1e308 is not.
    expect(gradNorm(grads([1.5e308, 1.5e308]))).toBe(Infinity);
    expect(rel(gradNorm(grads([6e307, 8e307])), 1e308)).toBeLessThan(1e-15);
    // The smallest subnormal survives.
    expect(gradNorm(grads([5e-324]))).toBe(5e-324);
  });

  it('reports NaN for any NaN gradient and +∞ for an infinite one', () => {
    expect(gradNorm(grads([1, NaN]))).toBeNaN();
    expect(gradNorm(grads([Infinity], [NaN]))).toBeNaN();
    expect(gradNorm(grads([NaN], [Infinity]))).toBeNaN();
    expect(gradNorm(grads([1], [-Infinity]))).toBe(Infinity);
  });
});

describe('clipGradNorm (torch.nn.utils.clip_grad_norm_ semantics)', () => {
  it('scales by θ/(‖g‖ + 1e-6) when ‖g‖ > θ and returns the pre-clip norm', () => {
    const ps = grads([3, 4], [12]);
    const r = clipGradNorm(ps, 1);
    expect(r).toEqual({ norm: 13, clipped: true });
    const coef = 1 / (13 + 1e-6);
    expect(Array.from(ps[0]!.dw)).toEqual([3 * coef, 4 * coef]);
    expect(Array.from(ps[1]!.dw)).toEqual([12 * coef]);
    expect(Math.abs(gradNorm(ps) - 13 / (13 + 1e-6))).toBeLessThan(1e-15);
  });

  it('leaves gradients alone when ‖g‖ ≤ θ, and near θ follows the 1e-6 rule', () => {
    const ps = grads([0.3, 0.4]);
    expect(clipGradNorm(ps, 1)).toEqual({ norm: 0.5, clipped: false });
    expect(Array.from(ps[0]!.dw)).toEqual([0.3, 0.4]);
    // ‖g‖ = θ exactly: coef = θ/(θ + 1e-6) < 1, so torch scales (slightly); so do we.
    const at = grads([0.6, 0.8]);
    expect(clipGradNorm(at, 1).clipped).toBe(true);
    expect(at[0]!.dw[0]).toBe(0.6 * (1 / (1 + 1e-6)));
  });

  it('is off for θ ≤ 0 but still measures the norm', () => {
    for (const theta of [0, -1, NaN]) {
      const ps = grads([30, 40]);
      expect(clipGradNorm(ps, theta)).toEqual({ norm: 50, clipped: false });
      expect(Array.from(ps[0]!.dw)).toEqual([30, 40]);
    }
  });

  it('clips huge finite gradients to θ without overflow', () => {
    const ps = grads([3e200, 4e200]);
    const r = clipGradNorm(ps, 1);
    expect(r.clipped).toBe(true);
    expect(rel(r.norm, 5e200)).toBeLessThan(1e-15);
    expect(rel(ps[0]!.dw[0]!, 0.6)).toBeLessThan(1e-15);
    expect(rel(gradNorm(ps), 1)).toBeLessThan(1e-15);
    // A norm past the double range, from finite parts, is still clipped.
    const over = grads([1.5e308, 1.5e308]);
    const ro = clipGradNorm(over, 2);
    expect(ro).toEqual({ norm: Infinity, clipped: true });
    expect(rel(over[0]!.dw[0]!, Math.SQRT2)).toBeLessThan(1e-15);
  });

  it('reports NaN and ∞ gradients instead of clipping them', () => {
    const nan = grads([1, NaN, 100]);
    const r = clipGradNorm(nan, 1);
    expect(r.norm).toBeNaN();
    expect(r.clipped).toBe(false);
    expect(nan[0]!.dw[2]).toBe(100);
    const inf = grads([Infinity, 100]);
    expect(clipGradNorm(inf, 1)).toEqual({ norm: Infinity, clipped: false });
    expect(inf[0]!.dw[1]).toBe(100);
  });

  it('defaults to Pascanu et al.’s threshold 1.0', () => {
    expect(DEFAULT_CLIP_NORM).toBe(1);
  });

  const fixture = JSON.parse(
    readFileSync(new URL('../fixtures/optim.json', import.meta.url), 'utf8'),
  ) as {
    clip: { name: string; maxNorm: number; grads: number[][]; norm: number; after: number[][] }[];
  };
  for (const c of fixture.clip) {
    it(`matches torch: ${c.name}`, () => {
      const ps = grads(...c.grads);
      const r = clipGradNorm(ps, c.maxNorm);
      expect(rel(r.norm, c.norm)).toBeLessThan(1e-14);
      expect(r.clipped).toBe(c.norm + 1e-6 > c.maxNorm);
      ps.forEach((p, i) => {
        c.after[i]!.forEach((want, k) => expect(rel(p.dw[k]!, want)).toBeLessThan(1e-14));
      });
    });
  }
});
