import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_CELL_IDS, cellHas, initFor } from '../../src/engine/cells/catalog';
import { LESSONS } from '../../src/store/lessons';
import {
  baseline,
  CONFIG_KEYS,
  CONTROL_IDS,
  decodeUrl,
  DEFAULT_VIEW,
  encodeUrl,
  PANEL_IDS,
  shownControls,
  shownPanels,
  VIEW_KEYS,
} from '../../src/store/url';
import type { ViewState } from '../../src/store/url';
import type { UrlState } from '../../src/store/urlFields';
import {
  DEFAULT_CONFIG,
  fitRing,
  fitWorkBudget,
  FREEZE_KINDS,
  INIT_KINDS,
  LIMITS,
  MAX_WORK,
  OPTIMIZER_KINDS,
  stepWork,
  TASK_IDS,
} from '../../src/worker/config';
import type { TrainConfig } from '../../src/worker/config';

// Every cell the page trains (CellInfo.inApp).
const CELLS = APP_CELL_IDS;

// Doubles in [min, max] without NaN; -0 is mapped to 0 because a valid config never holds -0
// (the codec reads '-0' as 0, tested below).
const dbl = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
const int = (r: { min: number; max: number }) => fc.integer({ min: r.min, max: r.max });

/** A generator for every URL key; the mapped type makes a new key without one a type error. */
const ARB: { [K in keyof UrlState]: fc.Arbitrary<UrlState[K]> } = {
  cell: fc.constantFrom(...CELLS),
  task: fc.constantFrom(...TASK_IDS),
  T: int(LIMITS.T),
  H: int(LIMITS.H),
  batch: int(LIMITS.batch),
  init: fc.constantFrom(...INIT_KINDS),
  rho: fc.option(dbl(LIMITS.rho.min, LIMITS.rho.max), { nil: null }),
  forgetBias: dbl(LIMITS.forgetBias.min, LIMITS.forgetBias.max),
  holdForget: fc.option(dbl(LIMITS.holdForget.min, LIMITS.holdForget.max), { nil: null }),
  opt: fc.constantFrom(...OPTIMIZER_KINDS),
  lr: dbl(LIMITS.lr.min, LIMITS.lr.max),
  clip: dbl(LIMITS.clip.min, LIMITS.clip.max),
  tbptt: int(LIMITS.tbptt),
  freeze: fc.constantFrom(...FREEZE_KINDS),
  seed: int(LIMITS.seed),
  N: int(LIMITS.N),
  rmin: dbl(LIMITS.rmin.min, LIMITS.rmin.max),
  rmax: dbl(LIMITS.rmax.min, LIMITS.rmax.max),
  phase: dbl(LIMITS.phase.min, LIMITS.phase.max),
  embed: fc.boolean(),
  panels: fc.option(fc.uniqueArray(fc.constantFrom(...PANEL_IDS)), { nil: null }),
  controls: fc.option(fc.uniqueArray(fc.constantFrom(...CONTROL_IDS)), { nil: null }),
  autoplay: fc.constantFrom(true, false, 'slide' as const),
  theme: fc.constantFrom('light' as const, 'dark' as const, null),
  large: fc.boolean(),
  presenter: fc.boolean(),
  view: fc.constantFrom('train' as const, 'backward' as const),
  // A run other than A needs a comparison: tests/store/compareUrl.test.ts.
  run: fc.constant(0),
  predict: fc.boolean(),
};

// A valid config also fits the work budget (decoding lowers the batch of one that does not).
const arbConfig: fc.Arbitrary<TrainConfig> = fc
  .record(
    Object.fromEntries(CONFIG_KEYS.map((k) => [k, ARB[k]])) as {
      [K in keyof TrainConfig]: fc.Arbitrary<TrainConfig[K]>;
    },
  )
  .map((c) => fitWorkBudget(fitRing(c).config).config);
