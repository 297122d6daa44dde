import { describe, expect, it } from 'vitest';
import { decodeUrl, DEFAULT_VIEW, encodeUrl } from '../../src/store/url';
import { DEFAULT_CONFIG } from '../../src/worker/config';
import { createTrainer } from '../../src/worker/trainer';

// Values a link sets that its own setup cannot use are put back and named, never dropped silently.
describe('values the setup has no use for', () => {
  it('an init the cell does not offer becomes the cell default, with a notice', () => {
    const d = decodeUrl('?cell=rnn&init=identity');
    expect(d.config.init).toBe('pytorch');
    expect(d.problems).toEqual([
      'init=identity is not offered for the tanh RNN (ReLU RNN only); using pytorch',
    ]);
    const g = decodeUrl('?cell=gru&init=nonnormal');
    expect(g.config.init).toBe('pytorch');
    expect(g.problems).toEqual([
      'init=nonnormal is not offered for the GRU (linear, tanh RNN only); using pytorch',
    ]);
    // Offered: no notice.
    expect(decodeUrl('?cell=relu&init=identity')).toMatchObject({
      config: { cell: 'relu', init: 'identity' },
      problems: [],
    });
    expect(decodeUrl('?cell=linear&init=nonnormal').problems).toEqual([]);
  });

  it('a crossed LRU ring (r_min ≥ r_max) is narrowed below r_max with a notice, never thrown', () => {
    const d = decodeUrl('?cell=lru&init=ring&rmin=0.8&rmax=0.5');
    expect(d.config).toMatchObject({ rmin: 0.499, rmax: 0.5 });
    expect(d.problems).toEqual([
      'rmin=0.8 is not below rmax=0.5: the ring needs r_min < r_max; using r_min = 0.499, r_max = 0.5',
    ]);
    expect(decodeUrl('?cell=lru&init=ring&rmin=0.4&rmax=0.5').problems).toEqual([]);
    // The worker narrows it too (a host's message): training builds, λ on the narrowed ring.
    const t = createTrainer({ ...d.config, rmin: 0.8, rmax: 0.5, H: 4, T: 5 });
    expect(t.step().ok).toBe(true);
  });

  it("a lesson's init that the link's cell does not offer is named with the lesson", () => {
    const d = decodeUrl('?lesson=irnn&cell=rnn');
    expect(d.config).toMatchObject({ cell: 'rnn', init: 'pytorch' });
    expect(d.problems).toEqual([
      "lesson irnn's init=identity is not offered for the tanh RNN (ReLU RNN only); using pytorch",
    ]);
  });

  it('forget bias and a held forget gate for a cell without a forget gate: ignored, with a notice', () => {
    const d = decodeUrl('?cell=gru&forgetBias=2&holdForget=0.9');
    expect(d.config).toEqual({ ...DEFAULT_CONFIG, cell: 'gru' });
    expect(d.problems).toEqual([
      'forgetBias=2 ignored: the GRU has no forget-gate bias (LSTM only)',
      'holdForget=0.9 ignored: the GRU has no forget gate to hold (LSTM only)',
    ]);
    // The default cell (tanh RNN) too; the LSTM takes both.
    expect(decodeUrl('?forgetBias=-1').problems).toEqual([
      'forgetBias=-1 ignored: the tanh RNN has no forget-gate bias (LSTM only)',
    ]);
    expect(decodeUrl('?cell=lstm&forgetBias=2&holdForget=0.9')).toMatchObject({
      config: { forgetBias: 2, holdForget: 0.9 },
      problems: [],
    });
    // The value the cell would have anyway loses nothing: no notice.
    expect(decodeUrl('?cell=gru&forgetBias=0&holdForget=off').problems).toEqual([]);
  });

  it('panels= and controls= outside an embed, autoplay= in backward mode: ignored, with a notice', () => {
    const d = decodeUrl('?panels=grad,belt&controls=rho');
    expect(d.view).toEqual(DEFAULT_VIEW);
    expect(d.problems).toEqual([
      'panels=grad,belt ignored: panels= and controls= choose what an embed shows (add embed=1)',
      'controls=rho ignored: panels= and controls= choose what an embed shows (add embed=1)',
    ]);
    expect(decodeUrl('?embed=1&panels=grad,belt&controls=rho').problems).toEqual([]);
    const b = decodeUrl('?view=backward&autoplay=1');
    expect(b.view).toMatchObject({ view: 'backward', autoplay: false });
    expect(b.problems).toEqual([
      'autoplay=1 ignored: view=backward steps back through a paused batch (Play leaves it and trains)',
    ]);
    expect(decodeUrl('?lesson=one-step-back&autoplay=1').view.autoplay).toBe(false);
  });

  it('a key given twice: the last counts, and it is said so', () => {
    const d = decodeUrl('?T=10&T=20&cell=lstm&T=30');
    expect(d.config.T).toBe(30);
    expect(d.problems).toEqual(['T appears 3 times; the last one counts (T=30)']);
  });

  it('the page never writes what it would have to ignore', () => {
    expect(encodeUrl({ ...DEFAULT_CONFIG, cell: 'gru', forgetBias: 2 }, DEFAULT_VIEW)).toBe(
      'v=1&cell=gru',
    );
    expect(encodeUrl({ ...DEFAULT_CONFIG, cell: 'lstm', init: 'nonnormal' }, DEFAULT_VIEW)).toBe(
      'v=1&cell=lstm',
    );
    expect(encodeUrl({ ...DEFAULT_CONFIG, cell: 'lstm', init: 'orthogonal' }, DEFAULT_VIEW)).toBe(
      'v=1&cell=lstm&init=orthogonal',
    );
    expect(encodeUrl(DEFAULT_CONFIG, { ...DEFAULT_VIEW, panels: ['grad'], autoplay: true })).toBe(
      'v=1&autoplay=1',
    );
    expect(encodeUrl(DEFAULT_CONFIG, { ...DEFAULT_VIEW, view: 'backward', autoplay: true })).toBe(
      'v=1&view=backward',
    );
    // The lesson's own init where the link's cell lacks it: the cell's default is written.
    expect(
      encodeUrl({ ...decodeUrl('?lesson=irnn').config, cell: 'rnn' }, DEFAULT_VIEW, 'irnn'),
    ).toBe('v=1&lesson=irnn&cell=rnn&init=pytorch');
  });
});
