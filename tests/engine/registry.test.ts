import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkspace, forwardBackward } from '../../src/engine/bptt';
import {
  CELL_IDS,
  CELLS,
  cellInfo,
  INIT_KINDS,
  initFor,
  modelParamShapes,
} from '../../src/engine/cells/catalog';
import { EXPLANATIONS } from '../../src/engine/cells/explanations';
import { cellEngine } from '../../src/engine/cells/registry';
import { initModel } from '../../src/engine/init';
import { createModel } from '../../src/engine/model';
import { createRng } from '../../src/engine/rng';
import { makeTask, TASK_IDS, TASKS } from '../../src/engine/tasks';

const SPECS = [
  { inputSize: 3, hiddenSize: 5, outputSize: 2 },
  { inputSize: 1, hiddenSize: 4, outputSize: 1 },
  { inputSize: 2, hiddenSize: 1, outputSize: 3 },
];

describe('cell registry', () => {
  it('lists each cell once, and its engine carries the same descriptor', () => {
    expect(new Set(CELL_IDS).size).toBe(CELL_IDS.length);
    expect(new Set(CELLS.map((c) => c.label)).size).toBe(CELLS.length);
    for (const id of CELL_IDS) expect(cellEngine(id).info).toBe(cellInfo(id));
    expect(() => cellInfo('elman')).toThrow(
      /unknown cell "elman" \(known: linear, rnn, relu, lstm, gru/,
    );
  });

  for (const info of CELLS) {
    it(`${info.id}: the model, workspace and trace follow the descriptor's shapes`, () => {
      for (const sizes of SPECS) {
        const spec = { cell: info.id, ...sizes };
        const model = createModel(spec);
        const shapes = modelParamShapes(info.id, spec);
        expect(model.params.map((p) => [p.name, p.shape])).toEqual(
          shapes.map((p) => [p.name, p.shape]),
        );
        // Matrices keep both dimensions even with one column; vectors have one.
        for (const p of model.params) {
          if (info.family === 'classic')
            expect(p.shape.length).toBe(p.name.includes('bias') ? 1 : 2);
          expect(p.w.length).toBe(p.shape.reduce((a, b) => a * b, 1));
        }
        const F = info.readoutWidth(spec);
        expect(model.param('readout.weight').shape).toEqual([sizes.outputSize, F]);
        initModel(model, createRng(1), { init: info.inits[0]!.id, rho: null, forgetBias: 0 });
        const T = 3;
        const B = 2;
        const batch = {
          T,
          B,
          loss: 'mse_all' as const,
          inputs: Float64Array.from({ length: T * B * sizes.inputSize }, (_, k) => Math.sin(k)),
          targets: new Float64Array(T * B * sizes.outputSize),
        };
        const tr = forwardBackward(model, batch, createWorkspace(spec, T, B));
        expect(tr.S).toBe(info.state.width(spec));
        expect(tr.h.length).toBe((T + 1) * B * tr.S);
        expect(tr.gates === null ? 0 : tr.gates.length).toBe(
          T * B * info.gates.length * sizes.hiddenSize,
        );
        expect(tr.c !== null).toBe(info.cellState);
        expect(Number.isFinite(tr.loss)).toBe(true);
      }
    });
  }

  it('the classic cells cost G·H·(I + H) multiply-adds per step, G read off weight_ih_l0', () => {
    for (const info of CELLS) {
      if (info.family !== 'classic') continue;
      const spec = { inputSize: 7, hiddenSize: 5, outputSize: 1 };
      const G = info.params(spec)[0]!.shape[0] / 5;
      expect(G).toBe(Math.max(1, info.gates.length));
      expect(info.macsPerStep(spec)).toBe(G * 5 * (7 + 5));
      const p = cellEngine(info.id).passes;
      expect(p.kind === 'classic' && p.kernel.G).toBe(G);
    }
  });

  it('declares inits, controls, references and explain text; a foreign init falls back', () => {
    for (const info of CELLS) {
      expect(info.inits.length).toBeGreaterThan(0);
      for (const i of info.inits) expect(INIT_KINDS).toContain(i.id);
      const e = EXPLANATIONS[info.id];
      expect(e.title.length).toBeGreaterThan(3);
      expect(e.equations.length).toBeGreaterThan(0);
      expect(e.cost?.length).toBeGreaterThan(20);
      expect(e.citation?.length).toBeGreaterThan(20);
      expect(initFor(info.id, info.inits[0]!.id)).toBe(info.inits[0]!.id);
      expect(initFor(info.id, 'no such init')).toBe(info.inits[0]!.id);
    }
    expect(cellInfo('lstm').controls).toEqual(['rho', 'forgetBias', 'holdForget']);
    expect(cellInfo('rnn').controls).toEqual(['rho']);
  });
});

describe('task registry', () => {
  it('lists each task once with a distinct label, and each maker agrees with its descriptor', () => {
    expect(new Set(TASK_IDS).size).toBe(TASKS.length);
    expect(new Set(TASKS.map((t) => t.label)).size).toBe(TASKS.length);
    for (const info of TASKS) {
      const task = makeTask(info.id, 40);
      expect([task.id, task.name, task.loss, task.inputSize, task.outputSize]).toEqual([
        info.id,
        info.label,
        info.loss,
        info.inputSize,
        info.outputSize,
      ]);
    }
    expect(() => makeTask('maze' as never, 10)).toThrow(/unknown task "maze"/);
  });
});

describe('docs read the registries', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  it("README's grad CLI sections name every cell", () => {
    const classic = CELLS.filter((c) => c.family === 'classic').map((c) => c.id);
    const families = CELL_IDS.filter((id) => !classic.includes(id as never));
    expect(readme).toContain(`(\`cell\` ∈ ${classic.join(', ')};`);
    expect(readme.replace(/\s+/g, ' ')).toContain(`\`cell\` ∈ ${families.join(', ')},`);
  });
  it("README's weights section gives every task's inputs and outputs", () => {
    const flat = readme.replace(/\s+/g, ' ');
    for (const t of TASKS) expect(flat).toContain(`${t.id} ${t.inputSize} → ${t.outputSize}`);
  });
});