const arbView: fc.Arbitrary<ViewState> = fc.record(
  Object.fromEntries(VIEW_KEYS.map((k) => [k, ARB[k]])) as {
    [K in keyof ViewState]: fc.Arbitrary<ViewState[K]>;
  },
);
const arbLesson = fc.option(fc.constantFrom(...LESSONS.map((l) => l.id)), { nil: null });

/** Validity written from LIMITS and the kind lists directly, not through the codec's table. */
function configProblems(c: TrainConfig): string[] {
  const bad: string[] = [];
  const inRange = (k: keyof typeof LIMITS, x: number, integer: boolean) => {
    const { min, max } = LIMITS[k];
    if (typeof x !== 'number' || !(x >= min && x <= max) || (integer && !Number.isInteger(x)))
      bad.push(`${k}=${x}`);
  };
  if (!CELLS.includes(c.cell)) bad.push('cell');
  if (!TASK_IDS.includes(c.task)) bad.push('task');
  if (!INIT_KINDS.includes(c.init)) bad.push('init');
  if (!OPTIMIZER_KINDS.includes(c.opt)) bad.push('opt');
  inRange('T', c.T, true);
  inRange('H', c.H, true);
  inRange('batch', c.batch, true);
  if (c.rho !== null) inRange('rho', c.rho, false);
  inRange('forgetBias', c.forgetBias, false);
  if (c.holdForget !== null) inRange('holdForget', c.holdForget, false);
  inRange('lr', c.lr, false);
  inRange('clip', c.clip, false);
  inRange('tbptt', c.tbptt, true);
  inRange('seed', c.seed, true);
  if (Object.keys(c).sort().join() !== Object.keys(DEFAULT_CONFIG).sort().join()) bad.push('keys');
  return bad;
}

function viewProblems(v: ViewState): string[] {
  const bad: string[] = [];
  for (const k of ['embed', 'large', 'presenter'] as const)
    if (typeof v[k] !== 'boolean') bad.push(k);
  if (typeof v.autoplay !== 'boolean' && v.autoplay !== 'slide') bad.push('autoplay');
  if (v.panels !== null && !v.panels.every((p) => PANEL_IDS.includes(p))) bad.push('panels');
  if (v.controls !== null && !v.controls.every((p) => CONTROL_IDS.includes(p)))
    bad.push('controls');
  if (v.theme !== null && v.theme !== 'light' && v.theme !== 'dark') bad.push('theme');
  return bad;
}

describe('work budget', () => {
  it('a link asking for too much work per step gets a smaller batch and a notice', () => {
    const d = decodeUrl('cell=lstm&H=128&T=1000&batch=64');
    expect(d.config.batch).toBeLessThan(64);
    expect(stepWork(d.config)).toBeLessThanOrEqual(MAX_WORK);
    expect(d.problems.join(' ')).toMatch(/using batch/);
  });
});

/**
 * The setup as a link can hold it: the cell's own init, and the baseline's value wherever the setup
 * has no use for one (forget-gate keys of a cell without a forget gate, panels and controls outside
 * an embed, autoplay in backward mode). Written from the registry, not through the codec.
 */
function used(config: TrainConfig, view: ViewState, lesson: string | null) {
  const base = baseline(lesson);
  const c = { ...config, init: initFor(config.cell, config.init) as TrainConfig['init'] };
  if (!cellHas(c.cell, 'forgetBias')) c.forgetBias = base.config.forgetBias;
  if (!cellHas(c.cell, 'holdForget')) c.holdForget = base.config.holdForget;
  if (!cellHas(c.cell, 'rho')) c.rho = base.config.rho;
  if (!cellHas(c.cell, 'stateSize')) c.N = base.config.N;
  if (!cellHas(c.cell, 'ring'))
    Object.assign(c, { rmin: base.config.rmin, rmax: base.config.rmax, phase: base.config.phase });
  const v = { ...view };
  if (!v.embed) Object.assign(v, { panels: base.view.panels, controls: base.view.controls });
  if (v.view === 'backward') v.autoplay = base.view.autoplay;
  return { config: c, view: v };
}

describe('round trip', () => {
  it('decode(encode(config, view, lesson)) gives back the same setup, with no problems', () => {
    fc.assert(
      fc.property(arbConfig, arbView, arbLesson, (config, view, lesson) => {
        const d = decodeUrl(encodeUrl(config, view, lesson));
        expect(d.problems).toEqual([]);
        expect({ config: d.config, view: d.view }).toEqual(used(config, view, lesson));
        expect(d.lesson).toBe(lesson);
      }),
      { numRuns: 2000 },
    );
  });

  it('every key on its own: one changed key writes exactly that key and reads back', () => {
    // Literal links, written by hand: the mapped type makes a new key without an example a type error.
    const LINKS: { [K in keyof UrlState]: [UrlState[K], string][] } = {
      cell: [
        ['lstm', 'v=1&cell=lstm'],
        ['gru', 'v=1&cell=gru'],
        ['linear', 'v=1&cell=linear'],
      ],
      task: [['parity', 'v=1&task=parity']],
      T: [[200, 'v=1&T=200']],
      H: [[7, 'v=1&H=7']],
      batch: [[1, 'v=1&batch=1']],
      init: [['orthogonal', 'v=1&init=orthogonal']],
      rho: [
        [null, 'v=1&rho=off'],
        [1.25, 'v=1&rho=1.25'],
      ],
      forgetBias: [[-1.5, 'v=1&cell=lstm&forgetBias=-1.5']],
      holdForget: [
        [0.95, 'v=1&cell=lstm&holdForget=0.95'],
        [1, 'v=1&cell=lstm&holdForget=1'],
      ],
      opt: [['sgd', 'v=1&opt=sgd']],
      lr: [
        [0.0003, 'v=1&lr=0.0003'],
        [1e-4, 'v=1&lr=0.0001'],
      ],
      clip: [
        [0, 'v=1&clip=0'],
        [2.5, 'v=1&clip=2.5'],
      ],
      tbptt: [[20, 'v=1&tbptt=20']],
      freeze: [
        ['recurrent', 'v=1&freeze=recurrent'],
        ['all', 'v=1&freeze=all'],
      ],
      seed: [[123456, 'v=1&seed=123456']],
      N: [[4, 'v=1&cell=s6&init=mamba&N=4']],
      rmin: [[0.9, 'v=1&cell=lru&init=ring&rmin=0.9']],
      rmax: [[0.999, 'v=1&cell=lru&init=ring&rmax=0.999']],
      phase: [[3.14, 'v=1&cell=lru&init=ring&phase=3.14']],
      embed: [[true, 'v=1&embed=1']],
      panels: [
        [['grad', 'belt'], 'v=1&embed=1&panels=grad,belt'],
        [[], 'v=1&embed=1&panels=none'],
      ],
      controls: [
        [['rho', 'play'], 'v=1&embed=1&controls=rho,play'],
        [[], 'v=1&embed=1&controls=none'],
      ],
      autoplay: [
        [true, 'v=1&autoplay=1'],
        ['slide', 'v=1&autoplay=slide'],
      ],
      theme: [
        ['dark', 'v=1&theme=dark'],
        ['light', 'v=1&theme=light'],
      ],
      large: [[true, 'v=1&large=1']],
      presenter: [[true, 'v=1&presenter=1']],
      view: [['backward', 'v=1&view=backward']],
      // A run other than A needs a comparison: tests/store/compareUrl.test.ts.
      run: [],
      predict: [[false, 'v=1&predict=0']],
    };
    // The keys only some setups use are shown in one that uses them (an LSTM, S6, the LRU, an
    // embed), at that cell's own initialization.
    const CELL_OF: Record<string, TrainConfig['cell']> = {
      forgetBias: 'lstm',
      holdForget: 'lstm',
      N: 's6',
      rmin: 'lru',
      rmax: 'lru',
      phase: 'lru',
    };
    const EMBED_KEYS = ['panels', 'controls'];
    for (const [key, examples] of Object.entries(LINKS)) {
      for (const [value, link] of examples as [unknown, string][]) {
        const cell = CELL_OF[key];
        const config: TrainConfig = {
          ...DEFAULT_CONFIG,
          ...(cell
            ? { cell, init: initFor(cell, DEFAULT_CONFIG.init) as TrainConfig['init'] }
            : {}),
        };
        const view = { ...DEFAULT_VIEW, embed: EMBED_KEYS.includes(key) };
        Object.assign((CONFIG_KEYS as readonly string[]).includes(key) ? config : view, {
          [key]: value,
        });
        expect(encodeUrl(config, view), key).toBe(link);
        const d = decodeUrl(`?${link}`);
        expect({ ...d.config, ...d.view }, link).toEqual({ ...config, ...view });
        expect(d.problems).toEqual([]);
      }
    }
    // The defaults write nothing.
    expect(encodeUrl(DEFAULT_CONFIG, DEFAULT_VIEW)).toBe('');
  });

  it('writes only non-default keys, in table order, with v=1 first', () => {
    expect(encodeUrl(DEFAULT_CONFIG, DEFAULT_VIEW)).toBe('');
    expect(
      encodeUrl(
        { ...DEFAULT_CONFIG, seed: 7, cell: 'lstm', rho: null },
        { ...DEFAULT_VIEW, panels: ['grad', 'belt'], embed: true },
      ),
    ).toBe('v=1&cell=lstm&rho=off&seed=7&embed=1&panels=grad,belt');
    expect(encodeUrl(DEFAULT_CONFIG, { ...DEFAULT_VIEW, embed: true, controls: [] })).toBe(
      'v=1&embed=1&controls=none',
    );
    const order = ['v', 'lesson', ...CONFIG_KEYS, ...VIEW_KEYS, 'compare'];
    fc.assert(
      fc.property(arbConfig, arbView, arbLesson, (c, v, l) => {
        const keys = encodeUrl(c, v, l)
          .split('&')
          .filter(Boolean)
          .map((kv) => kv.split('=')[0] as string);
        const idx = keys.map((k) => order.indexOf(k));
        expect(idx.every((i) => i >= 0)).toBe(true);
        expect([...idx].sort((a, b) => a - b)).toEqual(idx);
      }),
    );
  });

  it('a lesson link carries only the differences from the lesson', () => {
    const vanishing = decodeUrl('lesson=vanishing').config;
    expect(encodeUrl(vanishing, DEFAULT_VIEW, 'vanishing')).toBe('v=1&lesson=vanishing');
    expect(encodeUrl({ ...vanishing, T: 100 }, DEFAULT_VIEW, 'vanishing')).toBe(
      'v=1&lesson=vanishing&T=100',
    );
    // Back to a DEFAULT_CONFIG value that the lesson changed: must be written, or the lesson would win.
    expect(encodeUrl({ ...vanishing, init: DEFAULT_CONFIG.init }, DEFAULT_VIEW, 'vanishing')).toBe(
      `v=1&lesson=vanishing&init=${DEFAULT_CONFIG.init}`,
    );
  });
});

describe('decoding values', () => {
  it('clamps numbers into LIMITS and says so', () => {
    const d = decodeUrl('?T=5000&H=0&rho=1e999&lr=-1&seed=99999999999');
    expect(d.config).toMatchObject({
      T: 1000,
      H: 1,
      rho: 2,
      lr: LIMITS.lr.min,
      seed: LIMITS.seed.max,
    });
    expect(d.problems).toEqual([
      'T=5000 is above the largest allowed 1000; using 1000',
      'H=0 is below the smallest allowed 1; using 1',
      'rho=1e999 is above the largest allowed 2; using 2',
      `lr=-1 is below the smallest allowed ${LIMITS.lr.min}; using ${LIMITS.lr.min}`,
      `seed=99999999999 is above the largest allowed ${LIMITS.seed.max}; using ${LIMITS.seed.max}`,
    ]);
  });

  it('replaces unparsable values by the current value (default or lesson) and says so', () => {
    const d = decodeUrl('T=abc&rho=NaN&lr=Infinity&clip=0x10&seed=1_000&cell=tanh');
    expect(d.config).toEqual(DEFAULT_CONFIG);
    expect(d.problems).toEqual([
      `cell=tanh is not one of ${APP_CELL_IDS.join(', ')}; using ${DEFAULT_CONFIG.cell}`,
      `T=abc is not a number; using ${DEFAULT_CONFIG.T}`,
      `rho=NaN is not a number; using ${DEFAULT_CONFIG.rho}`,
      `lr=Infinity is not a number; using ${DEFAULT_CONFIG.lr}`,
      `clip=0x10 is not a number; using ${DEFAULT_CONFIG.clip}`,
      `seed=1_000 is not a number; using ${DEFAULT_CONFIG.seed}`,
    ]);
    const e = decodeUrl('lesson=exploding&rho=abc');
    expect(e.config.rho).toBe(1.5);
    expect(e.problems).toEqual(['rho=abc is not a number; using 1.5']);
  });

  it('reads the spellings a hand-edited link uses', () => {
    const d = decodeUrl(
      'cell=LSTM&rho=off&holdForget=0.9&clip=off&tbptt=full&forgetBias=-0&lr=1e-3&T=12.5&embed&theme=dark&large=true',
    );
    expect(d.config).toMatchObject({
      cell: 'lstm',
      rho: null,
      holdForget: 0.9,
      clip: 0,
      tbptt: 0,
      lr: 0.001,
      T: 13,
    });
    expect(Object.is(d.config.forgetBias, 0)).toBe(true);
    expect(d.view).toMatchObject({ embed: true, theme: 'dark', large: true });
    expect(d.problems).toEqual(['T=12.5 is not a whole number; using 13']);
    // '+' in a query string means a space, so a typed 1e+2 arrives as '1e 2'.
    expect(decodeUrl('clip=1e+1').config.clip).toBe(10);
  });

  it('last duplicate wins (and says so); unknown keys are named once', () => {
    const d = decodeUrl('T=10&foo=1&T=20&foo=2&bar=3&t=5');
    expect(d.config.T).toBe(20);
    expect(d.problems).toEqual([
      'T appears 2 times; the last one counts (T=20)',
      'ignored unknown keys foo, bar, t (did you mean T?)',
    ]);
  });

  it('lists: unknown items are dropped with a note, a list of nothing known is ignored, none = empty', () => {
    const read = (q: string) => decodeUrl(`embed=1&${q}`);
    expect(read('panels=grad,nope,belt,grad').view.panels).toEqual(['grad', 'belt']);
    expect(read('panels=grad,nope').problems).toHaveLength(1);
    const d = read('panels=nope');
    expect(d.view.panels).toBeNull();
    expect(d.problems[0]).toMatch(/^panels=nope names nothing known/);
    expect(read('controls=none').view.controls).toEqual([]);
    expect(read('controls=').view.controls).toEqual([]);
    expect(read('controls=rho,forget,play').view.controls).toEqual(['rho', 'forget', 'play']);
    expect(read('panels=all').view.panels).toBeNull();
  });

  it('lessons start from their preset; supplied values win over it; an unknown lesson is ignored', () => {
    const d = decodeUrl('lesson=vanishing&rho=0.5');
    expect(d.lesson).toBe('vanishing');
    expect(d.config).toMatchObject({ cell: 'rnn', init: 'orthogonal', rho: 0.5 });
    expect(decodeUrl('lesson=Vanishing').lesson).toBe('vanishing');
    const u = decodeUrl('lesson=nope');
    expect(u.lesson).toBeNull();
    expect(u.config).toEqual(DEFAULT_CONFIG);
    expect(u.problems).toHaveLength(1);
  });

  it('lesson hints fill panels and controls only where the link does not choose', () => {
    const hold = LESSONS.find((l) => l.id === 'hold-forget');
    const d = decodeUrl('lesson=hold-forget&embed=1');
    expect(d.view.panels).toBeNull();
    expect(shownPanels(d.view, d.lesson)).toEqual(hold?.view?.panels);
    expect(shownControls(d.view, d.lesson)).toEqual(hold?.view?.controls);
    const e = decodeUrl('lesson=hold-forget&embed=1&panels=loss&controls=none');
    expect(shownPanels(e.view, e.lesson)).toEqual(['loss']);
    expect(shownControls(e.view, e.lesson)).toEqual([]);
    expect(shownPanels(DEFAULT_VIEW, null)).toBeNull();
  });

  it('notes a link version it does not know', () => {
    expect(decodeUrl('v=1').problems).toEqual([]);
    expect(decodeUrl('v=2').problems).toHaveLength(1);
  });
});

describe('never throws, always valid', () => {
  const check = (search: string) => {
    const d = decodeUrl(search);
    expect(configProblems(d.config)).toEqual([]);
    expect(viewProblems(d.view)).toEqual([]);
    expect(d.lesson === null || LESSONS.some((l) => l.id === d.lesson)).toBe(true);
    // A problem message never carries a huge input back into the UI.
    for (const p of d.problems) expect(p.length).toBeLessThan(600);
    return d;
  };

  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => void check(s)),
      { numRuns: 3000 },
    );
  });

  const adversarial = fc.oneof(
    fc.constantFrom(
      'NaN',
      'Infinity',
      '-Infinity',
      '1e999',
      '-1e999',
      '-0',
      '0x1F',
      '1e-400',
      '',
      ' ',
      '%',
      '%%',
      '%zz',
      '%FF%FE',
      '%C0%AF',
      '\u0000',
      'off',
      'none',
      '__proto__',
      'constructor',
      'toString',
    ),
    fc.double().map(String),
    fc.bigInt().map(String),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer({ min: 1, max: 12 }).map((n) => `${'%25'.repeat(n)}31`),
  );

  it('known keys with adversarial values, in any order and number', () => {
    const keys = fc.constantFrom(
      ...CONFIG_KEYS,
      ...VIEW_KEYS,
      'lesson',
      'v',
      '__proto__',
      'constructor',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, adversarial), { maxLength: 30 }), (pairs) => {
        const raw = pairs.map(([k, v]) => `${k}=${v}`).join('&');
        const encoded = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
        check(raw);
        check(`?${encoded}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('10 MB values and keys, 5 million pairs, deep percent-encoding', () => {
    const big = '9'.repeat(10_000_000);
    const t0 = performance.now();
    expect(check(`T=${big}`).config.T).toBe(DEFAULT_CONFIG.T);
    check(`${big}=1`);
    check(`lesson=${big}`);
    check('a&'.repeat(5_000_000));
    check(`cell=${'%25'.repeat(100_000)}`);
    check(`T=${'1'.repeat(60)}`);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(decodeUrl(`T=${big}`).problems).toEqual([
      `this link is too long (${big.length + 2} characters; at most 100000); using the defaults`,
    ]);
    // Just under the length cap, every value is still read through the table.
    const near = check(`T=${'9'.repeat(99_000)}&H=${'%41'.repeat(300)}&cell=lstm`);
    expect(near.config).toMatchObject({ T: DEFAULT_CONFIG.T, H: DEFAULT_CONFIG.H, cell: 'lstm' });
    expect(near.problems).toHaveLength(2);
    expect(check(`T=${'%2525'.repeat(3)}`).config.T).toBe(DEFAULT_CONFIG.T);
  });
});
